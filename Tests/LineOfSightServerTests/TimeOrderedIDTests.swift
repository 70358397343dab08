import Foundation
@testable import LineOfSightServer
import Testing

/// The ids of audit rows: version 7 UUIDs whose order is the order of their times, never repeated.
@Suite struct TimeOrderedIDTests {
    @Test func idsCarryTheirMillisecondInOrderWithTheVersionAndVariantBits() {
        let start = Date(timeIntervalSince1970: 1_764_500_000.5)
        let ids = (0..<1_000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.002)) }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let text = id.uuidString
            #expect(text[text.index(text.startIndex, offsetBy: 14)] == "7")
            #expect("89AB".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        }
        // Each later millisecond sorts later, as text (how the databases compare them) and as bytes.
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        let first = ids[0].uuid
        let millisecond = UInt64(first.0) << 40 | UInt64(first.1) << 32 | UInt64(first.2) << 24 | UInt64(first.3) << 16 | UInt64(first.4) << 8 | UInt64(first.5)
        #expect(millisecond == 1_764_500_000_500)
    }

    @Test func idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        let now = Date()
        let ids = (0..<10_000).map { _ in UUID.timeOrdered(at: now) }
        #expect(Set(ids).count == ids.count)
    }
}
