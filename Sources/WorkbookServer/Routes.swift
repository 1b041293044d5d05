import FlyingFox
import Foundation
import WorkbookEngine

/// The server's few routes: the built site's files, the live channel, the page's state, and
/// saving or checking an exercise edited in the page.
extension BookServer {
    func addRoutes() async {
        // The handler does the WebSocket handshake (Sec-WebSocket-Accept), then hands over frames.
        await serverInstance.appendRoute("GET /_serve/live",
                                         to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: LiveSocket(channel: channel))))
        await serverRoute("GET /_serve/state") { [builder] request in
            let page = request.query.first { $0.name == "page" }?.value ?? ""
            let entry = await builder.page(page)
            return Self.json(["version": entry?.version ?? "", "edition": self.configuration.student ? "student" : "instructor",
                              "build": await builder.builds, "session": builder.session,
                              "exercises": await builder.exercises(page),
                              "error": await builder.lastError as Any? ?? NSNull()])
        }
        // Run and Check both save, then build (the chapter runs through the pipeline); the page
        // then shows what each is for: Run the cells' outputs, Check the verdicts and points.
        await serverRoute("POST /_serve/save") { request in try await self.save(request, run: false) }
        await serverRoute("POST /_serve/run") { request in try await self.save(request, run: true) }
        await serverRoute("POST /_serve/check") { request in try await self.save(request, run: true) }
        await serverRoute("GET *") { request in self.file(request.path) }
    }

    private func serverRoute(_ route: String, _ handler: @Sendable @escaping (HTTPRequest) async throws -> HTTPResponse) async {
        await serverInstance.appendRoute(HTTPRoute(stringLiteral: route), handler: handler)
    }

    /// `{"page", "id", "block", "code", "version"}` → the block (`exercise`, the default, or
    /// `solution`, which only the instructor's server edits) written into the chapter file;
    /// with `run`, the chapter is then built before the answer, whose `build` number the page
    /// fetches and patches itself from.
    private func save(_ request: HTTPRequest, run: Bool) async throws -> HTTPResponse {
        guard let body = try? JSONSerialization.jsonObject(with: try await request.bodyData) as? [String: Any],
              let page = body["page"] as? String, let id = body["id"] as? String,
              let code = body["code"] as? String, let version = body["version"] as? String else {
            return Self.json(["error": "expected page, id, code and version"], status: .badRequest)
        }
        guard let block = ExerciseEdit.Block(rawValue: body["block"] as? String ?? "exercise") else {
            return Self.json(["error": "block is exercise or solution"], status: .badRequest)
        }
        // A student's server runs and shows only the student's own blocks.
        if block == .solution && configuration.student {
            return Self.json(["error": "a --student server does not edit solutions"], status: .forbidden)
        }
        guard let entry = await builder.page(page) else {
            return Self.json(["error": "no chapter builds \(page)"], status: .notFound)
        }
        do {
            switch try ExerciseEdit.save(path: entry.path, id: id, code: code, expectedVersion: version, block: block) {
            case .changedOnDisk(let current):
                return Self.json(["error": "\(entry.path) changed on disk since this page was loaded", "changed": true,
                                  "version": current], status: .conflict)
            case .saved(let newVersion):
                var answer: [String: Any] = ["version": newVersion]
                if run {
                    if let error = await builder.rebuild() { answer["error"] = error }
                    answer["version"] = await builder.page(page)?.version ?? newVersion
                    answer["build"] = await builder.builds
                    answer["session"] = builder.session
                }
                return Self.json(answer)
            }
        } catch let error as WorkbookError {
            return Self.json(["error": "\(error)"], status: .badRequest)
        }
    }

    /// A file of the built site; `/` is the index. Nothing outside the site folder is served:
    /// never a chapter's `.md`, so a `--student` server cannot hand out a solution.
    private func file(_ path: String) -> HTTPResponse {
        let decoded = path.removingPercentEncoding ?? path
        var relative = String(decoded.drop { $0 == "/" })
        if relative.isEmpty { relative = "index.html" }
        let parts = relative.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
              let data = FileManager.default.contents(atPath: "\(siteDirectory)/\(relative)") else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("not found\n".utf8))
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(relative), .cacheControl: "no-store"],
                            body: data)
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }

    static func json(_ object: [String: Any], status: HTTPStatusCode = .ok) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(statusCode: status, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: data)
    }
}
