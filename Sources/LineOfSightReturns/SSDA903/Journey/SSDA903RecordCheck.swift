import LineOfSightCore

/// Validating while recording: the return errors one child's record would raise in the SSDA903
/// return of a collection year, found by the same validator and rules as a whole return.
///
/// The child's tables are what the export would write for them (`SSDA903JourneyExport`), as the
/// same reader as a council's files would read them back (`SSDA903Reader.table(_:rows:)`), so
/// every cell is trimmed, upper-cased and parsed exactly as in a real return. The record is checked alone: rules that compare children
/// (a UPN used twice, say) or read last year's files see only what this child's record gives, and
/// those that need last year's files, the postcode lookup or the Ofsted provider lookup do not run.
/// SWEpisodes is written only when the child was allocated to someone with a social worker ID,
/// so its rules run only then.
public enum SSDA903RecordCheck {
    /// One error the child's record would raise.
    public struct Finding: Sendable, Hashable {
        public let ruleCode: String
        /// The DfE's message for the rule, in the wording of the rule set checked against.
        public let message: String
        public let table: SSDA903Table
        /// The fields of the row the rule points at (the DfE's column names).
        public let fields: [SSDA903Column]
        /// The date that tells the row apart among the child's rows of its table (an episode's
        /// start, a review's date), when the table has one and the row holds a date there.
        public let recordDate: CivilDate?

        public init(ruleCode: String, message: String, table: SSDA903Table, fields: [SSDA903Column], recordDate: CivilDate?) {
            self.ruleCode = ruleCode
            self.message = message
            self.table = table
            self.fields = fields
            self.recordDate = recordDate
        }
    }

    /// The rule set of the collection year that contains `date` (1 April to 31 March), or nil
    /// when there is none for that year.
    public static func ruleSet(containing date: CivilDate) -> SSDA903RuleSet? {
        SSDA903RuleSet(collectionYear: date.month >= 4 ? date.year + 1 : date.year)
    }

    /// The column that tells one of a child's rows apart from their others in `table`.
    public static func recordColumn(of table: SSDA903Table) -> SSDA903Column? {
        switch table {
        case .episodes: .decom
        case .reviews: .review
        case .missing: .misStart
        case .swEpisodes: .swDECOM
        case .placedAdoption: .datePlaced
        case .ad1: .dateInt
        case .doLo: .doloStart
        case .header, .uasc, .oc2, .oc3, .prevPerm: nil
        }
    }

    /// The findings of `child`'s record against `ruleSet`, ordered by table, row and rule.
    public static func findings(of child: SSDA903JourneyExport.Child, ruleSet: SSDA903RuleSet) -> [Finding] {
        let tables = SSDA903JourneyExport.tables([child], ruleSet: ruleSet)
        // A child with nothing in the year's return (no Header row) raises nothing.
        guard let header = tables[.header], header.rowCount > 0 else { return [] }
        let report = SSDA903Validator.validate(SSDA903Return(tables: tables), ruleSet: ruleSet, rules: SSDA903Rules.rules(for: ruleSet))
        let rules = SSDA903Rules.byCode(in: ruleSet)
        let found = report.findings.map { finding -> (Int, Finding) in
            let rule = rules[finding.ruleCode]
            let date = recordColumn(of: finding.table).flatMap { column in
                tables[finding.table].flatMap { $0.has(column) ? $0.dates(column)[finding.row].date : nil }
            }
            return (finding.row, Finding(ruleCode: finding.ruleCode, message: rule?.message(in: ruleSet) ?? finding.ruleCode, table: finding.table,
                                         fields: rule?.flags[finding.table] ?? [], recordDate: date))
        }
        return found.enumerated().sorted { a, b in
            (a.element.1.table, a.element.0, a.offset) < (b.element.1.table, b.element.0, b.offset)
        }.map(\.element.1)
    }
}

extension SSDA903Rules {
    /// The rules of `ruleSet` by code (a code has one version in any rule set).
    static func byCode(in ruleSet: SSDA903RuleSet) -> [String: SSDA903Rule] {
        byCodeByRuleSet[ruleSet] ?? [:]
    }

    private static let byCodeByRuleSet = Dictionary(uniqueKeysWithValues: SSDA903RuleSet.allCases.map { ruleSet in
        (ruleSet, Dictionary(rules(for: ruleSet).map { ($0.code, $0) }) { first, _ in first })
    })
}
