import Foundation
import LineOfSightCore

/// One realistic, fictional authority, generated deterministically from a seed and "today": about
/// 10 teams across the services, 100 staff (80 holding cases, a few overloaded), and children with
/// allocation histories, valid UPNs (DfE check letters) and NHS numbers from the 999 test range.
struct DemoAuthority: Sendable {
    struct TeamRecord: Sendable { let id: UUID; let name: String; let service: Service; let headOfServiceID: UUID; var fundedFTE: Double = 0 }
    struct StaffRecord: Sendable {
        let id: UUID; let firstName: String; let lastName: String; let jobRole: JobRole
        let teamID: UUID?; let managerID: UUID?; let fte: Double; let agency: Bool; let newlyQualified: Bool
        var active = true; var startDate: CivilDate? = nil; var leavingDate: CivilDate? = nil
    }
    struct ChildRecord: Sendable {
        let id: UUID; let laChildID: String; let firstName: String; let lastName: String
        let dateOfBirth: CivilDate?; let expectedDateOfBirth: CivilDate?; let sex: Sex; let ethnicity: String
        let upn: String?; let nhsNumber: String?; let restricted: Bool
    }
    struct AllocationRecord: Sendable { let id: UUID; let childID: UUID; let teamID: UUID; let workerID: UUID?; let start: CivilDate; let end: CivilDate? }
    struct AccountRecord: Sendable { let id: UUID; let username: String; let displayName: String; let role: Role; let staffID: UUID? }

    var teams: [TeamRecord] = []
    var staff: [StaffRecord] = []
    var children: [ChildRecord] = []
    var allocations: [AllocationRecord] = []
    var accounts: [AccountRecord] = []
    /// Every child's recorded journey so far.
    var events: [DemoEvent] = []
    var supervisionSessions: [DemoWorkforce.SessionRecord] = []
    var discussionLinks: [DemoWorkforce.DiscussionLink] = []

    /// One demo account per role, by username.
    static let usernames: [Role: String] = [
        .socialWorker: "social.worker", .teamManager: "team.manager", .headOfService: "head.of.service", .director: "director",
        .iro: "iro", .qaLead: "qa.lead", .analyst: "analyst", .lado: "lado", .admin: "admin", .board: "board",
    ]

    /// The demo password for every demo account. It exists only in demo data.
    static let password = "demo-password"
    /// A fictional local authority number for UPNs.
    static let laNumber = "999"

    static let defaultChildCount = 1300
    /// St Helens' postcode districts: a placement elsewhere is out of area.
    static let homeDistricts: Set<String> = ["WA9", "WA10", "WA11", "WA12"]
    /// The centres of the districts the demo's children live and are placed in: the mean grid
    /// reference of each district's postcodes in the ONS Postcode Directory (as the DfE's SSDA903
    /// tool bundles it; Open Government Licence), rounded to the metre.
    static let districtCentres: [String: GridReference] = [
        "WA9": GridReference(easting: 352_267, northing: 393_611), "WA10": GridReference(easting: 350_114, northing: 395_481),
        "WA11": GridReference(easting: 352_345, northing: 398_074), "WA12": GridReference(easting: 357_978, northing: 395_369),
        "L34": GridReference(easting: 345_954, northing: 393_430), "L35": GridReference(easting: 347_871, northing: 391_317),
        "WN4": GridReference(easting: 357_413, northing: 400_266), "M28": GridReference(easting: 373_712, northing: 402_267),
    ]

    static func generate(seed: UInt64 = 2026, today: CivilDate, childCount: Int = defaultChildCount) -> DemoAuthority {
        var builder = DemoAuthorityBuilder(rng: SeededGenerator(seed: seed), today: today)
        // A larger authority has more teams of the same size, one set per area, as councils grow.
        let areas = max(1, Int((Double(childCount) / Double(defaultChildCount)).rounded()))
        builder.buildOrganisation(areas: areas)
        builder.buildChildren(count: childCount)
        builder.buildAccounts()
        var journeys = DemoJourneyBuilder(rng: builder.rng, today: today, authority: builder.authority)
        journeys.build()
        var authority = builder.authority
        authority.events = journeys.events
        authority.giveLookedAfterChildrenUPNs(today: today)
        // Its own generator: the workforce and supervision leave every child as the seed made them.
        var workforce = DemoWorkforce(rng: SeededGenerator(seed: seed &+ 9_113), today: today, authority: authority)
        workforce.build()
        return workforce.authority
    }
}

