/// Builds one table row by row, whichever form the return came in: each cell trimmed and
/// upper-cased (`CellText`) and numbered among its column's distinct values (`CellInterner`).
struct SSDA903TableBuilder {
    let table: SSDA903Table
    let layout: [SSDA903Column]
    /// The columns in the order of the file's header row (CSV only), to name a cell's column.
    let fileOrder: [SSDA903Column]
    private var ids: [[Int32]]
    private var interners: [CellInterner]
    private var lines: [Int] = []
    private var scratch: [UInt8] = []

    init(_ table: SSDA903Table, layout: [SSDA903Column], fileOrder: [SSDA903Column] = [], expectedRows: Int = 0) {
        self.table = table
        self.layout = layout
        self.fileOrder = fileOrder
        ids = Array(repeating: [], count: layout.count)
        interners = Array(repeating: CellInterner(), count: layout.count)
        for index in ids.indices { ids[index].reserveCapacity(expectedRows) }
        lines.reserveCapacity(expectedRows)
    }

    var rowCount: Int { lines.count }

    /// Adds the cell of the `column`th column of `layout` to the current row.
    mutating func add(_ field: UnsafeBufferPointer<UInt8>, to column: Int) {
        let id = CellText.normalise(field, scratch: &scratch) { interners[column].id(of: $0) }
        ids[column].append(id)
    }

    mutating func addBlank(to column: Int) {
        ids[column].append(0)
    }

    /// Ends the current row, which starts on `line` of the file.
    mutating func endRow(line: Int) {
        lines.append(line)
    }

    func build(file: String) -> SSDA903TableData {
        let cells = zip(ids, interners).map { SSDA903Cells(ids: $0, values: $1.values) }
        return SSDA903TableData(table: table, file: file, lines: lines, columns: cells,
                                childNumbers: interners[layout.firstIndex(of: .child)!], layout: layout, fileOrder: fileOrder)
    }
}
