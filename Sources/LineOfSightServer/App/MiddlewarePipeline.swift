import Vapor

/// The application's middleware run as one: each stage calls the next directly, in the request's
/// one task. Vapor runs every `AsyncMiddleware` it is given in a task of its own and hands its
/// response back through a future on the event loop, so ten of them meant eleven tasks and twenty
/// switches between threads on every request, a quarter of a small page's time. The route's own
/// handler is called the same way when it is asynchronous (every route here is).
struct MiddlewarePipeline: Middleware {
    private let stages: [any AsyncMiddleware]
    private let inFlight: RequestsInFlight

    init(_ stages: [any AsyncMiddleware], counting inFlight: RequestsInFlight) {
        self.stages = stages
        self.inFlight = inFlight
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let route = (next as? any AsyncResponder) ?? AsyncBasicResponder { try await next.respond(to: $0).get() }
        let chain = Chain(stages: stages[...], route: route)
        let response = request.eventLoop.makePromise(of: Response.self)
        inFlight.begin()
        response.completeWithTask(on: .of(request.eventLoop)) { [inFlight] in
            defer { inFlight.end() }
            return try await chain.respond(to: request)
        }
        return response.futureResult
    }

    /// The stages not yet run, then the route.
    private struct Chain: AsyncResponder {
        let stages: ArraySlice<any AsyncMiddleware>
        let route: any AsyncResponder

        func respond(to request: Request) async throws -> Response {
            guard let stage = stages.first else { return try await route.respond(to: request) }
            return try await stage.respond(to: request, chainingTo: Chain(stages: stages.dropFirst(), route: route))
        }
    }
}
