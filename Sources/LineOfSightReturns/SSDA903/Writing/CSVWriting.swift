/// Writes a table as CSV in the DfE's column order: a header row, then one line per row.
public struct SSDA903CSVTable {
    public let table: SSDA903Table
    private(set) var text: String

    public init(_ table: SSDA903Table) {
        self.table = table
        text = table.columns.map(\.rawValue).joined(separator: ",") + "\n"
    }

    /// Appends a row; `cells` maps columns to their text, absent columns are empty.
    public mutating func append(_ cells: [SSDA903Column: String]) {
        text += table.columns.map { quoted(cells[$0] ?? "") }.joined(separator: ",")
        text += "\n"
    }

    public var csv: String { text }

    private func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
