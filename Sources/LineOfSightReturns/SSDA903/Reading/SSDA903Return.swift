/// The tables of one collection year's return, any subset of them.
public struct SSDA903Return: Sendable {
    /// How the return came: CSV files (one a table) or one XML file. A few DfE rules read what
    /// only the XML form carries and run only on it.
    public enum Form: Sendable, Equatable { case csv, xml }

    public let tables: [SSDA903Table: SSDA903TableData]
    public let form: Form

    public init(tables: [SSDA903Table: SSDA903TableData], form: Form = .csv) {
        self.tables = tables
        self.form = form
    }

    public subscript(table: SSDA903Table) -> SSDA903TableData? { tables[table] }

    /// Whether the return holds `table`, without copying it out.
    public func has(_ table: SSDA903Table) -> Bool { tables.index(forKey: table) != nil }
}
