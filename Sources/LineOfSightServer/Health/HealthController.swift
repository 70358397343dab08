import SQLKit
import Vapor

/// `/healthz` for load balancers (process up, database reachable) and `/metrics` for Prometheus.
/// Neither reveals anything about a child; `/metrics` (which shows how the service is used) is served
/// only to a caller with the metrics token configured in `LINEOFSIGHT_METRICS_TOKEN`.
struct HealthController {
    let metrics: RequestMetrics

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.healthz, use: health).access(.anyone)
        routes.get(SiteURL.metrics, use: exposition).access(.anyone)
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
        guard let expected = req.application.settings.metricsToken else { throw Abort(.notFound) }
        guard let sent = req.headers.bearerAuthorization?.token, Data(sent.utf8).constantTimeEquals(Data(expected.utf8)) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"metrics\""])
        }
        let response = Response(status: .ok, body: .init(string: metrics.registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
