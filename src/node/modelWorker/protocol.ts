// Messages between the extension host and the parser's worker thread (modelWorker.ts).
import type { RunbookHead } from '../../core/runbook/modelParts';
import type { ModelerStats, ModelOptions } from '../../core/runbook/parse/incrementalModel';

export type WorkerRequest =
  | { type: 'model'; id: number; key: string; text: string; options?: ModelOptions }
  /** The document closed: drop its chunk cache. */
  | { type: 'forget'; key: string };

export type WorkerReply =
  /** `parts`: each a v8-serialized RunbookPart, transferred (not copied) to the host. */
  | { type: 'model'; id: number; head: RunbookHead; parts: ArrayBuffer[]; stats: ModelerStats; modelMs: number }
  | { type: 'error'; id: number; message: string };
