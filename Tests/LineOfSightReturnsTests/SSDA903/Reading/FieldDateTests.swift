import LineOfSightCore
@testable import LineOfSightReturns
import Testing

@Suite struct FieldDateTests {
    @Test(arguments: [
        ("01/02/2020", FieldDate.valid(CivilDate(year: 2020, month: 2, day: 1)!)),
        ("1/2/2020", .valid(CivilDate(year: 2020, month: 2, day: 1)!)),
        ("29/02/2024", .valid(CivilDate(year: 2024, month: 2, day: 29)!)),
        ("", .missing),
        ("29/02/2023", .malformed), ("31/02/2020", .malformed), ("01/13/2020", .malformed),
        ("00/01/2020", .malformed), ("01/02/20", .malformed), ("2020-02-01", .malformed),
        ("01-02-2020", .malformed), ("001/02/2020", .malformed), ("01/02/20201", .malformed),
        ("01/02/1677", .malformed), ("01/01/2262", .malformed), ("ZZ/05/2020", .malformed),
        ("01/02/2020/", .malformed), ("/01/2020", .malformed),
    ])
    func readsDatesAsTheDfEToolDoes(text: String, expected: FieldDate) {
        #expect(FieldDate(cell: text.utf8) == expected)
    }
}
