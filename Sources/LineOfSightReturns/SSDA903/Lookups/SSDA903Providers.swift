import LineOfSightCore

/// The Ofsted provider lookup the URN rules need (an optional input, as the DfE tool's Children's
/// Homes and Social Care Providers lists are): for each URN, each listing of it, with the
/// placement and provider codes it is registered for, the day its registration ended, its
/// postcode and the upper-tier authority of that postcode.
///
/// Read from a CSV with the header `urn,place_codes,provider_codes,reg_end,postcode,la_code`:
/// codes separated by commas within their (quoted) field, `reg_end` dd/mm/yyyy or blank, one row
/// per listing (a URN on both Ofsted lists has two). `scripts/ssda903/providers.py` writes one from
/// the Ofsted spreadsheets with the DfE tool's own reader.
public struct SSDA903Providers: Sendable {
    public struct Listing: Sendable, Equatable {
        public let placementCodes: [String]
        public let providerCodes: [String]
        public let registrationEnded: CivilDate?
        /// Upper case, without spaces.
        public let postcode: String?
        public let localAuthority: String?

        public init(placementCodes: [String], providerCodes: [String], registrationEnded: CivilDate?,
                    postcode: String?, localAuthority: String?) {
            self.placementCodes = placementCodes
            self.providerCodes = providerCodes
            self.registrationEnded = registrationEnded
            self.postcode = postcode.map(SSDA903Providers.postcodeKey)
            self.localAuthority = localAuthority
        }
    }

    private let listings: [String: [Listing]]

    public init(_ listings: [(urn: String, listing: Listing)]) {
        self.listings = Dictionary(grouping: listings, by: { $0.urn.uppercased() }).mapValues { $0.map(\.listing) }
    }

    /// The listings of `urn`; empty when it is on neither list.
    public subscript(urn: String) -> [Listing] { listings[urn.uppercased()] ?? [] }

    /// A postcode as the lookup holds it (and as the DfE tool compares them).
    public static func postcodeKey(_ postcode: String) -> String {
        postcode.uppercased().replacingOccurrences(of: " ", with: "")
    }

    static let columns = ["urn", "place_codes", "provider_codes", "reg_end", "postcode", "la_code"]

    /// Reads the CSV; an error naming the line when it is not one.
    public static func read(csv bytes: [UInt8], file: String) throws(SSDA903ReadError) -> SSDA903Providers {
        let rows = try bytes.withUnsafeBufferPointer { buffer throws(SSDA903ReadError) in try records(buffer, file: file) }
        guard let header = rows.first?.cells, header == columns else {
            throw SSDA903ReadError(file: file, line: 1, .notALookup("its header row is not \(columns.joined(separator: ","))"))
        }
        var listings: [(urn: String, listing: Listing)] = []
        for (line, cells) in rows.dropFirst() {
            guard cells.count == columns.count, !cells[0].isEmpty else {
                throw SSDA903ReadError(file: file, line: line, .notALookup("each row needs a URN and \(columns.count) fields"))
            }
            let ended = FieldDate(cell: cells[3].utf8)
            guard !ended.isMalformed else {
                throw SSDA903ReadError(file: file, line: line, column: 4, .notALookup("reg_end “\(cells[3])” is not a dd/mm/yyyy date"))
            }
            func codes(_ text: String) -> [String] {
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            listings.append((cells[0], Listing(placementCodes: codes(cells[1]), providerCodes: codes(cells[2]),
                                               registrationEnded: ended.date, postcode: cells[4].isEmpty ? nil : cells[4],
                                               localAuthority: cells[5].isEmpty ? nil : cells[5])))
        }
        return SSDA903Providers(listings)
    }

    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(SSDA903ReadError) -> [(line: Int, cells: [String])] {
        var scanner = CSVScanner(bytes)
        var rows: [(line: Int, cells: [String])] = []
        do {
            while try scanner.next() {
                rows.append((scanner.line, (0..<scanner.fieldCount).map { index in
                    scanner.withField(index) { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespaces)
                }))
            }
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw SSDA903ReadError(file: file, line: line, .unterminatedQuote)
            }
        }
        return rows
    }
}
