// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LineOfSight",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lineofsight", targets: ["lineofsight"]),
        .executable(name: "lineofsight-returns", targets: ["lineofsight-returns"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The domain core: Foundation only. Every rule about dates and timescales lives here.
        .target(
            name: "LineOfSightCore",
            resources: [.copy("Resources/bank-holidays-england-and-wales.json")]
        ),
        // Statutory returns (SSDA903 first): read, validate, write. Foundation and Core only, so a
        // return is validated without a server or a database.
        .target(
            name: "LineOfSightReturns",
            dependencies: ["LineOfSightCore"]
        ),
        // Generates, validates and times returns from the shell (the differential harness and the
        // benchmark use it); its `validate` is the same as `lineofsight validate ssda903`.
        .executableTarget(
            name: "lineofsight-returns",
            dependencies: ["LineOfSightReturns"]
        ),
        .target(
            name: "LineOfSightServer",
            dependencies: [
                "LineOfSightCore",
                "LineOfSightReturns",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/app.css"), .copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "lineofsight",
            dependencies: ["LineOfSightServer"]
        ),
        .testTarget(
            name: "LineOfSightCoreTests",
            dependencies: [
                "LineOfSightCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LineOfSightReturnsTests",
            dependencies: ["LineOfSightReturns"]
        ),
        .testTarget(
            name: "LineOfSightServerTests",
            dependencies: [
                "LineOfSightServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
