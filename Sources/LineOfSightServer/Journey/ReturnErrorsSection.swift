import LineOfSightCore
import LineOfSightReturns

/// The child's page's section on the errors their record would raise in the SSDA903 return of
/// this collection year (`ReturnFindingRows`): each with the DfE's message and rule code and the
/// part of the record it is about, so data quality is fixed when recording, not at year end.
enum ReturnErrorsSection {
    static let heading = "Errors this record would raise in the SSDA903 return"

    static func node(_ checked: ReturnFindingRows.Checked) -> Node {
        fragment {
            el("h2", .class("govuk-heading-m"), .id("return-errors")) { heading }
            paragraph("Checked against the DfE’s rules for the \(checked.ruleSet.years) return, on this child’s record alone. "
                      + "Errors that compare children, or need last year’s return, show only when the whole return is checked.",
                      "govuk-body-s")
            if checked.findings.isEmpty {
                paragraph("No return errors.")
            } else {
                table(caption: checked.findings.count == 1 ? "1 return error" : "\(checked.findings.count) return errors", captionVisible: false,
                      columns: [.init(header: "Error"), .init(header: "In the record")],
                      rows: checked.findings.map { finding in [
                          fragment {
                              el("p", .class("govuk-body govuk-!-margin-bottom-1")) { finding.message }
                              el("p", .class("govuk-body-s govuk-!-margin-bottom-0")) { "DfE rule \(finding.ruleCode)" }
                          },
                          fragment {
                              el("p", .class("govuk-body govuk-!-margin-bottom-1")) { part(of: finding) }
                              el("p", .class("govuk-body-s govuk-!-margin-bottom-0")) { fields(finding) }
                          },
                      ] })
            }
        }
    }

    /// The part of the record, in words: "Episode of care from 2 March 2026".
    static func part(of finding: SSDA903RecordCheck.Finding) -> String {
        let from = finding.recordDate.map { " from " + DateText.long($0) } ?? ""
        let on = finding.recordDate.map { " on " + DateText.long($0) } ?? ""
        return switch finding.table {
        case .header: "The child’s details"
        case .episodes: "Episode of care" + from
        case .reviews: "Looked-after review" + on
        case .uasc: "Unaccompanied asylum-seeking child status"
        case .oc2: "Outcomes of a child looked after all year"
        case .oc3: "Care leaver’s contact"
        case .ad1: "Adoption" + from
        case .placedAdoption: "Decision to place for adoption" + on
        case .prevPerm: "Permanence before care"
        case .missing: "Missing or away from placement" + from
        case .swEpisodes: "Social worker" + from
        case .doLo: "Deprivation of liberty" + from
        }
    }

    /// The return's table and the fields the rule points at, as the DfE names them.
    static func fields(_ finding: SSDA903RecordCheck.Finding) -> String {
        let names = finding.fields.filter { $0 != .child }.map(\.rawValue)
        return "\(finding.table.rawValue) table" + (names.isEmpty ? "" : ": " + names.joined(separator: ", "))
    }
}
