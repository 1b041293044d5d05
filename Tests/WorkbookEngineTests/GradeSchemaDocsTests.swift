import Foundation
import Testing
@testable import WorkbookEngine

/// The platforms' results.json as their documentation describes it (pages named in each
/// schema's $comment): documents the platform accepts pass our schemas, ones it would
/// misread fail, and our writers stay inside the documented limits.
@Suite struct GradeSchemaDocsTests {
    @Test func prairieLearnAcceptsWhatItsDocumentationAllows() throws {
        // A score alone (gradable left out means true), extra keys of the grader's own, an
        // image given as a bare URL, format errors as one string.
        for document in [#"{"score": 0.5}"#,
                         #"{"score": 1, "gradable": true, "our_own_key": {"a": 1}, "images": ["data:image/png;base64,AA=="]}"#,
                         #"{"gradable": false, "format_errors": "no file named 01-sums.md"}"#,
                         #"{"gradable": false, "format_errors": ["one", "two"]}"#,
                         #"{"score": 0, "tests": [{"name": "t", "images": [{"url": "data:,x"}, "data:,y"]}]}"#] {
            #expect(try GradingSchemas.errors(document, schema: "prairielearn-results") == [], "\(document)")
        }
        #expect(try GradingSchemas.errors(#"{"gradable": false, "format_errors": 3}"#, schema: "prairielearn-results")
                == ["$.format_errors: matches none of anyOf"])
        #expect(try GradingSchemas.errors(#"{"score": 1, "images": [{"label": "no url"}]}"#, schema: "prairielearn-results")
                == ["$.images[0]: matches none of anyOf"])
    }

    @Test func gradescopeNeedsAScoreOnTopOrOnEveryTest() throws {
        #expect(try GradingSchemas.errors(#"{"tests": [{"name": "a", "score": 1}, {"name": "b", "score": 0}]}"#,
                                          schema: "gradescope-results") == [])
        #expect(try GradingSchemas.errors(#"{"tests": [{"name": "a", "score": 1}, {"name": "b"}]}"#,
                                          schema: "gradescope-results") == ["$: matches none of anyOf"])
        #expect(try GradingSchemas.errors(#"{"score": 3, "output_format": "md", "test_output_format": "ansi", "#
                                          + #""tests": [{"name": "b", "name_format": "html", "tags": ["x"]}]}"#,
                                          schema: "gradescope-results") == [])
    }

    /// PrairieLearn's documented limit: results.json stays under 1 MB, however much a
    /// student's code printed into its messages; the points are never cut.
    @Test func prairieLearnResultsStayUnderOneMegabyte() throws {
        var feedback = GradeFormatTests.feedback
        let flood = String(repeating: "spam ", count: 60_000)
        for index in 0..<8 {
            var exercise = feedback.chapters[0].exercises[0]
            exercise.id = "e\(index)"
            exercise.messages = [FeedbackMessage(line: 3, text: flood)]
            exercise.checks[0].messages = [FeedbackMessage(line: 4, text: flood)]
            feedback.chapters[0].exercises.append(exercise)
        }
        let json = try PrairieLearnResults.json(feedback)
        #expect(json.utf8.count <= PrairieLearnResults.maximumBytes)
        #expect(try GradingSchemas.errors(json, schema: "prairielearn-results") == [])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["score"] as? Double == 5.0 / 6.0)
        #expect((document["tests"] as? [[String: Any]])?.count == 18)
        #expect((document["output"] as? String)?.hasSuffix(PrairieLearnResults.cutNote) == true)
    }
}
