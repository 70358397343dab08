/// A page of a list whose total comes with its rows (`COUNT(*) OVER ()`), so a page is one query.
/// Any requested number is safe: one before the first gives the first, one past the last gives
/// the last (only then is the count read first, to know which page is the last).
struct Paged<Row: Sendable>: Sendable {
    let rows: [Row]
    let total: Int
    /// The page shown: the one asked for, brought within 1…pageCount.
    let number: Int
    let pageSize: Int

    var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

    static func fetch(page requested: Int, size: Int, rows: (_ page: Int) async throws -> [(row: Row, total: Int)],
                      count: () async throws -> Int) async throws -> Paged {
        let asked = min(max(1, requested), Int.max / size)
        let found = try await rows(asked)
        if let first = found.first { return Paged(rows: found.map(\.row), total: first.total, number: asked, pageSize: size) }
        guard asked > 1 else { return Paged(rows: [], total: 0, number: 1, pageSize: size) }
        let total = try await count()
        let last = max(1, (total + size - 1) / size)
        return Paged(rows: try await rows(last).map(\.row), total: total, number: last, pageSize: size)
    }

    /// The count first, then the page: for a list whose page can be read along an index in order
    /// (a window count would make the database read and sort every matching row first).
    static func counted(page requested: Int, size: Int, count: () async throws -> Int,
                        rows: (_ page: Int) async throws -> [Row]) async throws -> Paged {
        let total = try await count()
        let last = max(1, (total + size - 1) / size)
        let page = min(max(1, requested), last)
        return Paged(rows: total == 0 ? [] : try await rows(page), total: total, number: page, pageSize: size)
    }
}
