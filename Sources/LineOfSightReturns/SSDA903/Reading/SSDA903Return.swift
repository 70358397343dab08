/// The tables of one collection year's return, any subset of them.
public struct SSDA903Return: Sendable {
    public let tables: [SSDA903Table: SSDA903TableData]

    public init(tables: [SSDA903Table: SSDA903TableData]) {
        self.tables = tables
    }

    public subscript(table: SSDA903Table) -> SSDA903TableData? { tables[table] }
}
