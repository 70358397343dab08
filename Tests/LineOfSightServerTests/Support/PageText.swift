import Foundation

/// What a person reads on a page: the text of its headings, labels, legends, buttons, table headers,
/// hints and messages, as a small scanner of the well-formed HTML our renderer writes. Text inside
/// `<code>` is left out: it is meant to be code.
enum PageText {
    static let readElements: Set<String> = ["title", "h1", "h2", "h3", "h4", "label", "legend", "button", "caption", "th", "dt", "a", "option"]
    static let readClasses = ["govuk-hint", "govuk-error-message", "govuk-error-summary", "govuk-notification-banner", "govuk-tag", "govuk-caption"]
    static let voidElements: Set<String> = ["input", "meta", "link", "br", "img", "hr"]

    /// Each piece of read text, with the element it is in.
    static func readText(in html: String) -> [(element: String, text: String)] {
        var found: [(String, String)] = []
        var stack: [(name: String, read: Bool, code: Bool)] = []
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close]
                if tag.hasPrefix("/") {
                    if !stack.isEmpty { stack.removeLast() }
                } else if !tag.hasPrefix("!") {
                    let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
                    if !voidElements.contains(name) {
                        let classes = Visitor.attribute("class", in: tag) ?? ""
                        let read = readElements.contains(name) || readClasses.contains { classes.contains($0) }
                        stack.append((name, read || (stack.last?.read ?? false), name == "code" || (stack.last?.code ?? false)))
                    }
                }
                index = html.index(after: close)
            } else {
                let end = html[index...].firstIndex(of: "<") ?? html.endIndex
                let text = html[index..<end].trimmingCharacters(in: .whitespacesAndNewlines)
                if let top = stack.last, top.read, !top.code, !text.isEmpty {
                    found.append((top.name, decode(text)))
                }
                index = end
            }
        }
        return found
    }

    /// Words that look like code: snake_case, lowerCamelCase or UpperCamelCase with two humps (but
    /// not the service's own name, or a surname such as McDonald).
    static func codeLikeWords(in text: String) -> [String] {
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        return words.filter { word in
            if word == "LineOfSight" || word.range(of: #"^(Mc|Mac)[A-Z][a-z]+$"#, options: .regularExpression) != nil { return false }
            return word.range(of: #"^[A-Za-z]+_[A-Za-z_]+$"#, options: .regularExpression) != nil
                || word.range(of: #"^[a-z]+[A-Z][A-Za-z]*$"#, options: .regularExpression) != nil
                || word.range(of: #"^[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*$"#, options: .regularExpression) != nil
        }
    }

    private static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