extension DemoAuthority {
    /// Every child of school age (4 or over) who has been looked after has a UPN, as the virtual
    /// school finds it for the return. Made from the child's serial, not drawn, so the rest of the
    /// demo stays as it was.
    mutating func giveLookedAfterChildrenUPNs(today: CivilDate) {
        let lookedAfter = Set(events.filter { $0.record is PeriodOfCareRecord }.map(\.childID))
        for (index, child) in children.enumerated() where child.upn == nil && lookedAfter.contains(child.id) {
            guard let born = child.dateOfBirth, born.age(on: today) >= 4, let serial = Int(child.laChildID.dropFirst()) else { continue }
            children[index] = ChildRecord(id: child.id, laChildID: child.laChildID, firstName: child.firstName, lastName: child.lastName,
                                          dateOfBirth: born, expectedDateOfBirth: child.expectedDateOfBirth, sex: child.sex,
                                          ethnicity: child.ethnicity, upn: Self.upn(serial: serial - 100_000, establishment: 2001 + serial * 37 % 999, born: born),
                                          nhsNumber: child.nhsNumber, restricted: child.restricted)
        }
    }

    /// UPN: check letter + LA number + establishment + year of allocation + serial.
    static func upn(serial: Int, establishment: Int, born: CivilDate) -> String {
        let year = (born.year + 4) % 100
        let body = laNumber + String(format: "%04d%02d%03d", establishment, year, serial % 1000)
        return String(UPN.checkLetter(for: Array(body))) + body
    }
}

/// The plan of the demo organisation: each team's service, case holders, share of the children,
/// the ages it works with and how long children have typically been known.
private struct TeamPlan {
    let name: String
    let service: Service
    let caseHolders: Int
    let share: Double
    let ages: ClosedRange<Int>
    let knownForDays: ClosedRange<Int>
    /// Teams a child usually came through before reaching this one.
    let cameFrom: [String]
    let head: Int

    static let all: [TeamPlan] = [
        .init(name: "Front Door and MASH", service: .frontDoor, caseHolders: 6, share: 0.05, ages: 0...17, knownForDays: 1...20, cameFrom: [], head: 0),
        .init(name: "Duty and Assessment North", service: .dutyAndAssessment, caseHolders: 8, share: 0.10, ages: 0...17, knownForDays: 5...60, cameFrom: ["Front Door and MASH"], head: 0),
        .init(name: "Duty and Assessment South", service: .dutyAndAssessment, caseHolders: 8, share: 0.10, ages: 0...17, knownForDays: 5...60, cameFrom: ["Front Door and MASH"], head: 0),
        .init(name: "Safeguarding Team 1", service: .cinCP, caseHolders: 10, share: 0.13, ages: 0...17, knownForDays: 60...900, cameFrom: ["Duty and Assessment North"], head: 0),
        .init(name: "Safeguarding Team 2", service: .cinCP, caseHolders: 10, share: 0.13, ages: 0...17, knownForDays: 60...900, cameFrom: ["Duty and Assessment South"], head: 0),
        .init(name: "Children in Care Team", service: .childrenInCare, caseHolders: 10, share: 0.13, ages: 0...17, knownForDays: 100...2500, cameFrom: ["Safeguarding Team 1", "Safeguarding Team 2"], head: 1),
        .init(name: "Permanence Team", service: .permanence, caseHolders: 8, share: 0.10, ages: 0...12, knownForDays: 200...1500, cameFrom: ["Children in Care Team"], head: 1),
        .init(name: "Leaving Care Team", service: .careLeavers, caseHolders: 8, share: 0.10, ages: 16...20, knownForDays: 700...3000, cameFrom: ["Children in Care Team"], head: 1),
        .init(name: "Early Help Team", service: .earlyHelp, caseHolders: 6, share: 0.08, ages: 0...17, knownForDays: 30...400, cameFrom: [], head: 2),
        .init(name: "Children with Disabilities Team", service: .disabilities, caseHolders: 6, share: 0.08, ages: 1...17, knownForDays: 200...2500, cameFrom: ["Duty and Assessment North"], head: 2),
    ]
}

private struct DemoAuthorityBuilder {
    var rng: SeededGenerator
    let today: CivilDate
    var authority = DemoAuthority()
    private var caseHolders: [UUID: [(id: UUID, weight: Double)]] = [:]
    private var managers: [UUID: UUID] = [:]
    /// Each area's teams, by their plan's name.
    private var teamsByArea: [Int: [String: UUID]] = [:]
    private var reviewingOfficers: [UUID] = []
    private var usedNames = Set<String>()

    init(rng: SeededGenerator, today: CivilDate) {
        self.rng = rng
        self.today = today
    }

