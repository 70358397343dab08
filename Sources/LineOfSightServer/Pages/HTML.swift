/// A small typed HTML tree. Text is escaped when rendered, so a page cannot inject markup by accident;
/// the builder is non-generic so large pages type-check quickly.
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case void(String, [Attribute])
    case text(String)
    case fragment([Node])

    static let empty = Node.fragment([])

    /// Appends piece by piece, never concatenating temporaries: a list page is thousands of nodes.
    func render(into out: inout String) {
        switch self {
        case let .element(name, attributes, children):
            out.append("<")
            out.append(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.append(">")
            for child in children { child.render(into: &out) }
            out.append("</")
            out.append(name)
            out.append(">")
        case let .void(name, attributes):
            out.append("<")
            out.append(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.append(">")
        case let .text(text):
            HTMLEscaping.escape(text, into: &out)
        case let .fragment(children):
            for child in children { child.render(into: &out) }
        }
    }
}

public struct Attribute: Sendable {
    let name: String
    /// nil renders a boolean attribute (`required`, `checked`).
    let value: String?

    init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    func render(into out: inout String) {
        out.append(" ")
        out.append(name)
        guard let value else { return }
        out.append("=\"")
        HTMLEscaping.escape(value, into: &out)
        out.append("\"")
    }

    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func href(_ value: String) -> Attribute { Attribute("href", value) }
    static func href(_ url: SiteURL) -> Attribute { Attribute("href", url.path) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
}

enum HTMLEscaping {
    /// Works on the UTF-8 bytes: the five characters to escape are ASCII, and every page escapes
    /// thousands of strings, most with nothing to escape, which are appended as they are.
    static func escape(_ text: String, into out: inout String) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        guard text.utf8.contains(where: special) else { return out.append(text) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"": out.append("&quot;")
            case "'": out.append("&#39;")
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// `el("p", .class("govuk-body")) { "Hello" }`
func el(_ name: String, _ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, content())
}

func el(_ name: String, attributes: [Attribute], @NodeBuilder _ content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, content())
}

func fragment(@NodeBuilder _ content: () -> [Node]) -> Node {
    .fragment(content())
}
