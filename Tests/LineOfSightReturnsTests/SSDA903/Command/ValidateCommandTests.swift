import Foundation
@testable import LineOfSightReturns
import Testing

/// The validate command both executables share: its options, its exit status, its output.
@Suite struct ValidateCommandTests {
    private func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory.path
    }

    private func run(_ command: SSDA903ValidateCommand) -> (status: Int32, output: String, errors: String) {
        var output = "", errors = ""
        let status = command.run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test func optionsAreCheckedBeforeAnythingIsRead() throws {
        #expect(throws: SSDA903ValidateCommand.UsageProblem.self) { try SSDA903ValidateCommand(directory: "x", year: nil) }
        #expect(throws: SSDA903ValidateCommand.UsageProblem.self) { try SSDA903ValidateCommand(directory: "x", year: "2022") }
        #expect(throws: SSDA903ValidateCommand.UsageProblem.self) {
            try SSDA903ValidateCommand(directory: "x", year: "2026", format: "xml")
        }
        #expect(throws: SSDA903ValidateCommand.UsageProblem.self) {
            try SSDA903ValidateCommand(directory: "x", year: "2026", localAuthority: "Leeds")
        }
        #expect(try SSDA903ValidateCommand(directory: "x", year: "2026", localAuthority: "E08000035").ruleSet == .lac2025_26)
    }

    @Test func aReturnWithFindingsExitsOneAndMalformedXMLExitsTwoNamingTheFile() throws {
        let faulty = try folder(["return.xml": xmlReturn(uascChild("1", uasc: "Y"))])
        let found = run(try SSDA903ValidateCommand(directory: faulty, year: "2026"))
        #expect(found.status == 1)
        #expect(found.output.contains("105,1,Header,0\n"))
        #expect(found.errors.contains("SW02STG1 not run: no SWEpisodes table"))

        let broken = try folder(["return.xml": "<EXPSSDA903><CHILD><HEADER></CHILD></EXPSSDA903>"])
        let refused = run(try SSDA903ValidateCommand(directory: broken, year: "2026"))
        #expect(refused.status == 2)
        #expect(refused.output.isEmpty)
        #expect(refused.errors.hasPrefix(broken + "/return.xml, line 1, column "), "\(refused.errors)")
    }

    @Test func jsonHoldsTheRulesThatDidNotRunAndEscapesText() throws {
        let faulty = try folder(["header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\"A\"\"1\",M,01/01/2012,XXXX,UN3,,\n"])
        let result = run(try SSDA903ValidateCommand(directory: faulty, year: "2026", format: "json"))
        #expect(result.status == 1)
        #expect(result.errors.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["rule_set"] as? String == "lac2025_26")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule_code"] as? String == "103" && $0["child_id"] as? String == "A\"1" })
        let notRun = try #require(document["not_run"] as? [[String: Any]])
        #expect(notRun.contains { $0["rule_code"] as? String == "141" && $0["reason"] as? String == "no Episodes table" })
    }
}
