/// The scripts an autograder bundle carries. Each grading script takes its root folder from
/// an environment variable (default: the platform's own), so a test can run it against a
/// fake `/autograder` or `/grade` tree in a temporary folder; `WORKBOOK_EXECUTABLE` points it
/// at another `workbook` and `WORKBOOK_GRADE_FLAGS` adds options (say `--no-sandbox` where
/// the container cannot make user namespaces).
enum AutograderScripts {
    struct File {
        var name: String
        var text: String
        var executable: Bool
    }

    static func files(_ platform: AutograderBundle.Platform, timeout: Double, swiftVersion: String) -> [File] {
        let seconds = CheckFormat.number(timeout)
        switch platform {
        case .gradescope:
            return [File(name: "setup.sh", text: gradescopeSetup(swiftVersion), executable: true),
                    File(name: "run_autograder", text: gradescopeRun(seconds), executable: true),
                    File(name: "README.md", text: gradescopeNotes(swiftVersion), executable: false)]
        case .prairielearn:
            return [File(name: "Dockerfile", text: prairieLearnDockerfile(swiftVersion), executable: false),
                    File(name: "grade.sh", text: prairieLearnRun(seconds), executable: true),
                    File(name: "README.md", text: prairieLearnNotes, executable: false)]
        }
    }

    /// Debian/Ubuntu packages: what swift.org lists for its Linux toolchain, then ours.
    static let packages = """
        binutils ca-certificates curl git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 \\
            libpython3-dev libsqlite3-0 libxml2-dev libncurses-dev libz3-dev pkg-config tzdata \\
            unzip zlib1g-dev libstdc++-12-dev libgcc-12-dev \\
            libcmark-dev libopenblas-dev libjs-katex bubblewrap
        """

