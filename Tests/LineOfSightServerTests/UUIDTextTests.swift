import Foundation
@testable import LineOfSightServer
import Testing

/// Ids read from SQLite's text are parsed as Foundation parses them; malformed text is refused by both.
@Suite struct UUIDTextTests {
    @Test func idsInEitherCaseReadAsFoundationReadsThem() {
        for id in (0..<1_000).map({ _ in UUID() }) + [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                                                       UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))] {
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
        }
        #expect(UUID(text: "0a1B2c3D-4e5F-6789-abCD-ef0123456789") == UUID(uuidString: "0A1B2C3D-4E5F-6789-ABCD-EF0123456789"))
    }

    @Test(arguments: [
        "", "0A1B2C3D4E5F6789ABCDEF0123456789", "0A1B2C3D-4E5F-6789-ABCD-EF012345678", "0A1B2C3D-4E5F-6789-ABCD-EF01234567890",
        "0A1B2C3D-4E5F-6789-ABCD_EF0123456789", "0A1B2C3-D4E5F-6789-ABCD-EF0123456789", "0A1B2C3D-4E5F-6789-ABCD-EF012345678G",
        "{A1B2C3D-4E5F-6789-ABCD-EF012345678}", " 0A1B2C3D-4E5F-6789-ABCD-EF01234567", "0A1B2C3D-4E5F-6789-ABCD-EF01234567é",
        "0A1B2C3D-4E5F-6789-ABCD-EF0123456\u{0}89",
    ])
    func anythingElseIsRefused(_ text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
