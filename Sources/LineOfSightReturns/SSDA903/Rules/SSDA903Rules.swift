/// Every rule this validator knows, in the order its report lists them. Each file in Rules/
/// holds the rules of one table or theme.
public enum SSDA903Rules {
    public static let all: [SSDA903Rule] =
        headerValidity + headerMotherhood + headerIdentity + childOnce
        + episodeValidity + episodeDates + episodeSequence + episodeCombinations + episodePlacements + episodeAges
        + reviewsAndUASC + uascStatus + adoption + adopters + outcomes + missing + permanenceAndDoLo + socialWorkers
        + integrity + episodesWithHeader + episodeChains + episodeChanges + outcomesAcross + adoptionAcross + missingAndAdoptionOrder + careLeaversAcross
        + socialWorkerSequence + previousYear + permanenceAcross + placementLocations + providers
        + uascAcrossYears + careLeaverEligibility + doLoAcross + socialWorkerChains + childWithoutEpisodes + adoptionDecisions

    /// The rules of `ruleSet`.
    public static func rules(for ruleSet: SSDA903RuleSet) -> [SSDA903Rule] {
        byRuleSet[ruleSet] ?? []
    }

    /// Each rule set's rules, chosen once: every saved event checks its child's record against them.
    private static let byRuleSet = Dictionary(uniqueKeysWithValues: SSDA903RuleSet.allCases.map { ruleSet in
        (ruleSet, all.filter { $0.applies(to: ruleSet) })
    })
}
