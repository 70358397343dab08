import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command run as its own process and measured as the operating system counts it: how long it
/// took, the CPU time it used (all its threads) and its peak memory. What a benchmark reports about
/// a whole command, process start and output included, as a council would run it.
struct MeasuredProcess {
    let status: Int32
    let wallSeconds: Double
    let cpuSeconds: Double
    let peakMegabytes: Double
    /// What it wrote on standard error (its progress and problems).
    let errors: String

    /// Runs `executable` (a path, or a name looked up on `PATH`, as `python3`) with `arguments`,
    /// the current environment with `environment` added, standard output discarded.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> MeasuredProcess {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("lineofsight-bench-\(UUID().text).err")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, given in given }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let wall = Date().timeIntervalSince(started)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        let exited = status & 0x7f == 0
        return MeasuredProcess(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), wallSeconds: wall,
                               cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                               peakMegabytes: Double(usage.ru_maxrss) / 1024,
                               errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
