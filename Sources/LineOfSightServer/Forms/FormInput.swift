import Vapor

/// The fields of a submitted form, or the parameters of a query string, decoded strictly: a value
/// that is not valid UTF-8, or that holds control characters (which PostgreSQL cannot store and no
/// keyboard types), is refused with a message rather than stored as replacement characters. Every
/// form handler and query reads its input from here.
struct FormInput: Sendable, Equatable {
    private var values: [String: [String]] = [:]

    static let maximumFields = 1_000

    init() {}

    init(_ fields: [String: String]) {
        values = fields.mapValues { [$0] }
    }

    /// The first value sent for the name (browsers send one, except for checkbox groups).
    subscript(name: String) -> String? { values[name]?.first }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The page of a list the address asks for (`page`): 1 when there is none, or none a number.
    /// Its first 18 digits only, so that a number too long for an integer asks for a page past the
    /// last (the last is shown) rather than for none (the first); `Paged` keeps any number within
    /// the pages there are.
    var page: Int { self["page"].flatMap { Int($0.prefix(18)) } ?? 1 }

    /// One value per name, for keeping a form to restore later.
    var firstValues: [String: String] { values.compactMapValues(\.first) }

    /// The fields whose names start with `prefix`, named without it: one child's answers in a form
    /// that asks the same questions of several children.
    func prefixed(_ prefix: String) -> FormInput {
        var input = FormInput()
        for (name, sent) in values where name.hasPrefix(prefix) { input.values[String(name.dropFirst(prefix.count))] = sent }
        return input
    }

    /// These fields with `given` added, replacing any sent under the same names (answers the whole
    /// form shares, such as a meeting's date, given to each child's).
    func adding(_ given: [String: String]) -> FormInput {
        var input = self
        for (name, value) in given { input.values[name] = [value] }
        return input
    }

    enum Problem: Error, Equatable {
        case malformed
        case notText
        case tooManyFields
    }

    /// Parses `application/x-www-form-urlencoded` bytes (a body, or a query string without its `?`).
    static func parse(_ bytes: some Collection<UInt8>) throws(Problem) -> FormInput {
        var input = FormInput()
        var count = 0
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            count += 1
            guard count <= maximumFields else { throw .tooManyFields }
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            input.values[name, default: []].append(value)
        }
        return input
    }

    private static func decode(_ encoded: some Collection<UInt8>) throws(Problem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var iterator = encoded.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next()?.hexDigitValue, let low = iterator.next()?.hexDigitValue else { throw .malformed }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return try text(bytes)
    }

    /// A value's bytes as text: UTF-8 without control characters other than tabs and line ends.
    static func text(_ bytes: some Collection<UInt8>) throws(Problem) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText }
        let allowed: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        guard !text.unicodeScalars.contains(where: { ($0.value < 0x20 || $0.value == 0x7F) && !allowed.contains($0) }) else { throw .notText }
        return text
    }

    /// Adds a value sent under `name` (a multipart form's text field).
    mutating func append(_ name: String, _ value: String) throws(Problem) {
        guard values.values.reduce(0, { $0 + $1.count }) < Self.maximumFields else { throw .tooManyFields }
        values[name, default: []].append(value)
    }
}

extension FormInput.Problem: AbortError {
    var status: HTTPResponseStatus { .badRequest }

    var reason: String {
        switch self {
        case .malformed, .tooManyFields: "The form could not be read. Go back, reload the page and try again."
        case .notText: "Some of what was entered could not be read as text. Go back, check for unusual characters (or type the text again rather than pasting it) and try again."
        }
    }
}

/// Reads every form body (up to `maximumBytes`, else 413 with a clear page) and query string (up to
/// `maximumQueryBytes`, else 414) into a
/// `FormInput` before anything else looks at the request, so bad input is refused in one place.
struct FormInputMiddleware: AsyncMiddleware {
    static let maximumBytes = 1 << 20
    /// No page takes more than a search and a few filters in its address.
    static let maximumQueryBytes = 8_192

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query {
            guard query.utf8.count <= Self.maximumQueryBytes else {
                throw Abort(.uriTooLong, reason: "The web address is too long. Go back and search with fewer words.")
            }
            request.queryParameters = try FormInput.parse(query.utf8)
        }
        if CSRF.isStateChanging(request.method), !request.isAPI {
            // A route that takes files has its multipart body read once the person is known
            // (`FileUploadMiddleware`); every other route refuses one.
            if request.route?.fileUploadLimit != nil, request.headers.contentType?.isMultipartForm == true {
                return try await next.respond(to: request)
            }
            if let type = request.headers.contentType, type != .urlEncodedForm {
                throw Abort(.unsupportedMediaType, reason: "The form could not be read. Go back, reload the page and try again.")
            }
            let body = try await request.body.collect(max: Self.maximumBytes).get()
            if let body, body.readableBytes > Self.maximumBytes { throw Abort(.payloadTooLarge) }
            request.form = try body.map { buffer throws(FormInput.Problem) in try FormInput.parse(buffer.readableBytesView) } ?? FormInput()
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct FormKey: StorageKey { typealias Value = FormInput }
    private struct QueryKey: StorageKey { typealias Value = FormInput }

    /// The submitted form (empty for a request without one).
    var form: FormInput {
        get { storage[FormKey.self] ?? FormInput() }
        set { storage[FormKey.self] = newValue }
    }

    /// The query string's parameters.
    var queryParameters: FormInput {
        get { storage[QueryKey.self] ?? FormInput() }
        set { storage[QueryKey.self] = newValue }
    }
}
