import SQLKit

/// How a page's statement gives the number of rows the whole list has, in a column `total` of
/// each row (`ChildDirectory.pageColumns`).
enum PageTotal {
    /// `COUNT(*) OVER ()`: the matching rows counted as they are sorted.
    case window
    /// The list's count statement, as a column: run once, beside the page.
    case counted(SQLSelect)
}

/// A page of a list and how many rows the whole list has. Any requested number is safe: one
/// before the first gives the first, one past the last gives the last.
struct Paged<Row: Sendable>: Sendable {
    let rows: [Row]
    let total: Int
    /// The page shown: the one asked for, brought within 1…pageCount.
    let number: Int
    let pageSize: Int

    var pageCount: Int { Self.pageCount(total: total, size: pageSize) }

    /// The page asked for, brought within 1 and the last page any list could have (so that its
    /// first row's position is a number), before the list is read.
    static func asked(_ requested: Int, size: Int) -> Int { min(max(1, requested), Int.max / size) }

    /// Page `number` of the rows `select` gives in its order, `size` a page. On PostgreSQL the
    /// page's size and start are values rather than written into the text: every page is then one
    /// statement, which it prepares once (`PostgresNamedStatement` names only so many texts, and a
    /// page number is whatever the address says). On SQLite, with the page written into the text,
    /// My work cost its server 5–9 % less CPU (side by side, at 15,000 children, when SQLite still
    /// prepared every statement afresh; now each page's text is a statement its connection keeps,
    /// `SQLitePreparedStatements`, up to a bound). The lists' pages (`ChildDirectory`,
    /// `CareQueries`) are still written into the text on both: as values, PostgreSQL would plan
    /// them without knowing the page's size.
    static func page(_ number: Int, size: Int, of select: SQLSelect, on db: any SQLDatabase) -> SQLQueryString {
        let start = (number - 1) * size
        return db.dialect.name == "postgresql"
            ? "\(select) LIMIT \(bind: size) OFFSET \(bind: start)"
            : "\(select) LIMIT \(literal: size) OFFSET \(literal: start)"
    }

    /// The last page of `total` rows, `size` a page: 1 when there are none.
    static func pageCount(total: Int, size: Int) -> Int { max(1, (total + size - 1) / size) }

    /// Reads a page, with how many rows the list has, in one statement the way that costs each
    /// database least. SQLite sorting every matching row reads them all anyway, so it counts them
    /// as it goes (`COUNT(*) OVER ()`). PostgreSQL would have to sort every matching row to give
    /// that total, where with the count apart it keeps only the page's rows as it reads (a top-N
    /// sort), and a list read in an index's order (`orderIndexed`) stops after the page on either
    /// database: for these the count statement (`count`, a select of one column `n`) goes in the
    /// page's statement as a column, run once beside it rather than as a statement of its own.
    /// `rows(page, total)` reads one page, with the total in each row.
    static func read(page requested: Int, size: Int, on db: any SQLDatabase, orderIndexed: Bool = false,
                     rows: (_ page: Int, _ total: PageTotal) async throws -> [(row: Row, total: Int)],
                     count: () -> SQLSelectBuilder) async throws -> Paged {
        let total: PageTotal = orderIndexed || db.dialect.name == "postgresql" ? .counted(count().select) : .window
        let asked = asked(requested, size: size)
        let found = try await rows(asked, total)
        if let first = found.first { return Paged(rows: found.map(\.row), total: first.total, number: asked, pageSize: size) }
        // No rows: none match, or the page asked for is past the last (then the last is read).
        guard asked > 1 else { return Paged(rows: [], total: 0, number: 1, pageSize: size) }
        let all = try await count().first(decodingColumn: "n", as: Int.self) ?? 0
        let last = pageCount(total: all, size: size)
        return Paged(rows: all == 0 ? [] : try await rows(last, total).map(\.row), total: all, number: last, pageSize: size)
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
