// Which run a prompt belongs to. The use cases ask for inputs through the host's ports, which
// are shared by every run of a workspace folder; AsyncLocalStorage carries the run that is
// asking along its async chain, so Escape at a prompt cancels that run and no other.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface JobScope {
  /** The runbook's URI, as a string. */
  runbook: string;
  /** The workspace folder's URI, as a string (secrets and remembered inputs are kept per folder). */
  folder: string;
  abort: AbortController;
}

export const jobScope = new AsyncLocalStorage<JobScope>();

/** Thrown from a prompt the user dismissed: the run stops and nothing is recorded for the step. */
export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}
