/// A point on the Ordnance Survey national grid, in metres east and north of its origin.
public struct GridReference: Sendable, Hashable {
    public let easting: Double
    public let northing: Double

    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }
}

/// How far a child is placed from home.
public enum PlacementDistance {
    /// The straight line between two points in miles, to one decimal place, as the DfE derives
    /// PL_DISTANCE for the SSDA903 return (kilometres divided by 1.6093).
    public static func miles(from home: GridReference, to placement: GridReference) -> Double {
        let east = home.easting - placement.easting, north = home.northing - placement.northing
        let metres = (east * east + north * north).squareRoot()
        return (metres / 1000 / 1.6093 * 10).rounded() / 10
    }
}
