// The one error type the GitHub client rejects with (GithubFailure in core/ports.ts): a kind
// the dependency gate and the report can act on, the HTTP status when there was one, and a
// message a user can act on that never holds a token or URL credentials.
import type { GithubFailure } from '../../core/ports';

export type GithubFailureKind = GithubFailure['kind'];

export class GithubRequestFailure extends Error implements GithubFailure {
  override readonly name = 'GithubFailure';

  constructor(
    readonly kind: GithubFailureKind,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

export function isGithubFailure(error: unknown): error is GithubFailure {
  return error instanceof GithubRequestFailure;
}
