// The example's KPI probe: prints the metrics a dashboard would show, as JSON, the way
// `curl …/metrics | jq` does in a real runbook. Fixed numbers so the example reads the same
// on every machine: an error rate under its 1% budget, a p95 latency over its 600 ms gate.
console.log('fetching metrics from the example service (127.0.0.1, no network needed)');
console.log(JSON.stringify({ window: '10m', error_rate_percent: 0.4, latency: { p95_ms: 720, p99_ms: 1310 } }, null, 2));
