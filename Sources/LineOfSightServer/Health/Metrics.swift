import Prometheus
import Vapor

/// Request counts and latencies for `/metrics`, in a registry owned by the application (not the
/// process-global metrics system), so each app instance and each test has its own.
final class RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                              .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]
    private static var requests: MetricNameDescriptor { MetricNameDescriptor(metricName: "lineofsight_http_requests", unitName: "total", helpText: "HTTP requests by method, route and status") }
    private static var durations: MetricNameDescriptor { MetricNameDescriptor(metricName: "lineofsight_http_request_duration", unitName: "seconds", helpText: "HTTP request latency by method and route") }

    func record(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets).record(duration)
    }
}

struct MetricsMiddleware: AsyncMiddleware {
    let metrics: RequestMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        // The route pattern, not the URL, so child ids never become label values.
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        do {
            let response = try await next.respond(to: request)
            metrics.record(method: request.method.rawValue, route: route, status: response.status.code, duration: clock.now - start)
            return response
        } catch {
            let status = (error as? any AbortError)?.status.code ?? 500
            metrics.record(method: request.method.rawValue, route: route, status: status, duration: clock.now - start)
            throw error
        }
    }
}
