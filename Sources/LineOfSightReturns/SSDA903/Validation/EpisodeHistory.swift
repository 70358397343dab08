/// Each child's episodes in date order, worked out once per validation for every rule that
/// walks a child's history (the DfE tool sorts by CHILD then DECOM in each such rule).
///
/// A missing or malformed start date sorts last, as pandas puts NaT last; ties keep file order,
/// as pandas' multi-column sort does. Rows without a CHILD belong to no child.
public struct EpisodeHistory: Sendable {
    /// One list of Episodes rows per child, earliest first.
    public let children: [[Int]]

    init(_ episodes: SSDA903TableData?) {
        guard let episodes else { children = []; return }
        let began = episodes.dates(.decom)
        children = episodes.children.rowsByValue().present.map { rows in
            rows.sorted { a, b in EpisodeHistory.earlier(began[a], a, than: began[b], b) }
        }
    }

    /// Date order with missing and malformed dates last, then file order.
    static func earlier(_ x: FieldDate, _ a: Int, than y: FieldDate, _ b: Int) -> Bool {
        switch (x.date, y.date) {
        case let (first?, second?): first != second ? first < second : a < b
        case (.some, .none): true
        case (.none, .some): false
        case (.none, .none): a < b
        }
    }

    /// Calls `body` with each pair of consecutive episodes of a child, earlier first.
    public func forEachPair(_ body: (_ previous: Int, _ next: Int) -> Void) {
        for rows in children where rows.count > 1 {
            for index in 1..<rows.count { body(rows[index - 1], rows[index]) }
        }
    }
}
