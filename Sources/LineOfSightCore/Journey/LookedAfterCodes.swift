/// The SSDA903 codes a looked-after child's record is kept in (shared/reference/ssda903.md §4), so
/// that what is recorded is what the return is built from. Meanings are the DfE's, shortened
/// only where the guidance is a paragraph.
public enum LookedAfterCodes {
    /// `LS`: the legal basis on which the child is looked after.
    public static let legalStatuses: CodeList = [
        ("C1", "Interim care order"),
        ("C2", "Full care order"),
        ("D1", "Freeing order granted"),
        ("E1", "Placement order granted"),
        ("V2", "Single period of accommodation under section 20"),
        ("V3", "Agreed series of short breaks, each break recorded"),
        ("V4", "Agreed series of short breaks, the agreement recorded"),
        ("L1", "Under police protection and in local authority accommodation"),
        ("L2", "Emergency protection order"),
        ("L3", "Child assessment order and in local authority accommodation"),
        ("J1", "Remanded to local authority or youth detention accommodation"),
        ("J2", "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984"),
        ("J3", "Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement"),
    ]

    /// `CIN`: the main reason the child needs services (the 903 allows N1–N8).
    public static let categoriesOfNeed: CodeList = [
        ("N1", "Abuse or neglect"),
        ("N2", "Child’s disability"),
        ("N3", "Parental illness or disability"),
        ("N4", "Family in acute stress"),
        ("N5", "Family dysfunction"),
        ("N6", "Socially unacceptable behaviour"),
        ("N7", "Low income"),
        ("N8", "Absent parenting"),
    ]

    /// `PLACE` from 2025/26. Z11–Z14 replaced Z1; the DfE has not yet published their meanings.
    public static let placementTypes: CodeList = [
        ("U1", "Foster placement with relatives or friends: long-term fostering"),
        ("U2", "Foster placement with relatives or friends who are also approved adopters: fostering for adoption or concurrent planning"),
        ("U3", "Foster placement with relatives or friends: not long-term, fostering for adoption or concurrent planning"),
        ("U4", "Foster placement with other foster carers: long-term fostering"),
        ("U5", "Foster placement with other foster carers who are also approved adopters: fostering for adoption or concurrent planning"),
        ("U6", "Foster placement with other foster carers: not long-term, fostering for adoption or concurrent planning"),
        ("A3", "Placed for adoption with consent, with current foster carers"),
        ("A4", "Placed for adoption with consent, not with current foster carers"),
        ("A5", "Placed for adoption with a placement order, with current foster carers"),
        ("A6", "Placed for adoption with a placement order, not with current foster carers"),
        ("P1", "Placed with own parents or others with parental responsibility"),
        ("K1", "Secure children’s home"),
        ("K2", "Children’s home subject to the Children’s Homes Regulations"),
        ("K3", "Supported accommodation, not subject to the Children’s Homes Regulations"),
        ("R1", "Residential care home"),
        ("R2", "NHS or health trust establishment providing medical or nursing care"),
        ("R3", "Family centre or mother and baby unit"),
        ("R5", "Young offender institution"),
        ("S1", "Residential school, except where dual-registered as a school and children’s home"),
        ("P3", "Residential employment"),
        ("T0", "Temporary move of any type"),
        ("T1", "Temporary period in hospital"),
        ("T2", "Temporary absence on holiday"),
        ("T3", "Temporary accommodation while the usual foster carers are on holiday"),
        ("T4", "Temporary accommodation of seven days or less, for any other reason"),
        ("Z11", "Other placement (type Z11)"),
        ("Z12", "Other placement (type Z12)"),
        ("Z13", "Other placement (type Z13)"),
        ("Z14", "Other placement (type Z14)"),
    ]

    /// Placement types the return used until March 2025: kept so that history recorded or
    /// imported under them stays valid.
    public static let retiredPlacementTypes: CodeList = [
        ("H5", "Semi-independent living, not subject to children’s homes regulations (until March 2025)"),
        ("P2", "Independent living, for example a flat, lodgings or bed and breakfast (until March 2025)"),
        ("Z1", "Other placement (until March 2025)"),
    ]

    /// The first day the return no longer accepts the retired placement types.
    public static let placementTypesRetired = CivilDate(year: 2025, month: 4, day: 1)!

    /// `PLACE_PROVIDER`.
    public static let placementProviders: CodeList = [
        ("PR0", "Parents or others with parental responsibility"),
        ("PR1", "The council’s own provision"),
        ("PR2", "Another council’s provision"),
        ("PR3", "Other public provision, for example the NHS"),
        ("PR4", "Private provision"),
        ("PR5", "Voluntary or third sector provision"),
    ]

