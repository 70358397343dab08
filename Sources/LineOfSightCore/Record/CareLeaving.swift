/// How long someone who left care is a care leaver for the council: a personal adviser's support
/// is theirs to ask for until they are 25 (Children Act 1989 s.23CZB, inserted by the Children and
/// Social Work Act 2017 s.3), so no one is listed as a care leaver on or after their 25th birthday.
public enum CareLeaving {
    public static let supportUntilAge = 25

    /// Whether someone born on `born` is still under 25 on `day`.
    public static func stillSupported(born: CivilDate, on day: CivilDate) -> Bool {
        day < born.birthday(age: supportUntilAge)
    }

    /// Whether someone who left care is still a care leaver on `day`: under 25, or of a date of
    /// birth not recorded (so not known to be past it). A record whose stage is "care leaver" names
    /// a former care leaver after that, not a care leaver.
    public static func stillCareLeaver(born: CivilDate?, on day: CivilDate) -> Bool {
        born.map { stillSupported(born: $0, on: day) } ?? true
    }

    /// The earliest date of birth of someone still under 25 on `day` (for a list's query): born on
    /// or after it, and they are.
    public static func earliestBirthStillSupported(on day: CivilDate) -> CivilDate {
        var born = day.adding(years: -supportUntilAge)
        // A 29 February birth's 25th birthday is 28 February in a year without one.
        while !stillSupported(born: born, on: day) { born = born.adding(days: 1) }
        return born
    }
}
