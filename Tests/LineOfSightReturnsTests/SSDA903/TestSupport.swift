@testable import LineOfSightReturns

/// A table read from CSV text, as the reader reads a file: `table(.header, "1,M,…")` writes the
/// table's header row (in the DfE's column order) above the given data rows.
func table(_ kind: SSDA903Table, _ rows: String...) -> SSDA903TableData {
    table(kind, rows)
}

func table(_ kind: SSDA903Table, _ rows: [String]) -> SSDA903TableData {
    let text = ([kind.columns.map(\.rawValue).joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    do {
        return try SSDA903Reader.readTable(bytes: Array(text.utf8), file: "\(kind.rawValue).csv")
    } catch {
        preconditionFailure("test CSV does not read: \(error)")
    }
}
