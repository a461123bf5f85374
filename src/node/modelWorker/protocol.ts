// Messages between the extension host (client.ts) and the parser's worker thread (worker.ts).
import type { RunbookHead } from '../../core/runbook/modelParts';
import type { ListDelta } from '../../core/runbook/modelDelta';
import type { ModelerStats, ModelOptions } from '../../core/runbook/parse/incrementalModel';

export type WorkerRequest =
  /** `base`: the id of the last reply for this document the host has taken in, if any. */
  | { type: 'model'; id: number; key: string; text: string; options?: ModelOptions; base: number | null }
  /** The document closed: drop its chunk cache. */
  | { type: 'forget'; key: string };

export type WorkerReply =
  /**
   * `bytes`: the v8-serialized RunbookParts one after another, part i ending at `ends[i]`, in one
   * buffer transferred (not copied) to the host. With a `base`, the parts hold only the items
   * between the ends `deltas` keep of that reply's model.
   */
  | { type: 'model'; id: number; base: number | null; deltas: ListDelta[]; head: RunbookHead; bytes: ArrayBuffer; ends: number[]; stats: ModelerStats; modelMs: number }
  | { type: 'error'; id: number; message: string };
