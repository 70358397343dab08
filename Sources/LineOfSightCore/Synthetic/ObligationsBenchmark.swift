import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times deriving every obligation for a set of journeys: the whole pass, and each child alone.
public enum ObligationsBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public let children: Int
        public let obligations: Int
        public let findings: Int
        /// Wall time to derive every child once, in one pass.
        public let totalSeconds: Double
        public let medianMicrosecondsPerChild: Double
        public let p99MicrosecondsPerChild: Double
        /// Peak resident memory of the process so far (includes building the journeys).
        public let peakMemoryBytes: Int

        public var description: String {
            String(format: "derived %d obligations (%d findings) for %d children in %.3f s; per child: median %.1f µs, p99 %.1f µs; peak memory %.0f MiB",
                   obligations, findings, children, totalSeconds, medianMicrosecondsPerChild, p99MicrosecondsPerChild,
                   Double(peakMemoryBytes) / 1_048_576)
        }
    }

    public static func run(journeys: [Journey], standards: LocalStandards, calendar: WorkingDayCalendar) -> Result {
        let clock = ContinuousClock()
        var obligations = 0, findings = 0
        let total = clock.measure {
            for journey in journeys {
                let derivation = derive(journey, standards: standards, calendar: calendar)
                obligations += derivation.obligations.count
                findings += derivation.findings.count
            }
        }
        var perChild: [Double] = []
        perChild.reserveCapacity(journeys.count)
        for journey in journeys {
            let start = clock.now
            let derivation = derive(journey, standards: standards, calendar: calendar)
            let elapsed = start.duration(to: clock.now)
            withExtendedLifetime(derivation) {}
            perChild.append(microseconds(elapsed))
        }
        perChild.sort()
        func percentile(_ fraction: Double) -> Double {
            perChild.isEmpty ? 0 : perChild[min(perChild.count - 1, Int(Double(perChild.count) * fraction))]
        }
        return Result(children: journeys.count, obligations: obligations, findings: findings,
                      totalSeconds: microseconds(total) / 1_000_000, medianMicrosecondsPerChild: percentile(0.5),
                      p99MicrosecondsPerChild: percentile(0.99), peakMemoryBytes: peakResidentMemory())
    }

    private static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    /// Peak resident set size from getrusage (kilobytes on Linux, bytes on Apple platforms).
    public static func peakResidentMemory() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
        #endif
    }
}
