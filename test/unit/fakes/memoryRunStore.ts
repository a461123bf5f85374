import type { LogWriter, RunStore } from '../../../src/core/ports';
import type { RunRecord } from '../../../src/core/run/model';

/** A RunStore in memory: logs as byte arrays, every run.json write kept in order. */
export class MemoryRunStore implements RunStore {
  readonly logs = new Map<string, Uint8Array[]>();
  readonly records: RunRecord[] = [];
  readonly texts = new Map<string, string>();
  constructor(readonly dir = '/workspace/.runbook-gate/runs/20260221T192746Z') {}

  async openLog(stepId: string): Promise<LogWriter> {
    const relativePath = `logs/${stepId}.log`;
    const chunks: Uint8Array[] = [];
    this.logs.set(relativePath, chunks);
    return {
      relativePath,
      async append(chunk) {
        chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
      },
      async close() {
        return `sha256-of-${relativePath}`;
      },
    };
  }

  async writeRecord(record: RunRecord): Promise<void> {
    this.records.push(structuredClone(record));
  }

  async writeText(relativePath: string, content: string): Promise<void> {
    this.texts.set(relativePath, content);
  }

  logText(relativePath: string): string {
    const chunks = this.logs.get(relativePath) ?? [];
    return new TextDecoder().decode(Buffer.concat(chunks));
  }

  get lastRecord(): RunRecord | undefined {
    return this.records[this.records.length - 1];
  }
}
