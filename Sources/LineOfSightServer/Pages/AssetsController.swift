import Vapor

struct AssetsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.asset(.key), use: stylesheet).access(.anyone)
    }

    func stylesheet(req: Request) async throws -> Response {
        guard "/assets/" + (req.parameters.get("file") ?? "") == Assets.stylesheetPath else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(string: Assets.stylesheet))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(isPublic: true, immutable: true, maxAge: 31_536_000)
        return response
    }
}
