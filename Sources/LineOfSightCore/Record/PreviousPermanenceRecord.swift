/// The permanence the child had before they started to be looked after: an adoption, a special
/// guardianship order or a child arrangements order that broke down (the SSDA903 PrevPerm
/// table: `PREV_PERM`, `LA_PERM`, `DATE_PERM`). Recorded on the day the period of care began,
/// which is what the return asks it of. It starts and meets no timescale.
public struct PreviousPermanenceRecord: JourneyRecord {
    public static let list = JourneyList.previousPermanence

    /// SSDA903 `PREV_PERM`.
    public static let options: CodeList = [
        ("P1", "Adoption"),
        ("P2", "A special guardianship order"),
        ("P3", "A residence order or a child arrangements order saying with whom the child is to live"),
        ("P4", "Not known"),
        ("Z1", "No previous permanence"),
    ]
    /// The option that says there was none: the authority and the order's date are not asked.
    public static let none = "Z1"

    /// The day the child started to be looked after.
    public var date: CivilDate
    /// `options`.
    public var option: String
    /// The local authority that arranged it (`LA_PERM`): its 3-digit DfE number, or WAL, SCO,
    /// NIR or NUK for Wales, Scotland, Northern Ireland or outside the UK.
    public var authority: String?
    /// The date of the order, as far as it is known: a council often knows only the year, or the
    /// month and year (the return's `zz` parts). A part not known is nil; no part is guessed.
    public var orderYear: Int?
    public var orderMonth: Int?
    public var orderDay: Int?
    public var notes: String?

    public init(date: CivilDate, option: String, authority: String? = nil, orderYear: Int? = nil, orderMonth: Int? = nil,
                orderDay: Int? = nil, notes: String? = nil) {
        self.date = date; self.option = option; self.authority = authority
        self.orderYear = orderYear; self.orderMonth = orderMonth; self.orderDay = orderDay; self.notes = notes
    }

    public var dates: [RecordDate] {
        [RecordDate("date", "The date the child started to be looked after", date),
         RecordDate("orderYear", "The date of the order", orderDate)]
    }

    /// The order's date when every part is known.
    public var orderDate: CivilDate? {
        orderYear.flatMap { year in orderMonth.flatMap { month in orderDay.flatMap { CivilDate(year: year, month: month, day: $0) } } }
    }

    /// The first day the order can have been made on, from the parts known.
    public var earliestOrderDate: CivilDate? {
        orderYear.flatMap { CivilDate(year: $0, month: orderMonth ?? 1, day: orderMonth == nil ? 1 : orderDay ?? 1) }
    }

    public func project(id: String, into journey: inout Journey) {}

    public func problems(in context: RecordContext) -> [RecordProblem] {
        var problems = context.journey.lookedAfterProblem(on: date, field: "date", what: "the day they started to be looked after")
        if !Self.options.contains(option) { problems.append(RecordProblem("option", "Select the previous permanence from the list")) }
        if orderDay != nil && orderMonth == nil {
            problems.append(RecordProblem("orderMonth", "Enter the month of the order, or leave the day empty"))
        }
        if (orderMonth != nil || orderDay != nil) && orderYear == nil {
            problems.append(RecordProblem("orderYear", "Enter the year of the order, or leave the day and month empty"))
        }
        if let year = orderYear, let month = orderMonth, CivilDate(year: year, month: month, day: 1) == nil || !(1...12).contains(month) {
            problems.append(RecordProblem("orderMonth", "Enter a month from 1 to 12"))
        } else if let year = orderYear, let month = orderMonth, let day = orderDay, CivilDate(year: year, month: month, day: day) == nil {
            problems.append(RecordProblem("orderDay", "Enter a day that is in the month"))
        }
        if let earliest = earliestOrderDate, earliest >= date {
            problems.append(RecordProblem("orderYear", "The order must be before the child started to be looked after, \(date.long)"))
        }
        if option == Self.none, authority != nil || orderYear != nil {
            problems.append(RecordProblem("option", "There was no previous permanence: leave the authority and the order’s date empty"))
        }
        return problems
    }
}
