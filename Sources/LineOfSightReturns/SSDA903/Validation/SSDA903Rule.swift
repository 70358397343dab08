/// One DfE validation rule: its code and message as the DfE publishes them, the cells it points
/// at, the rule sets it belongs to, and its check.
///
/// Where the DfE changed a rule's logic between years, the check reads `context.ruleSet` (code
/// lists by year live in Codes/); where it reworded the message, `earlierMessage` keeps the old
/// text. A rule whose logic changed beyond that is declared once per version with disjoint
/// `years`; a test holds every code's versions disjoint.
public struct SSDA903Rule: Sendable {
    public let code: String
    /// The message of the newest rule set the rule belongs to.
    public let message: String
    /// The text the message had up to and including a rule set, when the DfE reworded it.
    public let earlierMessage: (through: SSDA903RuleSet, text: String)?
    /// The tables whose rows it flags, with the columns a person should look at.
    public let flags: [SSDA903Table: [SSDA903Column]]
    /// The tables it reads; without any of them it does not run (and the report says so).
    public let needs: Set<SSDA903Table>
    /// Tables it reads and flags when they are present, running without them (1012).
    public let optional: Set<SSDA903Table>
    /// Last year's tables it reads (`--prev`); without any of them it does not run either.
    public let needsPrevious: Set<SSDA903Table>
    /// Whether it reads the postcode lookup (`--postcodes`); without it it does not run.
    public let needsPostcodes: Bool
    /// Whether it reads the Ofsted provider lookup (`--providers`); without it it does not run.
    public let needsProviders: Bool
    /// Whether it reads what only the XML form holds (Header's UASC as given); on CSV files it
    /// does not run, as in the DfE tool.
    public let needsXML: Bool
    public let years: ClosedRange<SSDA903RuleSet>
    let check: @Sendable (SSDA903Context, inout SSDA903Flags) -> Void

    public init(_ code: String, _ message: String,
                earlierMessage: (through: SSDA903RuleSet, text: String)? = nil,
                flags: [SSDA903Table: [SSDA903Column]],
                needs: Set<SSDA903Table>? = nil, optional: Set<SSDA903Table> = [], previous: Set<SSDA903Table> = [],
                postcodes: Bool = false,
                providers: Bool = false, xml: Bool = false, years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
                check: @escaping @Sendable (SSDA903Context, inout SSDA903Flags) -> Void) {
        self.code = code
        self.message = message
        self.earlierMessage = earlierMessage
        self.flags = flags
        self.needs = needs ?? Set(flags.keys).subtracting(optional)
        self.optional = optional
        needsPrevious = previous
        needsPostcodes = postcodes
        needsProviders = providers
        needsXML = xml
        self.years = years
        self.check = check
    }

    /// A rule that flags one table, whose rows are the only ones it names.
    public init(_ code: String, _ message: String,
                earlierMessage: (through: SSDA903RuleSet, text: String)? = nil,
                table: SSDA903Table, columns: [SSDA903Column],
                needs: Set<SSDA903Table>? = nil, previous: Set<SSDA903Table> = [], postcodes: Bool = false,
                providers: Bool = false, xml: Bool = false, years: ClosedRange<SSDA903RuleSet> = SSDA903RuleSet.every,
                check: @escaping @Sendable (SSDA903TableData, SSDA903Context, inout SSDA903Flags) -> Void) {
        self.init(code, message, earlierMessage: earlierMessage, flags: [table: columns], needs: needs,
                  previous: previous, postcodes: postcodes, providers: providers, xml: xml, years: years) { context, flags in
            // A table without rows has none to flag, and a child's record checked on its own
            // leaves most of its tables empty: nothing is prepared for them. (A rule reading last
            // year's files may flag a row of last year's table: 706.)
            let data = context[table]
            guard data.rowCount > 0 || !previous.isEmpty else { return }
            check(data, context, &flags)
        }
    }

    public func applies(to ruleSet: SSDA903RuleSet) -> Bool { years.contains(ruleSet) }

    public func message(in ruleSet: SSDA903RuleSet) -> String {
        if let earlierMessage, ruleSet <= earlierMessage.through { return earlierMessage.text }
        return message
    }
}

/// Where a rule's check puts the rows it finds at fault.
public struct SSDA903Flags: Sendable {
    private(set) var rows: [SSDA903Table: [Int]] = [:]
    /// Rows of last year's tables (`--prev`), for a rule whose fault is there (706).
    private(set) var lastYearsRows: [SSDA903Table: [Int]] = [:]
    private let only: SSDA903Table?

    init(flagging tables: [SSDA903Table]) {
        only = tables.count == 1 ? tables[0] : nil
    }

    /// Flags `row` of the rule's only table.
    public mutating func flag(_ row: Int) {
        guard let only else { preconditionFailure("a rule flagging several tables must name the table") }
        rows[only, default: []].append(row)
    }

    public mutating func flag(_ row: Int, in table: SSDA903Table) {
        rows[table, default: []].append(row)
    }

    /// Flags `row` of last year's `table`.
    public mutating func flagLastYear(_ row: Int, in table: SSDA903Table) {
        lastYearsRows[table, default: []].append(row)
    }
}
