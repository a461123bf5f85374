// The parser's worker thread (bundled as dist/modelWorker.js): models runbooks off the extension
// host, one incremental modeler per document, and sends each model back in serialized parts
// that the host deserializes a few at a time (client.ts).
import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { createRunbookModeler, type RunbookModeler } from '../../core/runbook/parse/incrementalModel';
import { splitRunbook } from '../../core/runbook/modelParts';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Items per part: a few milliseconds to deserialize on the host. */
const ITEMS_PER_PART = 128;
/** Documents whose chunk caches are kept (least recently modelled dropped first). */
const MAX_DOCUMENTS = 32;

const modelers = new Map<string, RunbookModeler>();

function modelerFor(key: string): RunbookModeler {
  const modeler = modelers.get(key) ?? createRunbookModeler();
  modelers.delete(key);
  modelers.set(key, modeler);
  if (modelers.size > MAX_DOCUMENTS) modelers.delete(modelers.keys().next().value!);
  return modeler;
}

/** The bytes of `buffer` as an ArrayBuffer of their own, so that transferring it moves nothing else. */
function ownArrayBuffer(buffer: Buffer): ArrayBuffer {
  if (buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength) return buffer.buffer as ArrayBuffer;
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

function answer(request: Extract<WorkerRequest, { type: 'model' }>): WorkerReply {
  try {
    const modeler = modelerFor(request.key);
    const started = performance.now();
    const runbook = modeler.model(request.text, request.options);
    const modelMs = performance.now() - started;
    const { head, parts } = splitRunbook(runbook, ITEMS_PER_PART);
    return { type: 'model', id: request.id, head, parts: parts.map((part) => ownArrayBuffer(serialize(part))), stats: modeler.stats(), modelMs };
  } catch (error) {
    return { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('modelWorker.js runs as a worker thread');
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    modelers.delete(request.key);
    return;
  }
  const reply = answer(request);
  port.postMessage(reply, reply.type === 'model' ? reply.parts : []);
});
