import Foundation
import LineOfSightReturns

/// A return uploaded to be checked, kept for a day so its findings can be shown again, downloaded
/// and imported without sending the files again. Only the person who uploaded it may use it.
struct ReturnUpload: Codable, Sendable {
    let id: UUID
    let owner: UUID
    let collectionYear: Int
    let uploadedAt: Date
    /// The files' names as they were on their person's computer, in the order sent.
    let files: [String]
    let previousFiles: [String]
    var imported: Imported?
    /// The latest import in the browser, written when it starts and again when it ends: a page
    /// that finds it still running while no job of this server runs it knows the server stopped
    /// during the import, which, being one transaction, then imported nothing.
    var importJob: ImportJob?

    struct Imported: Codable, Sendable {
        let at: Date
        let by: String
        let summary: [String]
    }

    struct ImportJob: Codable, Sendable {
        enum Outcome: String, Codable, Sendable { case running, imported, failed }
        var outcome: Outcome
        let startedAt: Date
        let by: String
        var finishedAt: Date? = nil
        /// Why nothing was imported, each with its file, line and column (the first `problemsKept`).
        var problems: [String] = []
        var problemCount = 0

        static let problemsKept = 50
    }

    var ruleSet: SSDA903RuleSet { SSDA903RuleSet(collectionYear: collectionYear)! }
}

/// Uploaded returns, each in its own directory (readable by the server's account only) under the
/// system's temporary directory: `<id>/upload.json`, and each file as `current/N` or `previous/N`.
/// Files on disk rather than rows: a return can be a few hundred megabytes, and nothing but this
/// page reads it. One server process owns its uploads; a deployment of several shares the directory.
struct ReturnUploads: Sendable {
    let root: URL
    /// How long an upload is kept: long enough to check, fix and import on the same day.
    static let kept: TimeInterval = 24 * 3600

    static let shared = ReturnUploads(root: FileManager.default.temporaryDirectory.appendingPathComponent("lineofsight-return-uploads"))

    func save(_ files: [UploadedFile], previous: [UploadedFile], ruleSet: SSDA903RuleSet, owner: UUID, at time: Date) throws -> ReturnUpload {
        try purge(before: time.addingTimeInterval(-Self.kept))
        let upload = ReturnUpload(id: UUID(), owner: owner, collectionYear: ruleSet.collectionYear, uploadedAt: time,
                                  files: files.map(\.filename), previousFiles: previous.map(\.filename))
        let directory = root.appendingPathComponent(upload.id.text)
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try manager.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        for (part, sent) in [("current", files), ("previous", previous)] {
            let folder = directory.appendingPathComponent(part)
            try manager.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            for (index, file) in sent.enumerated() { try file.contents.write(to: folder.appendingPathComponent(String(index))) }
        }
        try write(upload)
        return upload
    }

    /// The upload, if it exists, is still kept and is `owner`'s: anyone else is told it does not exist.
    func find(_ id: UUID, owner: UUID, now: Date) -> ReturnUpload? {
        let manifest = root.appendingPathComponent(id.text).appendingPathComponent("upload.json")
        guard let data = try? Data(contentsOf: manifest), let upload = try? Self.decoder.decode(ReturnUpload.self, from: data),
              upload.id == id, upload.owner == owner, upload.uploadedAt > now.addingTimeInterval(-Self.kept)
        else { return nil }
        return upload
    }

    /// The upload's files, read as the validator and importer read a directory's.
    func read(_ upload: ReturnUpload) throws -> (current: SSDA903Return, previous: SSDA903Return?) {
        let directory = root.appendingPathComponent(upload.id.text)
        func files(_ part: String, _ names: [String]) throws -> [(name: String, contents: Data)] {
            try names.enumerated().map { index, name in
                (name, try Data(contentsOf: directory.appendingPathComponent(part).appendingPathComponent(String(index)), options: .alwaysMapped))
            }
        }
        let current = try SSDA903Reader.read(uploaded: files("current", upload.files))
        let previous = upload.previousFiles.isEmpty ? nil : try SSDA903Reader.read(uploaded: files("previous", upload.previousFiles))
        return (current, previous)
    }

    func write(_ upload: ReturnUpload) throws {
        let manifest = root.appendingPathComponent(upload.id.text).appendingPathComponent("upload.json")
        try Self.encoder.encode(upload).write(to: manifest, options: .atomic)
    }

    /// Removes every upload made before `time`.
    func purge(before time: Date) throws {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root.path) else { return }
        for name in names {
            let directory = root.appendingPathComponent(name)
            let made = (try? Data(contentsOf: directory.appendingPathComponent("upload.json")))
                .flatMap { try? Self.decoder.decode(ReturnUpload.self, from: $0) }?.uploadedAt
                ?? (try? manager.attributesOfItem(atPath: directory.path)[.modificationDate] as? Date)
            if let made, made < time { try? manager.removeItem(at: directory) }
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