    /// Team names in area `area`: the plan's name in the first, the plan's name and the locality after.
    static func teamName(_ plan: TeamPlan, area: Int) -> String {
        guard area > 0 else { return plan.name }
        let localities = ["Newton", "Rainford", "Haydock", "Parr", "Thatto Heath", "Eccleston", "Billinge", "Rainhill", "Moss Bank",
                          "Sutton", "Blackbrook", "Clock Face", "Windle", "Bold"]
        return plan.name + " (" + (area <= localities.count ? localities[area - 1] : "Area \(area + 1)") + ")"
    }

    mutating func buildOrganisation(areas: Int) {
        for area in 0..<areas {
            let heads = (0..<3).map { _ in addStaff(.headOfService, team: nil, manager: nil, fte: 1) }
            for plan in TeamPlan.all {
                let teamID = rng.uuid()
                authority.teams.append(.init(id: teamID, name: Self.teamName(plan, area: area), service: plan.service, headOfServiceID: heads[plan.head]))
                teamsByArea[area, default: [:]][plan.name] = teamID
                let manager = addStaff(.teamManager, team: teamID, manager: heads[plan.head], fte: 1)
                managers[teamID] = manager
                var holders: [(UUID, Double)] = []
                for index in 0..<plan.caseHolders {
                    let role: JobRole = plan.service == .careLeavers ? .personalAdviser
                        : plan.service == .earlyHelp ? .familySupportWorker
                        : index == 0 ? .seniorPractitioner : .socialWorker
                    let newlyQualified = role == .socialWorker && index > 1 && rng.chance(0.18)
                    let fte = index == 1 ? 1.0 : rng.weighted([(1.0, 0.8), (0.8, 0.12), (0.6, 0.08)])
                    let id = addStaff(role, team: teamID, manager: manager, fte: fte, agency: index > 1 && rng.chance(0.15), newlyQualified: newlyQualified)
                    // Newly qualified workers carry protected caseloads; a few experienced workers are overloaded.
                    let weight = newlyQualified ? 0.65 : (index > 2 && rng.chance(0.08) ? 1.6 : 1.0)
                    holders.append((id, weight * fte))
                }
                caseHolders[teamID] = holders.map { (id: $0.0, weight: $0.1) }
            }
            for _ in 0..<4 { reviewingOfficers.append(addStaff(.reviewingOfficer, team: nil, manager: heads[1], fte: 1)) }
            let frontDoor = teamsByArea[area]![TeamPlan.all[0].name]!
            for _ in 0..<3 { _ = addStaff(.businessSupport, team: frontDoor, manager: managers[frontDoor], fte: 1) }
        }
    }

    private mutating func addStaff(_ role: JobRole, team: UUID?, manager: UUID?, fte: Double, agency: Bool = false, newlyQualified: Bool = false) -> UUID {
        var first: String, last: String
        repeat {
            first = rng.pick(DemoNames.adultFirstNames)
            last = rng.pick(DemoNames.surnames)
        } while !usedNames.insert(first + " " + last).inserted
        let id = rng.uuid()
        authority.staff.append(.init(id: id, firstName: first, lastName: last, jobRole: role, teamID: team, managerID: manager,
                                     fte: fte, agency: agency, newlyQualified: newlyQualified))
        return id
    }

    mutating func buildChildren(count: Int) {
        var serial = 0
        let areas = teamsByArea.count
        let teams = Dictionary(uniqueKeysWithValues: authority.teams.map { ($0.id, $0) })
        for area in 0..<areas {
            for plan in TeamPlan.all {
                guard let team = teamsByArea[area]?[plan.name].flatMap({ teams[$0] }) else { continue }
                let share = max(1, Int((Double(count) * plan.share / Double(areas)).rounded()))
                for _ in 0..<share where authority.children.count < count {
                    serial += 1
                    addChild(serial: serial, plan: plan, team: team, area: area)
                }
            }
        }
        while authority.children.count < count, let plan = TeamPlan.all.last, let team = authority.teams.last {
            serial += 1
            addChild(serial: serial, plan: plan, team: team, area: areas - 1)
        }
    }

