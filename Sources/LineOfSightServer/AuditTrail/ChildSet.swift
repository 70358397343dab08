import Foundation

/// The children one list, search or export showed, as the audit trail names them: once for each
/// different set (`NameShownChildrenBySet`). Its id is a digest of the children, in an order of
/// their own (their bytes), so the same children always give the same set however the page
/// ordered them and whoever read it.
struct ChildSet: Sendable {
    let id: UUID
    /// Each child once: a page can show a child twice (two case discussions of one child).
    let children: [UUID]

    /// nil when nothing was shown.
    init?(_ shown: [UUID]) {
        guard !shown.isEmpty else { return nil }
        children = Array(Set(shown))
        let keys = children.map { child in withUnsafeBytes(of: child.uuid) { Array($0) } }.sorted { $0.lexicographicallyPrecedes($1) }
        id = UUID.hashing(keys.flatMap { $0 })
    }
}
