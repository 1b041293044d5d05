// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Workbook",
    products: [
        .executable(name: "workbook", targets: ["workbook"]),
        // Chapter programs are compiled by `swiftc` and linked against this one shared library,
        // so it holds both the course code and the runtime the generated program talks through.
        // WorkbookProtocol rides along: the runtime imports it, so chapter programs need its module.
        .library(name: "Course", type: .dynamic, targets: ["Course", "WorkbookRuntime", "WorkbookProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        // The theme's page templates (issue 11).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `workbook serve`: a small async HTTP server with no SwiftNIO underneath (see README).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian: apt-get install libcmark-dev
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Debian: apt-get install libopenblas-dev. The matrix products under `Tensor`.
        .systemLibrary(
            name: "CCBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // What a running chapter program uses to talk back to the engine: cell markers,
        // rich display, inline values, data-file dependencies, check results.
        .target(name: "WorkbookRuntime", dependencies: ["WorkbookProtocol"]),
        // The engine–program protocol, one place for both sides: record kinds and their size
        // limits, framing, the stream markers and the keyed tags that authenticate them.
        .target(name: "WorkbookProtocol"),
        // The course library students read and chapters call.
        .target(name: "Course", dependencies: ["WorkbookRuntime", "CCBLAS"]),
        // parse → plan → execute → render.
        .target(
            name: "WorkbookEngine",
            dependencies: [
                "CCmark",
                "WorkbookProtocol",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default theme: Mustache templates, the stylesheet and the page scripts.
            resources: [.copy("Theme")]
        ),
        // `workbook serve`: the book over HTTP on 127.0.0.1, live reload, exercises edited in the page.
        .target(
            name: "WorkbookServer",
            dependencies: [
                "WorkbookEngine",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "workbook",
            dependencies: [
                "WorkbookEngine",
                "WorkbookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        // Clustering benchmarks (k-means against scikit-learn, Hungarian); see Benchmarks/.
        .executableTarget(name: "course-bench-kmeans", dependencies: ["Course"], path: "Benchmarks/kmeans/Sources"),
        // Neural-network benchmarks (RNN against PyTorch, matmul against NumPy); see Benchmarks/.
        .executableTarget(name: "course-bench-rnn", dependencies: ["Course"], path: "Benchmarks/rnn/Sources"),
        .executableTarget(name: "course-bench-matmul", dependencies: ["Course"], path: "Benchmarks/matmul/Sources"),
        // The sandbox's overhead per chapter program; see Benchmarks/sandbox/run.sh.
        .executableTarget(name: "sandbox-bench", dependencies: ["WorkbookEngine"], path: "Benchmarks/sandbox/Sources"),
        .testTarget(name: "WorkbookEngineTests", dependencies: ["WorkbookEngine", "WorkbookProtocol"], resources: [.copy("Fixtures")]),
        .testTarget(name: "WorkbookServerTests", dependencies: ["WorkbookServer"]),
        .testTarget(name: "CourseTests", dependencies: ["Course"], resources: [.copy("Golden"), .copy("Data")]),
    ],
    swiftLanguageModes: [.v5]
)
