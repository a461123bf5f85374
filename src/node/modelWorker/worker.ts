// The parser's worker thread (bundled as dist/modelWorker.js): models runbooks off the extension
// host, one incremental modeler per document, and sends each model back in serialized parts
// that the host deserializes a few at a time (client.ts): after an edit, only the items that
// changed since the model the host already has.
import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { createRunbookModeler, type RunbookModeler } from '../../core/runbook/parse/incrementalModel';
import { splitRunbook, type RunbookPart } from '../../core/runbook/modelParts';
import { changedPart, modelDelta } from '../../core/runbook/modelDelta';
import type { Runbook } from '../../core/runbook/model';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Items per part: a few milliseconds to deserialize on the host. */
const ITEMS_PER_PART = 128;
/** Documents whose chunk caches are kept (least recently modelled dropped first). */
const MAX_DOCUMENTS = 32;

interface OpenDocument {
  modeler: RunbookModeler;
  /** The last model sent for the document, and its reply's id. */
  sent: { id: number; runbook: Runbook } | null;
}

const documents = new Map<string, OpenDocument>();

function documentFor(key: string): OpenDocument {
  const document = documents.get(key) ?? { modeler: createRunbookModeler(), sent: null };
  documents.delete(key);
  documents.set(key, document);
  if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  return document;
}

/** The serialized parts in one buffer of their own (one transfer, however many parts), and where each ends. */
function pack(parts: RunbookPart[]): { bytes: ArrayBuffer; ends: number[] } {
  const serialized = parts.map((part) => serialize(part));
  const ends: number[] = [];
  let size = 0;
  for (const buffer of serialized) ends.push((size += buffer.byteLength));
  const bytes = new ArrayBuffer(size);
  const view = new Uint8Array(bytes);
  serialized.forEach((buffer, i) => view.set(buffer, i === 0 ? 0 : ends[i - 1]));
  return { bytes, ends };
}

function answer(request: Extract<WorkerRequest, { type: 'model' }>): WorkerReply {
  try {
    const document = documentFor(request.key);
    const started = performance.now();
    const runbook = document.modeler.model(request.text, request.options);
    const modelMs = performance.now() - started;
    // Only what changed since the model the host says it has (a whole model if it has another).
    const base = document.sent && document.sent.id === request.base ? document.sent : null;
    const deltas = base ? modelDelta(base.runbook, runbook) : [];
    const { head, parts } = splitRunbook(base ? changedPart(runbook, deltas) : runbook, ITEMS_PER_PART);
    document.sent = { id: request.id, runbook };
    return { type: 'model', id: request.id, base: base?.id ?? null, deltas, head, ...pack(parts), stats: document.modeler.stats(), modelMs };
  } catch (error) {
    return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('modelWorker.js runs as a worker thread');
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    documents.delete(request.key);
    return;
  }
  const reply = answer(request);
  port.postMessage(reply, reply.type === 'model' ? [reply.bytes] : []);
});