    private mutating func addChild(serial: Int, plan: TeamPlan, team: DemoAuthority.TeamRecord, area: Int) {
        let sex: Sex = rng.chance(0.5) ? .male : .female
        let first = rng.pick(sex == .male ? DemoNames.boys : DemoNames.girls)
        let last = rng.pick(DemoNames.surnames)
        let unborn = plan.service == .cinCP && rng.chance(0.02)
        let age = Int.random(in: plan.ages, using: &rng)
        let birth = unborn ? nil : today.adding(days: -(age * 365 + Int.random(in: 0...364, using: &rng)))
        let expected = unborn ? today.adding(days: Int.random(in: 14...150, using: &rng)) : nil
        let schoolAge = (birth.map { $0.age(on: today) } ?? 0) >= 4
        let childID = rng.uuid()
        authority.children.append(.init(
            id: childID, laChildID: String(format: "C%06d", 100_000 + serial), firstName: first, lastName: last,
            dateOfBirth: birth, expectedDateOfBirth: expected, sex: unborn ? .unknown : sex,
            ethnicity: rng.weighted([("WBRI", 68), ("WOTH", 5), ("MWBC", 4), ("MOTH", 3), ("APKN", 4), ("ABAN", 2), ("AIND", 2),
                                     ("BAFR", 4), ("BCRB", 2), ("WROM", 1), ("CHNE", 1), ("OOTH", 2), ("NOBT", 2)]),
            upn: schoolAge && rng.chance(0.9) ? makeUPN(serial: serial, born: birth!) : nil,
            nhsNumber: unborn || rng.chance(0.04) ? nil : makeNHSNumber(),
            restricted: serial % 600 == 17
        ))
        addAllocations(childID: childID, plan: plan, team: team, area: area, born: birth)
    }

    private mutating func addAllocations(childID: UUID, plan: TeamPlan, team: DemoAuthority.TeamRecord, area: Int, born: CivilDate?) {
        var knownFrom = today.adding(days: -Int.random(in: plan.knownForDays, using: &rng))
        if let born, knownFrom < born { knownFrom = born }
        var path = [team]
        var previous = plan
        while let earlierName = previous.cameFrom.first, rng.chance(path.count == 1 ? 0.8 : 0.5),
              let earlierPlan = TeamPlan.all.first(where: { $0.name == earlierName }),
              let earlierID = teamsByArea[area]?[earlierName], let earlier = authority.teams.first(where: { $0.id == earlierID }) {
            path.insert(earlier, at: 0)
            previous = earlierPlan
        }
        let span = max(path.count, knownFrom.days(to: today))
        var start = knownFrom
        for (index, step) in path.enumerated() {
            let isCurrent = index == path.count - 1
            let next: CivilDate? = isCurrent ? nil : min(today, start.adding(days: max(1, span / path.count - 1) + 1))
            let end = next.map(Allocation.lastDay(whenSucceededOn:))
            let unallocated = isCurrent && rng.chance(step.service == .dutyAndAssessment || step.service == .frontDoor ? 0.12 : 0.02)
            let worker = unallocated ? nil : pickWorker(in: step.id)
            authority.allocations.append(.init(id: rng.uuid(), childID: childID, teamID: step.id, workerID: worker, start: start, end: end))
            if let next { start = next }
        }
    }

    private mutating func pickWorker(in team: UUID) -> UUID? {
        guard let holders = caseHolders[team], !holders.isEmpty else { return nil }
        return rng.weighted(holders.map { ($0.id, $0.weight) })
    }

    private mutating func makeUPN(serial: Int, born: CivilDate) -> String {
        DemoAuthority.upn(serial: serial, establishment: Int.random(in: 2001...2999, using: &rng), born: born)
    }

    /// NHS numbers in the 999 range, reserved by the NHS for testing.
    private mutating func makeNHSNumber() -> String {
        while true {
            let digits = [9, 9, 9] + (0..<6).map { _ in Int.random(in: 0...9, using: &rng) }
            if let check = NHSNumber.checkDigit(for: digits) { return (digits + [check]).map(String.init).joined() }
        }
    }

    mutating func buildAccounts() {
        let safeguarding = authority.teams.first { $0.name == "Safeguarding Team 1" }!
        let worker = caseHolders[safeguarding.id]![1].id
        let manager = managers[safeguarding.id]!
        func staffName(_ id: UUID) -> String { authority.staff.first { $0.id == id }.map { $0.firstName + " " + $0.lastName } ?? "" }
        let people: [(Role, String, UUID?)] = [
            (.socialWorker, staffName(worker), worker),
            (.teamManager, staffName(manager), manager),
            (.headOfService, staffName(safeguarding.headOfServiceID), safeguarding.headOfServiceID),
            (.director, "Director of Children’s Services", nil),
            (.iro, staffName(reviewingOfficers[0]), reviewingOfficers[0]),
            (.qaLead, "Quality Assurance Lead", nil),
            (.analyst, "Performance Analyst", nil),
            (.lado, "Local Authority Designated Officer", nil),
            (.admin, "System Administrator", nil),
            (.board, "Improvement Board Member", nil),
        ]
        authority.accounts = people.map { .init(id: rng.uuid(), username: DemoAuthority.usernames[$0.0]!, displayName: $0.1, role: $0.0, staffID: $0.2) }
    }
}
