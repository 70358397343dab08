import Foundation

/// Writes a table as CSV in the DfE's column order: a header row, then one line per row.
public struct SSDA903CSVTable {
    public let table: SSDA903Table
    private(set) var text: String

    public init(_ table: SSDA903Table) {
        self.table = table
        text = table.columns.map(\.rawValue).joined(separator: ",") + "\n"
    }

    /// The table holding `rows`, in order (see `append`).
    public init(_ table: SSDA903Table, rows: [[SSDA903Column: String]]) {
        self.init(table)
        for row in rows { append(row) }
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

/// A return's CSV files, one a table, under the names the DfE's examples use (header.csv,
/// episodes.csv …): the validator recognises a table by its header row, not its file's name.
public enum SSDA903CSVFiles {
    public static func name(of table: SSDA903Table) -> String { table.rawValue.lowercased() + ".csv" }

    /// Writes each table's CSV text into `directory`, made if missing.
    public static func write(_ tables: [SSDA903Table: String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (table, csv) in tables.sorted(by: { $0.key < $1.key }) {
            try Data(csv.utf8).write(to: directory.appendingPathComponent(name(of: table)))
        }
    }
}
