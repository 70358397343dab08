import LineOfSightCore
import Testing

/// Miles between two grid references, as the DfE derives PL_DISTANCE.
@Suite struct PlacementDistanceTests {
    @Test func milesAreKilometresOver1Point6093ToOneDecimalPlace() {
        let home = GridReference(easting: 352_267, northing: 393_611)
        #expect(PlacementDistance.miles(from: home, to: home) == 0)
        // 3 km east and 4 km north: 5 km, 3.107 miles.
        #expect(PlacementDistance.miles(from: home, to: GridReference(easting: 355_267, northing: 397_611)) == 3.1)
        #expect(PlacementDistance.miles(from: GridReference(easting: 355_267, northing: 397_611), to: home) == 3.1, "either way")
        // WA9 to M28 by their districts' centres.
        #expect(PlacementDistance.miles(from: home, to: GridReference(easting: 373_712, northing: 402_267)) == 14.4)
    }
}
