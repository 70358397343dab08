import SQLKit

/// A page of a list and how many rows the whole list has. Any requested number is safe: one
/// before the first gives the first, one past the last gives the last.
struct Paged<Row: Sendable>: Sendable {
    let rows: [Row]
    let total: Int
    /// The page shown: the one asked for, brought within 1…pageCount.
    let number: Int
    let pageSize: Int

    var pageCount: Int { Self.pageCount(total: total, size: pageSize) }

    /// The last page of `total` rows, `size` a page: 1 when there are none.
    static func pageCount(total: Int, size: Int) -> Int { max(1, (total + size - 1) / size) }

    /// Reads a page the way that costs each database least. SQLite sorting every matching row
    /// reads them all anyway, so the total comes with the page's rows (`COUNT(*) OVER ()`) in one
    /// query. PostgreSQL would have to sort every matching row to give that total, where with the
    /// count asked apart it keeps only the page's rows as it reads (a top-N sort); and a list
    /// read in an index's order (`orderIndexed`) stops after the page on either database, so it
    /// is counted apart on both. `rows(page, withTotal)` reads one page, with the window total as
    /// `total` when asked (else 0).
    static func read(page requested: Int, size: Int, on db: any SQLDatabase, orderIndexed: Bool = false,
                     rows: (_ page: Int, _ withTotal: Bool) async throws -> [(row: Row, total: Int)],
                     count: () async throws -> Int) async throws -> Paged {
        if orderIndexed || db.dialect.name == "postgresql" {
            return try await counted(page: requested, size: size, count: count, rows: { try await rows($0, false).map(\.row) })
        }
        return try await fetch(page: requested, size: size, rows: { try await rows($0, true) }, count: count)
    }

    /// One query a page, with the total in every row; only a page past the last reads the count.
    private static func fetch(page requested: Int, size: Int, rows: (_ page: Int) async throws -> [(row: Row, total: Int)],
                      count: () async throws -> Int) async throws -> Paged {
        let asked = min(max(1, requested), Int.max / size)
        let found = try await rows(asked)
        if let first = found.first { return Paged(rows: found.map(\.row), total: first.total, number: asked, pageSize: size) }
        guard asked > 1 else { return Paged(rows: [], total: 0, number: 1, pageSize: size) }
        let total = try await count()
        let last = pageCount(total: total, size: size)
        return Paged(rows: try await rows(last).map(\.row), total: total, number: last, pageSize: size)
    }

    /// The count first, then the page.
    private static func counted(page requested: Int, size: Int, count: () async throws -> Int,
                        rows: (_ page: Int) async throws -> [Row]) async throws -> Paged {
        let total = try await count()
        let page = min(max(1, requested), pageCount(total: total, size: size))
        return Paged(rows: total == 0 ? [] : try await rows(page), total: total, number: page, pageSize: size)
    }
}

extension Paged {
    /// One page of rows already in memory (a list whose rows are worked out, not read: missing
    /// episodes with their return interviews), the page asked for brought within 1…pageCount.
    init(slicing all: [Row], page requested: Int, size: Int) {
        let page = min(max(1, requested), Self.pageCount(total: all.count, size: size))
        self.init(rows: Array(all.dropFirst((page - 1) * size).prefix(size)), total: all.count, number: page, pageSize: size)
    }
}
