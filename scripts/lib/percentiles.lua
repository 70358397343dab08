-- wrk reports 50/75/90/99; the service's target is a p95, so print the percentiles we judge by.
done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1fs, errors %d; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
