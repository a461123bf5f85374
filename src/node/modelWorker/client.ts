// The extension host's side of the parser's worker thread: models a document in the worker and
// takes the model's parts in a few at a time, giving the event loop back between slices, so
// that no runbook, however large or however shaped, holds the host for long (slicing on the
// host itself could not: one 4 MB list is one chunk, parsed in one piece). After the first
// model of a document the worker sends only the items that changed; the rest are kept.
//
// If the worker cannot start or dies, every document is modelled on the host instead (the
// time-sliced modeler), and `failure` says why; a single reply that cannot be taken in is
// modelled on the host too, and the document's stats say why.
import { Worker } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { RunbookJoiner, type RunbookPart } from '../../core/runbook/modelParts';
import { applyDelta } from '../../core/runbook/modelDelta';
import type { Runbook } from '../../core/runbook/model';
import type { ModelOptions } from '../../core/runbook/parse/incrementalModel';
import type { WorkerReply, WorkerRequest } from './protocol';

/** What a document's modeler needs to give, whichever thread models it. */
export interface DocumentModeler {
  modelAsync(text: string, options?: ModelOptions): Promise<Runbook>;
  stats(): DocumentModelerStats;
}

export interface DocumentModelerStats {
  /** The longest stretch the host spent on the last model without giving the event loop back, ms. */
  longestSliceMs: number;
  /** Where the last model was built. */
  modeledIn: 'worker' | 'host';
  /** Model items the host deserialized for the last model (after an edit, only those that changed). */
  itemsReceived: number;
  /** Why the last model was built on the host, when it was. */
  hostBecause: string | null;
}

export interface HostModeler {
  modelAsync(text: string, options?: ModelOptions): Promise<Runbook>;
  stats(): { longestSliceMs: number };
}

export interface ModelWorkerOptions {
  /** The bundled worker (dist/modelWorker.js). */
  workerFile: string;
  /** A host-side modeler for a document, used when the worker is unavailable. */
  hostModeler: () => HostModeler;
  /** Host time spent taking in parts before yielding, ms (default 5). */
  sliceMs?: number;
}

type Reply = Extract<WorkerReply, { type: 'model' }>;

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ModelWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private failed: string | null = null;
  private disposed = false;

  constructor(private readonly options: ModelWorkerOptions) {}

  /** Why documents are modelled on the host, if they are. */
  get failure(): string | null {
    return this.failed;
  }

  /** Requests sent to the worker and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  modelerFor(key: string): DocumentModeler & { forget(): void } {
    let host: HostModeler | null = null;
    let last: DocumentModelerStats = { longestSliceMs: 0, modeledIn: 'worker', itemsReceived: 0, hostBecause: null };
    /** The last model taken in from the worker, which its next reply may build on. */
    let taken: { id: number; runbook: Runbook } | null = null;
    // Replies are taken in one after another: each may build on the one before.
    let queue: Promise<unknown> = Promise.resolve();
    const onHost = async (text: string, options: ModelOptions | undefined, because: string): Promise<Runbook> => {
      taken = null;
      host ??= this.options.hostModeler();
      const runbook = await host.modelAsync(text, options);
      last = { longestSliceMs: host.stats().longestSliceMs, modeledIn: 'host', itemsReceived: 0, hostBecause: because };
      return runbook;
    };
    const takeIn = async (reply: Reply): Promise<Runbook> => {
      const base = reply.base === null ? null : taken?.id === reply.base ? taken.runbook : undefined;
      if (base === undefined) throw new Error(`reply ${reply.id} builds on reply ${reply.base}, which was not the last taken in`);
      const { runbook, longestSliceMs, itemsReceived } = await this.receive(reply, base);
      taken = { id: reply.id, runbook };
      last = { longestSliceMs, modeledIn: 'worker', itemsReceived, hostBecause: null };
      return runbook;
    };
    return {
      modelAsync: (text, options) => {
        const run = async (): Promise<Runbook> => {
          if (this.failed !== null) return onHost(text, options, this.failed);
          try {
            return await takeIn(await this.request(key, text, options, taken?.id ?? null));
          } catch (error) {
            return onHost(text, options, error instanceof Error ? error.message : String(error));
          }
        };
        const result = queue.then(run, run);
        queue = result;
        return result;
      },
      stats: () => ({ ...last }),
      forget: () => {
        taken = null;
        this.post({ type: 'forget', key });
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    this.fail('the model worker was disposed');
  }

  private request(key: string, text: string, options: ModelOptions | undefined, base: number | null): Promise<Reply> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      this.post({ type: 'model', id, key, text, options, base });
    });
  }

  /** Deserializes the parts a few at a time: at most about sliceMs of host time per turn. */
  private async receive(reply: Reply, base: Runbook | null): Promise<{ runbook: Runbook; longestSliceMs: number; itemsReceived: number }> {
    const sliceMs = this.options.sliceMs ?? 5;
    const joiner = new RunbookJoiner();
    let sliceStart = performance.now();
    let longest = 0;
    let itemsReceived = 0;
    let start = 0;
    for (const end of reply.ends) {
      const part = deserialize(Buffer.from(reply.bytes, start, end - start)) as RunbookPart;
      start = end;
      joiner.add(part);
      itemsReceived += part.items.length;
      const spent = performance.now() - sliceStart;
      if (spent >= sliceMs) {
        longest = Math.max(longest, spent);
        await yieldToHost();
        sliceStart = performance.now();
      }
    }
    const received = joiner.runbook(reply.head);
    const runbook = base ? applyDelta(base, received, reply.deltas) : received;
    return { runbook, longestSliceMs: Math.max(longest, performance.now() - sliceStart), itemsReceived };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Not the host's own flags (loaders, inspector): the worker is a plain bundled script.
    const worker = new Worker(this.options.workerFile, { execArgv: [] });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.type === 'model') waiting.resolve(reply);
      else waiting.reject(new Error(reply.message));
    });
    worker.on('error', (error) => this.fail(`the model worker failed: ${error.message}`));
    worker.on('exit', (code) => this.fail(`the model worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private post(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  /** From now on every document is modelled on the host; requests in flight are answered there. */
  private fail(reason: string): void {
    if (this.failed === null) this.failed = this.disposed ? 'the model worker was disposed' : reason;
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error(this.failed));
  }
}
