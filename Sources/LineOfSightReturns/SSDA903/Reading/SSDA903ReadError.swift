/// Why a return's files cannot be read. Each names the file, and the line and column where
/// that makes sense, so a council can find the fault in the file it exported.
public struct SSDA903ReadError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        case unreadable(String)
        case empty
        case noHeaderRow
        case notUTF8(detail: String)
        case unknownHeader([String])
        case tooManyFields(expected: Int, found: Int)
        case tooManyRows(Int)
        case unterminatedQuote
        case sameTableTwice(SSDA903Table, otherFile: String)
        case notALookup(String)
        case notXML(String)
        case notAReturnXML(root: String)
        case xmlLayout(String)
        case notOneXMLFile(otherFile: String)
    }

    public let file: String
    /// 1-based; nil when the fault is the whole file.
    public let line: Int?
    /// 1-based: the field of a CSV row, the character of an XML line; nil when the fault is a
    /// whole line or file.
    public let column: Int?
    public let kind: Kind

    public init(file: String, line: Int? = nil, column: Int? = nil, _ kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        let what = switch kind {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .empty: "is empty: a table's file starts with its header row"
        case .noHeaderRow: "does not start with a header row: there is no line end in its first 64 KB"
        case .notUTF8(let detail): "is not UTF-8 (\(detail)); save it as UTF-8 (CSV UTF-8) and upload it again"
        case .unknownHeader(let names):
            "has a header row (\(Self.shortened(names.joined(separator: ",")))) that is not the column list of any SSDA903 table"
        case .tooManyFields(let expected, let found): "has \(found) fields where the header has \(expected)"
        case .tooManyRows(let limit): "has more than \(limit) rows, more than any return could hold"
        case .unterminatedQuote: "has a quoted field that is never closed"
        case .sameTableTwice(let table, let other): "holds the \(table.rawValue) table, as \(other) already does"
        case .notALookup(let reason): "is not a lookup file: \(reason)"
        case .notXML(let problem): "is not well-formed XML: \(problem)"
        case .notAReturnXML(let root): "has the root element <\(root)>, not <EXPSSDA903>: it is not an SSDA903 return"
        case .xmlLayout(let problem): "is not laid out as an SSDA903 return: \(problem)"
        case .notOneXMLFile(let other):
            "is an XML return beside \(other): a return is either CSV files (one a table) or one XML file"
        }
        return "\(place): \(what)"
    }

    /// A header row of garbage can be 64 KB long: enough of it to recognise, not all of it.
    private static func shortened(_ text: String) -> String {
        text.count <= 200 ? text : text.prefix(200) + "…"
    }
}
