import LineOfSightCore

extension SSDA903Context {
    /// The children (CHILD values) looked after continuously through the collection year, as
    /// the DfE tool derives it from Episodes: looked after at some point in the year, and no
    /// episode that starts care in the year (RNE S after 1 April), ends care in the year (a DEC
    /// from 1 April to 30 March with a REC other than X1, blank included) or is a short break
    /// (V3/V4) in the year. A child without a CHILD or without episodes is not.
    public func continuouslyLookedAfter() -> Set<String> { continuouslyLookedAfterChildren }

    /// Worked out once, when the context is made: several rules ask.
    static func continuouslyLookedAfter(_ episodes: SSDA903TableData?, start: CivilDate, end: CivilDate) -> Set<String> {
        guard let episodes else { return [] }
        let began = episodes.dates(.decom), ended = episodes.dates(.dec)
        let startsCare = episodes[.rne].matching("S"), continues = episodes[.rec].matching("X1")
        let respite = episodes[.ls].matching(["V3", "V4"])
        var inCare = Set<Int32>(), broken = Set<Int32>()
        let children = episodes.children
        for row in episodes.rows where !children.isBlank(row) {
            let id = children.ids[row]
            let first = began[row].date, last = ended[row].date
            let duringYear = first.map { $0 <= end } ?? false && (last.map { $0 >= start } ?? true)
            if duringYear { inCare.insert(id) }
            let entersCare = startsCare[row] && (first.map { $0 > start && $0 <= end } ?? false)
            let leavesCare = !continues[row] && (last.map { $0 >= start && $0 < end } ?? false)
            if entersCare || leavesCare || (respite[row] && duringYear) { broken.insert(id) }
        }
        return Set(inCare.subtracting(broken).map { children.values[Int($0)] })
    }
}
