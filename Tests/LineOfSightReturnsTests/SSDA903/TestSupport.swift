@testable import LineOfSightReturns

/// A table read from CSV text, as the reader reads a file: `csv(.header, "1,M,…")` writes the
/// table's header row (in the DfE's column order) above the given data rows.
func csv(_ table: SSDA903Table, _ rows: String...) -> SSDA903TableData {
    csv(table, rows)
}

func csv(_ table: SSDA903Table, _ rows: [String]) -> SSDA903TableData {
    let text = ([table.columns.map(\.rawValue).joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    do {
        return try SSDA903Reader.readTable(bytes: Array(text.utf8), file: "\(table.rawValue).csv")
    } catch {
        preconditionFailure("test CSV does not read: \(error)")
    }
}

