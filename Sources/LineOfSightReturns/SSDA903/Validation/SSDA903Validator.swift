/// Runs a rule set's rules over a return. Each rule reads the tables and writes only its own
/// flags, so one rule's finding (a malformed date, say) never stops another.
public enum SSDA903Validator {
    public static func validate(_ current: SSDA903Return, previous: SSDA903Return? = nil,
                                ruleSet: SSDA903RuleSet, localAuthority: String? = nil,
                                rules: [SSDA903Rule] = SSDA903Rules.all) -> SSDA903Report {
        let context = SSDA903Context(ruleSet: ruleSet, current: current, previous: previous,
                                     localAuthority: localAuthority)
        var findings: [SSDA903Finding] = []
        var ran: [String] = []
        var skipped: [(code: String, missing: [SSDA903Table])] = []
        for rule in rules where rule.applies(to: ruleSet) {
            let missing = rule.needs.filter { current[$0] == nil }.sorted()
            guard missing.isEmpty else {
                skipped.append((rule.code, missing))
                continue
            }
            var flags = SSDA903Flags(flagging: Array(rule.flags.keys))
            rule.check(context, &flags)
            ran.append(rule.code)
            for (table, rows) in flags.rows.sorted(by: { $0.key < $1.key }) {
                let data = context[table]
                let children = data.children
                // A row flagged twice by one rule is one finding, as in the DfE tool.
                for row in Set(rows).sorted() {
                    findings.append(SSDA903Finding(ruleCode: rule.code, childID: children[row], table: table,
                                                   row: row, line: data.lines[row]))
                }
            }
        }
        return SSDA903Report(ruleSet: ruleSet, findings: findings, ran: ran, skipped: skipped)
    }
}
