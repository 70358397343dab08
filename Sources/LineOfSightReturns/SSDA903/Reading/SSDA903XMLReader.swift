import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the XML form of a return (root `EXPSSDA903`) into the same tables as its CSV files, so
/// every rule runs on it unchanged. A row's line is the line of the element it comes from. The
/// layout is in `SSDA903XMLLayout`; an element the layout does not name is passed over, as the
/// DfE tool passes it over, but a file that is not XML, or whose elements are not nested as a
/// return's are, is refused with its file, line and column.
enum SSDA903XMLReader {
    static func read(_ data: Data, file: String, rowLimit: Int = SSDA903Reader.maximumRows) throws(SSDA903ReadError) -> SSDA903Return {
        let parser = XMLParser(data: data)
        // A return refers to nothing outside itself; resolving entities would let a file reach out.
        parser.shouldResolveExternalEntities = false
        let reading = XMLReturnReading(file: file, rowLimit: rowLimit)
        parser.delegate = reading
        // Its result says only whether it stopped; the delegate's fault says why.
        _ = parser.parse()
        if let fault = reading.fault { throw fault }
        guard reading.sawRoot else { throw SSDA903ReadError(file: file, .notXML("the file is empty")) }
        return SSDA903Return(tables: reading.tables(), form: .xml)
    }

    /// What a parser error means, in words: Foundation passes on libxml2's error number
    /// (`xmlParserErrors`), not its text. The numbers are libxml2's, not `XMLParser.ErrorCode`'s
    /// cases, whose raw values are off by one on Linux.
    static func problem(_ error: Error) -> String {
        let code = (error as NSError).code
        return switch code {
        case 4: "no element starts it: it is not XML"
        case 5: "it ends before every element is closed"
        case 9: "it holds a byte that is not a character of its encoding (UTF-8 unless it declares another), or a character XML does not allow"
        case 26: "it uses an entity (&…;) that is not declared"
        case 31, 32, 81: "its bytes are not in the encoding it declares"
        case 39, 41, 73, 77: "a tag is not written as XML writes tags"
        case 76: "an element is closed by the end tag of another"
        case 85, 86: "something follows the end of its outermost element"
        default: "XML parser error \(code)"
        }
    }
}

/// The parser's delegate: follows the nesting of elements, gathers each child's fields and rows,
/// and when a `CHILD` closes, adds its rows to the tables.
private final class XMLReturnReading: NSObject, XMLParserDelegate {
    private enum Level {
        case root, child, header, row(element: String), field(SSDA903Column), passedOver
    }

    /// One row element of the current child: its own fields and the line it starts on.
    private struct Row {
        let table: SSDA903Table
        let line: Int
        var fields: [SSDA903Column: String] = [:]
    }

    let file: String
    let rowLimit: Int
    private(set) var fault: SSDA903ReadError?
    private(set) var sawRoot = false
    private var stack: [Level] = []
    private var text = ""
    private var builders: [SSDA903Table: SSDA903TableBuilder]

    // The child being read.
    private var childLine = 0
    private var headerLine: Int?
    private var headerFields: [SSDA903Column: String] = [:]
    private var headerFieldLines: [SSDA903Column: Int] = [:]
    private var rows: [Row] = []

    private static let headerTags = SSDA903XMLLayout.byTag(SSDA903XMLLayout.headerFields)
    private static let rowTags = SSDA903XMLLayout.rowElements.mapValues { element in
        SSDA903XMLLayout.byTag(SSDA903XMLLayout.ownColumns(of: element.table))
    }

    init(file: String, rowLimit: Int) {
        self.file = file
        self.rowLimit = rowLimit
        builders = Dictionary(uniqueKeysWithValues: SSDA903XMLLayout.tables.map { table in
            (table, SSDA903TableBuilder(table, layout: table.columns + table.xmlOnlyColumns))
        })
    }

