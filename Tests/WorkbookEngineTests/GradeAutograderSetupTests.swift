import Foundation
import Testing
@testable import WorkbookEngine

/// The parts of the generated autograders that need the network or a platform's image, tried
/// as far as a test can: Gradescope's setup.sh run against stub apt-get, curl, swift and
/// pkg-config that record their arguments; PrairieLearn's Dockerfile read for what it copies
/// and installs. (The grading scripts themselves run end to end in GradeScaleTests.)
@Suite(.serialized) struct GradeAutograderSetupTests {
    /// The repository's root, for its bin/ensure-system-packages.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// What the workbook needs at run time (bin/ensure-system-packages names them too).
    static let runtimePackages = ["libcmark-dev", "libopenblas-dev", "libjs-katex", "bubblewrap", "util-linux"]

    static func course() throws -> String {
        let scratch = try makeScratchFolder(["course/Chapters/01-sums.md": try ExerciseFixtures.text("course/01-sums.md"),
                                             "course/Package.swift": "// the workbook package (not built by these stubs)\n"])
        try FileManager.default.createDirectory(atPath: scratch + "/course/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository + "/bin/ensure-system-packages",
                                         toPath: scratch + "/course/bin/ensure-system-packages")
        return scratch
    }

    /// A stub command that appends its name and arguments to `log`, one line per call.
    static func stub(_ name: String, in folder: String, log: String, then body: String = "exit 0") throws {
        let path = folder + "/" + name
        try "#!/bin/bash\nprintf '%s' \"\(name)\" >> \"\(log)\"; printf ' %s' \"$@\" >> \"\(log)\"; echo >> \"\(log)\"\n\(body)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// Runs `bash SCRIPT` with exactly `environment` (nothing inherited, so no real apt-get,
    /// curl or swift can be reached through the caller's PATH); output into a log.
    static func bash(_ script: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("setup-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, readText(log.path) ?? "")
    }

    @Test func gradescopeSetupInstallsThePackagesAndBuildsOnceWithStubs() throws {
        let scratch = try Self.course()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let made = try ExerciseFixtures.workbook(["autograder", "gradescope", "--course", "course", "--output",
                                                  "autograder/source"], in: scratch)
        #expect(made.status == 0, "\(made.stderr)")
        let source = scratch + "/autograder/source"
        #expect(FileManager.default.isExecutableFile(atPath: source + "/course/bin/ensure-system-packages"))
        for script in ["setup.sh", "run_autograder"] {
            #expect(try GradeScaleTests.run("/bin/bash", environment: [:], arguments: ["-n", source + "/" + script]).status == 0)
        }

        let stubs = scratch + "/stubs", log = scratch + "/calls.log"
        try FileManager.default.createDirectory(atPath: stubs, withIntermediateDirectories: true)
        for name in ["apt-get", "curl", "tar"] { try Self.stub(name, in: stubs, log: log) }
        try Self.stub("pkg-config", in: stubs, log: log, then: "exit 1")   // nothing installed yet
        try Self.stub("id", in: stubs, log: log, then: "echo 0")           // root, as on Gradescope
        // swift: `build` leaves a workbook behind, as the real build does.
        try Self.stub("swift", in: stubs, log: log, then: """
            if [ "$1" = build ]; then mkdir -p .build/release
              printf '#!/bin/sh\\necho "workbook $*" >> \(log)\\n' > .build/release/workbook; chmod +x .build/release/workbook; fi
            """)
        // Every command setup.sh could change the machine with is a stub, first on PATH.
        for name in ["apt-get", "curl", "tar", "swift"] {
            try #require(FileManager.default.isExecutableFile(atPath: stubs + "/" + name))
        }
        let ran = try Self.bash(source + "/setup.sh", environment: [
            "PATH": stubs + ":/usr/bin:/bin", "HOME": scratch, "WORKBOOK_AUTOGRADER_ROOT": scratch + "/autograder",
        ])
        #expect(ran.status == 0, "\(ran.output)")
        let calls = (readText(log) ?? "").split(separator: "\n").map(String.init)
        let installs = calls.filter { $0.hasPrefix("apt-get install") }
        let installed = Set(installs.flatMap { $0.split(separator: " ").map(String.init) })
        for package in Self.runtimePackages { #expect(installed.contains(package), "setup.sh does not install \(package)") }
        // The course's bin/ensure-system-packages ran too (the stub pkg-config finds nothing).
        #expect(installs.contains { $0.contains("-qq") && $0.contains("libcmark-dev") }, "\(calls)")
        // One release build of each product, in the bundle's course; no download (swift is there).
        #expect(calls.filter { $0.hasPrefix("swift build") } == ["swift build -c release --product workbook",
                                                                 "swift build -c release --product Course"])
        #expect(calls.contains("workbook --help"))
        #expect(!calls.contains { $0.hasPrefix("curl") })
    }

    @Test func prairieLearnDockerfileCopiesOnlyWhatTheBundleHoldsAndInstallsThePackages() throws {
        let scratch = try Self.course()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let made = try ExerciseFixtures.workbook(["autograder", "prairielearn", "--course", "course", "--output", "pl"],
                                                 in: scratch)
        #expect(made.status == 0, "\(made.stderr)")
        let bundle = scratch + "/pl"
        #expect(try GradeScaleTests.run("/bin/bash", environment: [:], arguments: ["-n", bundle + "/grade.sh"]).status == 0)
        let dockerfile = try #require(readText(bundle + "/Dockerfile"))
        // Lines joined across backslash continuations, comments dropped.
        let instructions = dockerfile.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let keywords = Set(["ARG", "FROM", "RUN", "COPY", "ENV", "WORKDIR"])
        for line in instructions {
            #expect(keywords.contains(String(line.prefix { $0 != " " })), "unexpected instruction: \(line)")
        }
        #expect(instructions.first { !$0.hasPrefix("ARG") }?.hasPrefix("FROM ") == true)
        var destinations: [String] = []
        for copy in instructions.filter({ $0.hasPrefix("COPY ") }) {
            let words = copy.split(separator: " ").map(String.init)
            #expect(words.count == 3, "\(copy)")
            #expect(FileManager.default.fileExists(atPath: bundle + "/" + words[1]), "COPY of a missing \(words[1])")
            destinations.append(words[2])
        }
        #expect(destinations == ["/workbook/course", "/workbook/grade.sh"])
        // The entry point the notes tell instructors to name in info.json is the one copied.
        #expect(readText(bundle + "/README.md")?.contains("\"entrypoint\": \"/workbook/grade.sh\"") == true)
        let installing = try #require(instructions.first { $0.contains("apt-get install") })
        for package in Self.runtimePackages { #expect(installing.contains(" \(package)"), "the image lacks \(package)") }
        #expect(instructions.contains { $0.contains("swift build -c release --product workbook") })
    }
}
