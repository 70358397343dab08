import Vapor

/// Errors as GOV.UK-style pages for people and as JSON for the API, never a stack trace.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let abort = error as? any AbortError
            let status = abort?.status ?? .internalServerError
            if status == .internalServerError { request.logger.report(error: error) }
            // A decoder's message names types and coding paths: useful in a log, not to a user.
            let reason = error is DecodingError ? "The request could not be read." : abort?.reason ?? "Something went wrong"
            let response: Response
            if request.isAPI {
                response = Response(status: status)
                let problems = (error as? JourneyAPIProblems)?.problems.map { APIError.Problem(path: $0.field, message: $0.message) }
                try response.content.encode(APIError(error: status.reasonPhrase, message: status == .internalServerError ? "Something went wrong" : reason,
                                                     problems: problems))
            } else {
                response = page(status: status, reason: reason, request: request)
            }
            for header in abort?.headers ?? [:] where header.name.lowercased() != "content-type" {
                response.headers.replaceOrAdd(name: header.name, value: header.value)
            }
            return response
        }
    }

    private func page(status: HTTPStatus, reason: String, request: Request) -> Response {
        let (title, message): (String, String) = switch status {
        case .notFound: ("Page not found", "If you typed the web address, check it is correct. If you followed a link to a child’s record, you may not have access to it.")
        case .forbidden: ("You do not have permission to see this page", reason)
        case .unauthorized: ("You need to sign in", "Sign in to LineOfSight to see this page.")
        case .badRequest, .unprocessableEntity, .unsupportedMediaType, .uriTooLong: ("There is a problem with the request", reason)
        case .payloadTooLarge: ("What you sent was too large", "LineOfSight accepts forms of up to 1 MB. Nothing was saved. Go back, shorten what you entered (for example, long text pasted in) and try again.")
        default: ("Sorry, there is a problem with the service", "Try again later. Anything you saved before this page appeared has been kept.")
        }
        return Layout.page(title: title, context: PageContext(request), status: status) {
            heading(title)
            paragraph(message)
            el("p", .class("govuk-body")) { link("Go to the home page", .home) }
        }
    }
}

struct APIError: Content {
    let error: String
    let message: String
    /// For a body that is not a valid record: each problem at its JSON path.
    var problems: [Problem]? = nil

    struct Problem: Content {
        let path: String
        let message: String
    }
}