    static func gradescopeSetup(_ swiftVersion: String) -> String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, while it builds the autograder image (choose the
        # Ubuntu 22.04 base image). It installs the packages and the Swift toolchain, then builds
        # the workbook and the Course library once; run_autograder only grades.
        set -euo pipefail
        SWIFT_VERSION="${SWIFT_VERSION:-\(swiftVersion)}"
        SWIFT_PLATFORM="${SWIFT_PLATFORM:-ubuntu22.04}"

        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
            \(packages)

        # The toolchain: swift.org's release archive (see https://www.swift.org/install/linux/).
        if ! command -v swift >/dev/null 2>&1; then
            release="swift-${SWIFT_VERSION}-RELEASE"
            url="https://download.swift.org/swift-${SWIFT_VERSION}-release/${SWIFT_PLATFORM//./}/${release}/${release}-${SWIFT_PLATFORM}.tar.gz"
            curl -fsSL "$url" -o /tmp/swift.tar.gz
            mkdir -p /opt/swift
            tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components=1
            ln -sf /opt/swift/usr/bin/* /usr/local/bin/
        fi
        swift --version

        cd /autograder/source/course
        swift build -c release --product workbook
        swift build -c release --product Course
        .build/release/workbook --help >/dev/null

        """
    }

    static func gradescopeRun(_ seconds: String) -> String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this for every submission: the student's files are in
        # /autograder/submission (their chapters, at the top or in Chapters/), the grades go to
        # /autograder/results/results.json. WORKBOOK_AUTOGRADER_ROOT stands in for /autograder.
        set -uo pipefail
        root="${WORKBOOK_AUTOGRADER_ROOT:-/autograder}"
        course="$root/source/course"
        workbook="${WORKBOOK_EXECUTABLE:-$course/.build/release/workbook}"
        mkdir -p "$root/results"
        cd "$course"
        # shellcheck disable=SC2086
        "$workbook" grade "$root/submission" --course "$course/Chapters" --format gradescope \\
            --output "$root/results/results.json" --timeout \(seconds) --jobs 1 ${WORKBOOK_GRADE_FLAGS:-}
        status=$?
        # Not 0: the workbook wrote no results.json, so Gradescope shows the submission as not
        # graded (with this output) instead of a grade of 0 the student did not earn.
        exit $status

        """
    }

    static func gradescopeNotes(_ swiftVersion: String) -> String {
        """
        # Gradescope autograder for this workbook

        Upload a zip of this folder's contents (not the folder itself):

            cd THIS_FOLDER && zip -r ../autograder.zip setup.sh run_autograder course

        - Base image: Ubuntu 22.04. `setup.sh` installs the Debian packages, Swift \(swiftVersion)
          from swift.org and builds `workbook` and `Course` once (a few minutes).
        - Students submit their chapter files (`01-….md`, at the top or in `Chapters/`). Only their
          exercise blocks are graded, by the instructor's checks in `course/Chapters`.
        - Each check is one Gradescope test. Hidden checks count at once but are shown only
          after the grades are published (`after_published`), and even then without their
          code or expected values.
        - A failure of the grader itself exits non-zero without results.json: Gradescope then
          shows an autograder error, never a 0 the student did not earn.
        - Test locally: `WORKBOOK_AUTOGRADER_ROOT=/tmp/ag WORKBOOK_EXECUTABLE=.build/release/workbook
          /tmp/ag/source/run_autograder` with this folder as `/tmp/ag/source` and a student's files
          in `/tmp/ag/submission`.

        """
    }

    static func prairieLearnDockerfile(_ swiftVersion: String) -> String {
        """
        # PrairieLearn external grader image for this workbook:
        #   docker build -t YOURORG/workbook-grader . && docker push YOURORG/workbook-grader
        # The official Swift image carries the toolchain; the workbook and Course are built once.
        ARG SWIFT_IMAGE=swift:\(swiftVersion)
        FROM ${SWIFT_IMAGE}
        RUN apt-get update \\
            && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
               libcmark-dev libopenblas-dev libjs-katex bubblewrap \\
            && rm -rf /var/lib/apt/lists/*
        COPY course /workbook/course
        RUN cd /workbook/course && swift build -c release --product workbook \\
            && swift build -c release --product Course
        COPY grade.sh /workbook/grade.sh
        RUN chmod 755 /workbook/grade.sh

        """
    }

    static func prairieLearnRun(_ seconds: String) -> String {
        """
        #!/usr/bin/env bash
        # PrairieLearn's external grader runs this in the image for every submission: the
        # student's files are in /grade/student, the grades go to /grade/results/results.json.
        # WORKBOOK_GRADE_ROOT stands in for /grade, WORKBOOK_COURSE for /workbook/course.
        set -uo pipefail
        root="${WORKBOOK_GRADE_ROOT:-/grade}"
        course="${WORKBOOK_COURSE:-/workbook/course}"
        workbook="${WORKBOOK_EXECUTABLE:-$course/.build/release/workbook}"
        mkdir -p "$root/results"
        cd "$course" || exit 3
        # shellcheck disable=SC2086
        "$workbook" grade "$root/student" --course "$course/Chapters" --format prairielearn \\
            --output "$root/results/results.json" --timeout \(seconds) --jobs 1 ${WORKBOOK_GRADE_FLAGS:-}
        status=$?
        if [ "$status" -ne 0 ]; then
            # The grader failed, not the student: PrairieLearn charges nothing for "not gradable".
            printf '{"gradable": false, "message": "The autograder could not grade this submission (workbook exit status %d). Please tell the course staff."}\\n' \\
                "$status" > "$root/results/results.json"
        fi
        exit 0

        """
    }

    static let prairieLearnNotes = """
        # PrairieLearn external grader for this workbook

        1. Build and push the image: `docker build -t YOURORG/workbook-grader . && docker push YOURORG/workbook-grader`.
        2. In each question's `info.json`:

               "gradingMethod": "External",
               "externalGradingOptions": {
                   "enabled": true,
                   "image": "YOURORG/workbook-grader",
                   "entrypoint": "/workbook/grade.sh",
                   "timeout": 600
               }

           with a file-upload or file-editor element that saves the student's chapter
           (`01-….md`) so that it lands in `/grade/student/`.
        3. `grade.sh` writes `/grade/results/results.json`: `gradable`, `score` (0–1), one test per
           check with `points` and `max_points`, and the student's feedback as `output`. Hidden
           checks are scored but show only ✓/✗. If the grader itself fails it writes
           `"gradable": false`, which costs the student nothing.

        Test locally: `WORKBOOK_GRADE_ROOT=/tmp/grade WORKBOOK_COURSE=$PWD/course
        WORKBOOK_EXECUTABLE=…/workbook ./grade.sh` with the student's files in `/tmp/grade/student`.

        """
}
