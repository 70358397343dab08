import Vapor
#if canImport(Glibc)
import Glibc
#endif

/// A file sent with a form: the field it was chosen in, the name it had on its person's computer
/// (without any folder) and its bytes.
struct UploadedFile: Sendable {
    let field: String
    let filename: String
    let contents: Data
}

/// The few forms that take files (`multipart/form-data`) declare it on their route with the most
/// they take; every other route refuses such a body (`FormInputMiddleware`). The body is read
/// only for a signed-in person the route admits (`FileUploadMiddleware`), so no one else can make
/// the server hold hundreds of megabytes. The form's text fields are decoded as strictly as any
/// form's, into `req.form`, so the CSRF token and form id are checked as usual; its files go to
/// `req.uploadedFiles`.
enum FileUploads {
    static let limitKey = "lineofsight.fileUploadLimit"
    /// The query a form's page is sent back with when what was sent was over the limit: its
    /// handler never sees the files (nor the CSRF token), so the page says so next to the field.
    static let tooLargeQuery = "problem=too-large"

    static func read(_ request: Request, upTo limit: Int, next: any AsyncResponder) async throws -> Response {
        let body: ByteBuffer?
        do {
            body = try await request.body.collect(max: limit).get()
        } catch let error as Abort where error.status == .payloadTooLarge {
            return tooLarge(request)
        }
        // A body already in memory (sent in one piece) is not measured by `collect`.
        if let body, body.readableBytes > limit { return tooLarge(request) }
        guard let boundary = request.headers.contentType?.parameters["boundary"], !boundary.isEmpty else {
            throw Abort(.badRequest, reason: "The form could not be read. Go back, reload the page and try again.")
        }
        let (form, files) = try parse(body ?? ByteBuffer(), boundary: boundary)
        request.form = form
        request.uploadedFiles = files
        return try await next.respond(to: request)
    }

    private static func tooLarge(_ request: Request) -> Response {
        request.redirect(to: request.url.path + "?" + tooLargeQuery)
    }

    /// The parts of a multipart body (RFC 7578): text fields into a `FormInput`, files (those with
    /// a file name; a file input left empty sends one without) as they are. Each part's end is
    /// found with `memchr` and `memcmp`, not byte by byte: a return of 200 MB is split in a fraction of a second.
    static func parse(_ body: ByteBuffer, boundary: String) throws -> (FormInput, [UploadedFile]) {
        try body.withUnsafeReadableBytes { raw in try parse(raw, boundary: boundary) }
    }

    static func parse(_ raw: UnsafeRawBufferPointer, boundary: String) throws -> (FormInput, [UploadedFile]) {
        let malformed = FormInput.Problem.malformed
        let (cr, lf, dash) = (UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "-"))
        let first = Array(("--" + boundary).utf8)
        let delimiter = Array(("\r\n--" + boundary).utf8)
        // The needle's first byte by `memchr`, then the rest by `memcmp`.
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard let base = raw.baseAddress else { return nil }
            var from = start
            while from + needle.count <= raw.count {
                guard let hit = memchr(base + from, Int32(needle[0]), raw.count - from - needle.count + 1) else { return nil }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if needle.withUnsafeBytes({ memcmp(hit, $0.baseAddress!, needle.count) }) == 0 { return offset }
                from = offset + 1
            }
            return nil
        }
        guard let opening = find(first, from: 0) else { throw malformed }
        var position = opening + first.count
        var form = FormInput()
        var files: [UploadedFile] = []
        while true {
            // After a delimiter: "--" closes the body, a line end opens a part.
            guard position + 2 <= raw.count else { throw malformed }
            if raw[position] == dash, raw[position + 1] == dash { break }
            guard raw[position] == cr, raw[position + 1] == lf, let headersEnd = find([cr, lf, cr, lf], from: position) else { throw malformed }
            var headers = HTTPHeaders()
            let headerText = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(position + 2)..<max(position + 2, headersEnd)]), as: UTF8.self)
            for line in headerText.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.add(name: line[..<colon].trimmingCharacters(in: .whitespaces), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            let contentStart = headersEnd + 4
            guard let contentEnd = find(delimiter, from: contentStart) else { throw malformed }
            let content = UnsafeRawBufferPointer(rebasing: raw[contentStart..<contentEnd])
            position = contentEnd + delimiter.count
            guard let name = headers.contentDisposition?.name else { continue }
            if let filename = headers.contentDisposition?.filename {
                // Some browsers send the whole path: only its last part is the file's name.
                let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                guard !base.isEmpty || !content.isEmpty else { continue }
                files.append(UploadedFile(field: name, filename: base.isEmpty ? "unnamed file" : base, contents: Data(content)))
            } else {
                try form.append(name, FormInput.text(content))
            }
        }
        return (form, files)
    }
}

extension Route {
    /// This route takes files (`multipart/form-data`), up to `bytes` in all.
    @discardableResult
    func acceptingFiles(upTo bytes: Int) -> Route {
        userInfo[FileUploads.limitKey] = bytes
        return self
    }

    var fileUploadLimit: Int? { userInfo[FileUploads.limitKey] as? Int }
}

extension HTTPMediaType {
    var isMultipartForm: Bool { type == "multipart" && subType == "form-data" }
}

extension Request {
    private struct UploadedFilesKey: StorageKey { typealias Value = [UploadedFile] }

    /// The files sent with the form, in the order sent; none for a form without.
    var uploadedFiles: [UploadedFile] {
        get { storage[UploadedFilesKey.self] ?? [] }
        set { storage[UploadedFilesKey.self] = newValue }
    }
}

/// Reads the files sent to a route that takes them, once the person is known: someone the route
/// does not admit has nothing read, and is refused by the CSRF check (their form has no token
/// the server has seen) or the route's access check.
struct FileUploadMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard CSRF.isStateChanging(request.method), !request.isAPI, let route = request.route, let limit = route.fileUploadLimit,
              request.headers.contentType?.isMultipartForm == true,
              route.declaredAccess?.allows(request.principal?.role) == true
        else { return try await next.respond(to: request) }
        return try await FileUploads.read(request, upTo: limit, next: next)
    }
}