    func tables() -> [SSDA903Table: SSDA903TableData] {
        builders.mapValues { $0.build(file: file) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        stop(parser, .notXML(SSDA903XMLReader.problem(error)))
    }

    private func stop(_ parser: XMLParser, _ kind: SSDA903ReadError.Kind, line: Int? = nil) {
        guard fault == nil else { return }
        fault = SSDA903ReadError(file: file, line: line ?? parser.lineNumber,
                                 column: line == nil ? parser.columnNumber : nil, kind)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard let top = stack.last else {
            guard name == SSDA903XMLLayout.root else { return stop(parser, .notAReturnXML(root: name)) }
            sawRoot = true
            stack.append(.root)
            return
        }
        switch top {
        case .root:
            guard name == SSDA903XMLLayout.child else {
                return stop(parser, .xmlLayout("<\(SSDA903XMLLayout.root)> holds <\(name)> where only <CHILD> elements belong"))
            }
            childLine = parser.lineNumber
            headerLine = nil
            headerFields = [:]
            headerFieldLines = [:]
            rows = []
            stack.append(.child)
        case .child:
            if name == SSDA903XMLLayout.header {
                guard headerLine == nil else {
                    return stop(parser, .xmlLayout("the <CHILD> of line \(childLine) holds a second <HEADER>"))
                }
                headerLine = parser.lineNumber
                stack.append(.header)
            } else if let element = SSDA903XMLLayout.rowElements[name], !element.inHeader {
                startRow(name, of: element.table, parser)
            } else {
                stack.append(.passedOver)
            }
        case .header:
            if let column = Self.headerTags[name] {
                startField(column, parser)
            } else if let element = SSDA903XMLLayout.rowElements[name], element.inHeader {
                startRow(name, of: element.table, parser)
            } else {
                stack.append(.passedOver)
            }
        case .row(let element):
            if let column = Self.rowTags[element]![name] {
                startField(column, parser)
            } else {
                stack.append(.passedOver)
            }
        case .field(let column):
            stop(parser, .xmlLayout("<\(SSDA903XMLLayout.tag(of: column))> holds the element <\(name)> where only its value belongs"))
        case .passedOver:
            stack.append(.passedOver)
        }
    }

    private func startRow(_ element: String, of table: SSDA903Table, _ parser: XMLParser) {
        rows.append(Row(table: table, line: parser.lineNumber))
        stack.append(.row(element: element))
    }

    private func startField(_ column: SSDA903Column, _ parser: XMLParser) {
        text = ""
        if case .header = stack.last { headerFieldLines[column] = parser.lineNumber }
        stack.append(.field(column))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if case .field = stack.last { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if case .field = stack.last { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let level = stack.popLast() else { return }
        switch level {
        case .field(let column):
            endField(column, parser)
        case .child:
            endChild(parser)
        case .root, .header, .row, .passedOver:
            break
        }
    }

    private func endField(_ column: SSDA903Column, _ parser: XMLParser) {
        let tag = SSDA903XMLLayout.tag(of: column)
        // XML puts a value between tags that may stand on lines of their own.
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch stack.last {
        case .header:
            guard headerFields[column] == nil else { return stop(parser, .xmlLayout("<HEADER> holds <\(tag)> twice")) }
            headerFields[column] = text
        case .row(let element):
            guard rows[rows.count - 1].fields[column] == nil else {
                return stop(parser, .xmlLayout("<\(element)> holds <\(tag)> twice"))
            }
            rows[rows.count - 1].fields[column] = text
        default:
            break
        }
    }

    /// Adds the child's rows to the tables: its Header row, the one-row tables its `HEADER` holds
    /// the fields of, and one row for each row element.
    private func endChild(_ parser: XMLParser) {
        guard let headerLine else {
            return stop(parser, .xmlLayout("the <CHILD> of line \(childLine) has no <HEADER>"), line: childLine)
        }
        append(to: .header, line: headerLine, parser) { self.headerFields[$0] }
        for table in SSDA903XMLLayout.headerTables {
            guard let key = SSDA903XMLLayout.rowKey(of: table, in: headerFields) else { continue }
            append(to: table, line: headerFieldLines[key]!, parser) { self.headerFields[$0] }
        }
        for row in rows {
            append(to: row.table, line: row.line, parser) { row.fields[$0] ?? self.identity($0) }
        }
    }

    /// The `HEADER`'s CHILD, DOB and SEX, which a row element does not repeat; nil for any other column.
    private func identity(_ column: SSDA903Column) -> String? {
        column == .child || column == .dob || column == .sex ? headerFields[column] : nil
    }

    private func append(to table: SSDA903Table, line: Int, _ parser: XMLParser, value: (SSDA903Column) -> String?) {
        guard fault == nil else { return }
        guard builders[table]!.rowCount < rowLimit else { return stop(parser, .tooManyRows(rowLimit), line: line) }
        for (index, column) in builders[table]!.layout.enumerated() {
            guard var cell = value(column), !cell.isEmpty else { builders[table]!.addBlank(to: index); continue }
            cell.withUTF8 { builders[table]!.add($0, to: index) }
        }
        builders[table]!.endRow(line: line)
    }
}
