import Foundation
import LineOfSightCore

/// The postcode lookup the placement-location rules need (an optional input, as the DfE tool's
/// is its bundled copy of the ONS postcode directory): for each postcode, its local authority
/// district, the upper-tier authority that district belongs to, and its OS grid reference.
///
/// Read from a CSV with the header `postcode,laua,utla,easting,northing` (postcodes in any
/// case, with or without their space; `utla` blank when the district has none in the DfE's
/// table of authorities). `scripts/ssda903/postcodes.py` writes one from the DfE tool's data.
public struct SSDA903Postcodes: Sendable {
    public struct Place: Sendable, Equatable {
        public let district: String
        public let upperTier: String?
        public let easting: Double
        public let northing: Double

        var gridReference: GridReference { GridReference(easting: easting, northing: northing) }

        public init(district: String, upperTier: String?, easting: Double, northing: Double) {
            self.district = district
            self.upperTier = upperTier
            self.easting = easting
            self.northing = northing
        }
    }

    private let places: [String: Place]

    public init(_ places: [String: Place]) {
        self.places = Dictionary(places.map { (Self.key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads the CSV; nil and a message naming the line when it is not one.
    public static func read(csv text: String, file: String) throws(SSDA903ReadError) -> SSDA903Postcodes {
        var places: [String: Place] = [:]
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 5, let easting = Double(cells[3]), let northing = Double(cells[4]) else {
                throw SSDA903ReadError(file: file, line: index + 1, .notALookup("expected postcode,laua,utla,easting,northing"))
            }
            places[key(cells[0])] = Place(district: cells[1], upperTier: cells[2].isEmpty ? nil : cells[2],
                                          easting: easting, northing: northing)
        }
        return SSDA903Postcodes(places)
    }

    public subscript(postcode: String) -> Place? { places[Self.key(postcode)] }

    private static func key(_ postcode: String) -> String {
        postcode.uppercased().replacingOccurrences(of: " ", with: "")
    }
}

/// The columns the DfE tool derives from Episodes' postcodes, one per row: where the child was
/// placed (PL_LA, PL_LOCATION) and how far from home (PL_DISTANCE, miles to one decimal place).
public struct SSDA903PlacementLocations: Sendable {
    /// The upper-tier authority of PL_POST, or SCO, NIR or WAL for a postcode outside England.
    public let authority: [String?]
    /// IN when `authority` is the council's own, OUT otherwise; nil when PL_POST is not known.
    public let location: [String?]
    public let distance: [Double?]

    public init(_ episodes: SSDA903TableData, postcodes: SSDA903Postcodes, localAuthority: String?) {
        let placed = episodes[.plPost], home = episodes[.homePost]
        var authority: [String?] = [], location: [String?] = [], distance: [Double?] = []
        for row in episodes.rows {
            let place = placed[row].flatMap { postcodes[$0] }
            var la = place?.upperTier
            var where_: String? = place == nil ? nil : (la != nil && la == localAuthority ? "IN" : "OUT")
            if let place, let country = ["S": "SCO", "N": "NIR", "W": "WAL"][String(place.district.prefix(1))] {
                la = country
                where_ = "OUT"
            }
            authority.append(la)
            location.append(where_)
            if let place, let from = home[row].flatMap({ postcodes[$0] }) {
                distance.append(PlacementDistance.miles(from: from.gridReference, to: place.gridReference))
            } else {
                distance.append(nil)
            }
        }
        self.authority = authority
        self.location = location
        self.distance = distance
    }
}
