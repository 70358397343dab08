import LineOfSightCore

/// What a rule's check sees: this year's tables, last year's when given, the rule set and the
/// local authority (for the placement-location rules).
public struct SSDA903Context: Sendable {
    public let ruleSet: SSDA903RuleSet
    public let current: SSDA903Return
    public let previous: SSDA903Return?
    /// The long-form ONS code of the council making the return, e.g. E08000035.
    public let localAuthority: String?
    /// This year's episodes by child in date order (empty without an Episodes table).
    public let episodeHistory: EpisodeHistory
    /// This year's children looked after all year (`continuouslyLookedAfter()`).
    let continuouslyLookedAfterChildren: Set<String>
    /// The postcode lookup, when given; a rule that needs it runs only then.
    public let postcodes: SSDA903Postcodes?
    /// The Ofsted provider lookup, when given; a rule that needs it runs only then.
    public let providers: SSDA903Providers?

    init(ruleSet: SSDA903RuleSet, current: SSDA903Return, previous: SSDA903Return?, localAuthority: String?,
         postcodes: SSDA903Postcodes? = nil, providers: SSDA903Providers? = nil) {
        self.ruleSet = ruleSet
        self.current = current
        self.previous = previous
        self.localAuthority = localAuthority
        self.postcodes = postcodes
        self.providers = providers
        episodeHistory = EpisodeHistory(current[.episodes])
        continuouslyLookedAfterChildren = Self.continuouslyLookedAfter(current[.episodes], start: ruleSet.collectionStart,
                                                                       end: ruleSet.collectionEnd)
    }

    /// PL_LA, PL_LOCATION and PL_DISTANCE of this year's episodes. Only for a rule that needs
    /// the postcode lookup.
    public func placementLocations() -> SSDA903PlacementLocations {
        guard let postcodes else { preconditionFailure("rule ran without the postcode lookup") }
        return SSDA903PlacementLocations(self[.episodes], postcodes: postcodes, localAuthority: localAuthority)
    }

    /// The same of last year's episodes, placed as this year's are (the DfE tool derives them alike).
    public func lastYearsPlacementLocations() -> SSDA903PlacementLocations {
        guard let postcodes else { preconditionFailure("rule ran without the postcode lookup") }
        return SSDA903PlacementLocations(previous(.episodes), postcodes: postcodes, localAuthority: localAuthority)
    }

    public var collectionStart: CivilDate { ruleSet.collectionStart }
    public var collectionEnd: CivilDate { ruleSet.collectionEnd }

    /// Last year's `table`. The validator runs a rule only when the tables it needs are present.
    public func previous(_ table: SSDA903Table) -> SSDA903TableData {
        guard let data = previous?[table] else { preconditionFailure("rule ran without last year's \(table.rawValue) table") }
        return data
    }

    /// This year's `table`. The validator runs a rule only when the tables it needs are present.
    public subscript(table: SSDA903Table) -> SSDA903TableData {
        guard let data = current[table] else { preconditionFailure("rule ran without the \(table.rawValue) table") }
        return data
    }
}
