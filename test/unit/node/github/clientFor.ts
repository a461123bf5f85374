// A GitHub client pointed at a stand-in, with short retry delays so tests do not sit out
// GitHub's real back-off. Each client gets its own pacing (throttleId), so tests do not wait
// on each other's searches and writes.
import { createGithubClient, type GithubClientOptions } from '../../../../src/node/github/githubClient';
import type { GithubStandIn } from '../../../support/githubStandIn';

let clients = 0;

export function clientFor(github: GithubStandIn | string, options: GithubClientOptions = {}) {
  return createGithubClient({
    baseUrl: typeof github === 'string' ? github : github.url,
    retries: 2,
    retryBaseMs: 5,
    timeoutMs: 2_000,
    throttleId: `test-${++clients}`,
    ...options,
  });
}

/** The failure a promise rejected with (asserting that it did). */
export async function failureOf(promise: Promise<unknown>): Promise<{ kind: string; status: number | null; message: string; name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind: string; status: number | null; message: string; name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
