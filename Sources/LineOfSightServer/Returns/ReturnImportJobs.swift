import Foundation
import Synchronization

/// The imports of uploaded returns running in this server, one at most per upload. An import of
/// a large return takes a minute or more, longer than a browser should wait for an answer or a
/// proxy will hold a request open, so the request starts it here and its status page asks here
/// how far it has gone. Held in memory only: a job ends with the server, and the upload's own
/// state (`ReturnUpload.importJob`, written beside its files) then tells the page it did not finish.
actor ReturnImportJobs {
    static let shared = ReturnImportJobs()

    private var running: [UUID: (progress: ImportProgress, task: Task<Void, Never>)] = [:]

    /// Starts `work` for the upload unless an import of it is running already; false then.
    /// The job is registered before this returns, so the page the request is sent to finds it.
    func start(_ upload: UUID, _ work: @escaping @Sendable (ImportProgress) async -> Void) -> Bool {
        guard running[upload] == nil else { return false }
        let progress = ImportProgress()
        let task = Task {
            await work(progress)
            self.finished(upload)
        }
        running[upload] = (progress, task)
        return true
    }

    /// How far the upload's running import has gone: nil when none is running; `.preparing`
    /// while its files are read and planned, before the first child is written.
    func progress(of upload: UUID) -> ImportProgress.Stage? {
        running[upload]?.progress.stage
    }

    /// Waits for the upload's running import, if any, to end (tests, and a server stopping).
    func wait(for upload: UUID) async {
        await running[upload]?.task.value
    }

    private func finished(_ upload: UUID) {
        running[upload] = nil
    }
}

/// Where one import has got to, told by the importer from its own task and read by pages.
final class ImportProgress: Sendable {
    enum Stage: Sendable, Equatable {
        case preparing
        case importing(SSDA903Importer.Progress)
    }

    private let state = Mutex(Stage.preparing)

    var stage: Stage { state.withLock { $0 } }

    func report(_ progress: SSDA903Importer.Progress) {
        state.withLock { $0 = .importing(progress) }
    }
}
