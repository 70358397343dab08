import SQLKit
import Vapor

/// `/healthz` for load balancers (process up, database reachable) and `/metrics` for Prometheus.
/// Neither reveals anything about a child.
struct HealthController {
    let metrics: RequestMetrics

    func register(_ routes: any RoutesBuilder) {
        routes.get("healthz", use: health).access(.anyone)
        routes.get("metrics", use: exposition).access(.anyone)
    }

    struct Health: Content {
        let status: String
        let database: String
    }

    func health(req: Request) async throws -> Response {
        do {
            try await req.sql.raw("SELECT 1").run()
            return try await Health(status: "ok", database: "reachable").encodeResponse(for: req)
        } catch {
            req.logger.error("Health check: database unreachable: \(String(reflecting: error))")
            return try await Health(status: "unavailable", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }

    func exposition(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: metrics.registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
