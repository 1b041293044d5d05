import FlyingFox
import Foundation

/// The push side of live reload: every open page holds a WebSocket; the server sends each of
/// them small JSON messages (`reload`, `running`, `error`, `ok`).
actor LiveChannel {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    /// The last state message, sent to a page as soon as it connects (so a page opened while a
    /// chapter is broken shows the error at once).
    private var lastState: String?

    func connect() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        continuation.onTermination = { [weak self] _ in Task { await self?.disconnect(id) } }
        clients[id] = continuation
        if let lastState { continuation.yield(.text(lastState)) }
        return stream
    }

    private func disconnect(_ id: UUID) { clients[id] = nil }

    func send(_ message: [String: Any], remember: Bool = false) {
        guard let data = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else { return }
        let text = String(decoding: data, as: UTF8.self)
        if remember { lastState = text }
        for client in clients.values { client.yield(.text(text)) }
    }

    var count: Int { clients.count }
}

/// FlyingFox's WebSocket handler: messages from the page are ignored; the channel's go out.
struct LiveSocket: WSMessageHandler {
    let channel: LiveChannel

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let outgoing = await channel.connect()
        // Drain the page's side so the connection's close is noticed.
        Task { for await _ in client {} }
        return outgoing
    }
}
