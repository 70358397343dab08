/// One table of a return, column by column: each cell trimmed and upper-cased (nil when
/// empty), and each date column also parsed once into `FieldDate`s, so rules loop over plain
/// arrays and never parse or look up a cell by name.
public struct SSDA903TableData: Sendable {
    public let table: SSDA903Table
    /// The file it was read from, as given to the reader.
    public let file: String
    /// The line in the file where each data row starts (row 0 is the first row after the header).
    public let lines: [Int]
    private let values: [[String?]]
    private let parsedDates: [[FieldDate]]

    init(table: SSDA903Table, file: String, lines: [Int], values: [[String?]]) {
        self.table = table
        self.file = file
        self.lines = lines
        self.values = values
        parsedDates = zip(table.columns, values).map { column, cells in
            column.isDate ? cells.map { cell in cell.map { FieldDate(cell: $0.utf8) } ?? .missing } : []
        }
    }

    public var rowCount: Int { lines.count }
    public var rows: Range<Int> { 0..<lines.count }

    /// The cells of `column`, one per row.
    public subscript(column: SSDA903Column) -> [String?] {
        values[position(of: column)]
    }

    /// The parsed dates of a date column, one per row.
    public func dates(_ column: SSDA903Column) -> [FieldDate] {
        precondition(column.isDate, "\(column.rawValue) is not a date column")
        return parsedDates[position(of: column)]
    }

    /// Each row's CHILD.
    public var children: [String?] { self[.child] }

    private func position(of column: SSDA903Column) -> Int {
        guard let index = table.columns.firstIndex(of: column) else {
            preconditionFailure("\(table.rawValue) has no column \(column.rawValue)")
        }
        return index
    }
}
