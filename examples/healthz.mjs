// A tiny health probe for the example runbook (curl -f would do, but not every machine has
// curl; every machine running Runbook Gate has Node). Exit 0 on HTTP 200, else 1 with the
// reason on stderr, e.g. "connect ECONNREFUSED 127.0.0.1:9" when nothing listens.
import { get } from 'node:http';

const url = process.argv[2] ?? 'http://127.0.0.1:9/healthz';
const request = get(url, { timeout: 5000 }, (response) => {
  response.resume();
  if (response.statusCode === 200) {
    console.log(`${url}: 200 OK`);
    process.exit(0);
  }
  console.error(`${url}: HTTP ${response.statusCode}`);
  process.exit(1);
});
request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within 5s`)));
request.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
