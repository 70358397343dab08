/// Runs a rule set's rules over a return. Each rule reads the tables and writes only its own
/// flags, so one rule's finding (a malformed date, say) never stops another.
public enum SSDA903Validator {
    public static func validate(_ current: SSDA903Return, previous: SSDA903Return? = nil,
                                ruleSet: SSDA903RuleSet, localAuthority: String? = nil,
                                postcodes: SSDA903Postcodes? = nil, providers: SSDA903Providers? = nil,
                                rules: [SSDA903Rule] = SSDA903Rules.all) -> SSDA903Report {
        let context = SSDA903Context(ruleSet: ruleSet, current: current, previous: previous,
                                     localAuthority: localAuthority, postcodes: postcodes, providers: providers)
        var entries: [SSDA903Findings.Entry] = []
        var codes: [String] = []
        var skipped: [SSDA903SkippedRule] = []
        for rule in rules where rule.applies(to: ruleSet) {
            let missing = Self.missing(rule.needs, from: current)
            let missingPrevious = Self.missing(rule.needsPrevious, from: previous)
            let missingPostcodes = rule.needsPostcodes && postcodes == nil
            let missingProviders = rule.needsProviders && providers == nil
            let notXML = rule.needsXML && current.form != .xml
            guard missing.isEmpty && missingPrevious.isEmpty && !missingPostcodes && !missingProviders && !notXML else {
                skipped.append(SSDA903SkippedRule(code: rule.code, missing: missing, missingPrevious: missingPrevious,
                                                  missingPostcodes: missingPostcodes, missingProviders: missingProviders,
                                                  notXML: notXML))
                continue
            }
            var flags = SSDA903Flags(flagging: Array(rule.flags.keys))
            rule.check(context, &flags)
            let ruleNumber = UInt16(codes.count)
            codes.append(rule.code)
            let tableCount = SSDA903Table.allCases.count
            let flagged = flags.rows.map { (number: SSDA903Table.allCases.firstIndex(of: $0.key)!, rows: $0.value) }
                + flags.lastYearsRows.map { (number: tableCount + SSDA903Table.allCases.firstIndex(of: $0.key)!, rows: $0.value) }
            for (number, rows) in flagged.sorted(by: { $0.number < $1.number }) {
                let tableNumber = UInt8(number)
                // A row flagged twice by one rule is one finding, as in the DfE tool.
                var previousRow = -1
                for row in rows.sorted() where row != previousRow {
                    entries.append(.init(rule: ruleNumber, table: tableNumber, row: UInt32(row)))
                    previousRow = row
                }
            }
        }
        let findings = SSDA903Findings(entries: entries, codes: codes,
                                       tables: SSDA903Table.allCases.map { current[$0] } + SSDA903Table.allCases.map { previous?[$0] })
        return SSDA903Report(ruleSet: ruleSet, findings: findings, ran: codes, skipped: skipped)
    }

    /// Which of `tables` the return lacks (all of them without a return), in order. Asked of
    /// every rule, and nearly always none: the list is made only when one is missing, and no
    /// table is copied to see that it is there (checking one child's record at a time, making a
    /// list for each rule was a sixth of the validator's time).
    private static func missing(_ tables: Set<SSDA903Table>, from given: SSDA903Return?) -> [SSDA903Table] {
        guard let given else { return tables.sorted() }
        guard tables.contains(where: { !given.has($0) }) else { return [] }
        return tables.filter { !given.has($0) }.sorted()
    }
}
