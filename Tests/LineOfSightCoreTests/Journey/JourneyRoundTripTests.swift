import Foundation
import LineOfSightCore
import PropertyBased
import Testing

/// A journey document keeps everything: encoding then decoding any synthetic journey gives the
/// same journey, including one that fills every list and every optional field.
@Suite struct JourneyRoundTripTests {
    static let today = d("2026-06-01")

    @Test func encodingThenDecodingGivesTheSameJourney() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let journeys = [SyntheticJourneys.complete(seed: seed, today: Self.today)]
                + SyntheticJourneys.generate(count: 5, seed: seed, today: Self.today)
            for journey in journeys {
                do {
                    #expect(try JourneyDocument.decode(JourneyDocument.encode(journey)) == journey)
                } catch {
                    Issue.record("\(journey.childID): \(error)")
                }
            }
        }
    }

    /// So that the round trip above exercises every field: a list left empty, or an optional
    /// field left out in every entry, would let that field be dropped unnoticed.
    @Test func theCompleteJourneyFillsEveryListAndOptionalField() {
        let filled = FieldCoverage(SyntheticJourneys.complete(seed: 1, today: Self.today))
        #expect(filled.gaps.isEmpty, "never filled: \(filled.gaps.sorted())")
        #expect(filled.paths.contains("periodsOfCare.placements.sixMonthlyVisitsAgreed"))
        #expect(filled.paths.contains("careProceedings.extensions.weeks"))
        // The check itself sees gaps.
        let bare = FieldCoverage(Journey(childID: "C", periodsOfCare: [PeriodOfCare(id: "P", start: Self.today)]))
        #expect(bare.gaps.isSuperset(of: ["contacts", "dateOfBirth", "periodsOfCare.end", "periodsOfCare.placements"]))
        #expect(!bare.gaps.contains("periodsOfCare"))
    }
}

/// Every stored field of a value, by path (lists are transparent: `periodsOfCare.placements.type`),
/// and the paths that are never filled: an empty list, or an optional that is nil in every entry.
struct FieldCoverage {
    private(set) var paths: Set<String> = []
    private var filled: Set<String> = []
    var gaps: Set<String> { paths.subtracting(filled) }

    init(_ value: Any) {
        _ = visit(value, path: "")
    }

    /// Records the fields under `value`; returns whether it holds something (not nil, not empty).
    private mutating func visit(_ value: Any, path: String) -> Bool {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return false }
            return visit(wrapped.value, path: path)
        case .collection:
            for element in mirror.children { _ = visit(element.value, path: path) }
            return !mirror.children.isEmpty
        case .struct where !(value is CivilDate):
            // A `@DefaultEmpty` list is a struct holding the list itself.
            if mirror.children.count == 1, let list = mirror.children.first, list.label == "wrappedValue" {
                return visit(list.value, path: path)
            }
            for child in mirror.children {
                let label = child.label ?? "?"
                let name = label.hasPrefix("_") ? String(label.dropFirst()) : label
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                paths.insert(childPath)
                if visit(child.value, path: childPath) { filled.insert(childPath) }
            }
            return true
        default:
            return true
        }
    }
}
