extension SSDA903Rules {
    /// Each child's episodes in date order, as the DfE tool orders them (by CHILD, then DECOM):
    /// a missing or malformed start date sorts last, ties keep file order. Rows without a CHILD
    /// belong to no child.
    static func episodesInOrder(_ episodes: SSDA903TableData) -> [[Int]] {
        let began = episodes.dates(.decom)
        return episodes.children.rowsByValue().present.map { rows in
            rows.sorted { a, b in
                switch (began[a].date, began[b].date) {
                case let (x?, y?): x != y ? x < y : a < b
                case (.some, .none): true
                case (.none, .some): false
                case (.none, .none): a < b
                }
            }
        }
    }
}