    /// `REC`: why the child stopped being looked after. X1 (one episode ends and the next begins)
    /// is a feature of the return's episodes, never a reason a person records.
    public static let reasonsCeased: CodeList = [
        ("E4A", "Returned home to parents or others with parental responsibility, as part of the care plan"),
        ("E4B", "Returned home to parents or others with parental responsibility, not as part of the care plan"),
        ("E13", "Left care to live with parents, relatives or others without parental responsibility"),
        ("E11", "Adopted: the application was unopposed"),
        ("E12", "Adopted: consent dispensed with by the court"),
        ("E41", "Child arrangements order (or residence order) granted"),
        ("E45", "Special guardianship order to former foster carers who are relatives or friends"),
        ("E46", "Special guardianship order to former foster carers who are not relatives or friends"),
        ("E47", "Special guardianship order to other carers who are relatives or friends"),
        ("E48", "Special guardianship order to other carers who are not relatives or friends"),
        ("E5", "Moved to independent living with formal advice or support"),
        ("E6", "Moved to independent living without formal advice or support"),
        ("E7", "Transferred to residential care funded by adult social care"),
        ("E17", "Aged 18 or over and stayed with their carers (including staying put)"),
        ("E3", "Care taken over by another local authority in the UK"),
        ("E9", "Sentenced to custody"),
        ("E14", "Accommodation on remand ended"),
        ("E15", "Age assessment found the child to be 18 or over"),
        ("E16", "Moved abroad"),
        ("E2", "Died"),
        ("E8", "Any other reason"),
    ]

    /// `REASON_PLACE_CHANGE`: why the previous placement ended.
    public static let reasonsForPlacementChange: CodeList = [
        ("CARPL", "Change to, or carrying out of, the care plan"),
        ("CLOSE", "The provider resigned or closed"),
        ("ALLEG", "Allegation (section 47)"),
        ("STAND", "Concern about the standard of care"),
        ("APPRR", "Approval removed"),
        ("CREQB", "The carers asked for it to end because of the child’s behaviour"),
        ("CREQO", "The carers asked for it to end for another reason"),
        ("CHILD", "The child asked for it to end"),
        ("LAREQ", "The responsible or area council asked for it to end"),
        ("PLACE", "Change in the status of the placement only"),
        ("CUSTOD", "Custody arrangement"),
        ("OTHER", "Other (exceptional circumstances)"),
    ]

    /// `REVIEW_CODE`: how the child took part in their review.
    public static let reviewParticipation: CodeList = [
        ("PN1", "Attended and spoke for themselves"),
        ("PN2", "Attended, and an advocate or the IRO spoke for them"),
        ("PN3", "Attended and conveyed their views without words"),
        ("PN4", "Attended but did not give their views"),
        ("PN5", "Did not attend, but briefed an advocate to speak for them"),
        ("PN6", "Did not attend, but conveyed their feelings another way"),
        ("PN7", "Did not attend and their views were not conveyed"),
        ("PN0", "Aged under 4 at the time of the review"),
    ]
}

extension CodeList {
    /// The placement types a placement starting on `date` may have.
    public static func placementTypes(on date: CivilDate) -> CodeList {
        date < LookedAfterCodes.placementTypesRetired
            ? LookedAfterCodes.placementTypes.followed(by: LookedAfterCodes.retiredPlacementTypes)
            : LookedAfterCodes.placementTypes
    }
}

/// The care leaver codes of the SSDA903 OC3 table.
public enum CareLeaverCodes {
    /// `IN_TOUCH`.
    public static let inTouch: CodeList = [
        ("YES", "In touch"),
        ("NO", "Not in touch"),
        ("REFU", "The young person refuses contact"),
        ("NREQ", "The young person no longer needs services"),
        ("RHOM", "Returned to live with parents for 6 months or more"),
        ("DIED", "Died after leaving care"),
    ]

    /// `ACTIV`.
    public static let activities: CodeList = [
        ("F1", "Full-time higher education"),
        ("P1", "Part-time higher education"),
        ("F2", "Full-time education other than higher education"),
        ("P2", "Part-time education other than higher education"),
        ("F4", "Full-time apprenticeship"),
        ("P4", "Part-time apprenticeship"),
        ("F5", "Full-time training or employment (not an apprenticeship)"),
        ("P5", "Part-time training or employment (not an apprenticeship)"),
        ("G4", "Not in education, employment or training because of illness or disability"),
        ("G6", "Not in education, employment or training because of pregnancy or parenting"),
        ("G5", "Not in education, employment or training for another reason"),
    ]

    /// The letter of `ACCOM`; the return adds 1 for suitable and 2 for unsuitable.
    public static let accommodation: CodeList = [
        ("B", "With parents or relatives"),
        ("Z", "With former foster carers, staying on after 18"),
        ("E", "Supported lodgings"),
        ("D", "Semi-independent or transitional accommodation"),
        ("T", "Foyer or similar, with education, training or work"),
        ("U", "Independent living, for example their own tenancy or student accommodation"),
        ("K", "Ordinary lodgings without formal support"),
        ("C", "Residential care, for example an NHS establishment"),
        ("V", "Emergency accommodation, for example a night shelter or hostel"),
        ("W", "Bed and breakfast"),
        ("S", "No fixed abode or homeless"),
        ("X", "In custody"),
        ("G", "Gone abroad"),
        ("H", "Deported"),
        ("R", "Where they live is not known"),
        ("Y", "Other accommodation"),
    ]

    /// Accommodation that the return never counts as suitable: homeless, or in custody.
    public static let neverSuitable: Set<String> = ["S", "X"]
}
