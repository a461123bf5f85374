// Reading a results file a step wrote: through the workspace guard, only when it was written
// during the step (an old file from yesterday's run is not today's evidence), bounded in size.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultsReader } from '../core/run/attemptVerdict';
import type { Runbook } from '../core/runbook/model';
import type { WorkspaceGuard } from '../node/workspaceGuard';

const MAX_RESULTS_BYTES = 32 * 1024 * 1024;
/** File systems with coarse timestamps: a file written in the step's first second still counts. */
const CLOCK_SLACK_MS = 2000;

/** Values read from JSON output look at most this much of the log. */
const MAX_LOG_FOR_VALUES = 16 * 1024 * 1024;

export function resultsReader(guard: WorkspaceGuard, runbook: Runbook, runDir: string): ResultsReader {
  return {
    async log(logPath) {
      const absolute = join(runDir, logPath);
      const info = await stat(absolute).catch(() => null);
      if (!info?.isFile() || info.size > MAX_LOG_FOR_VALUES) return null;
      return readFile(absolute, 'utf8');
    },
    gate: (id) => runbook.gates.find((g) => g.id === id),
    async read(cwd, path, since) {
      let absolute: string;
      try {
        absolute = await guard.inside(path, 'The results file', { base: cwd.absolute });
      } catch (error) {
        return { file: path, error: (error as Error).message };
      }
      const file = guard.relative(absolute);
      const info = await stat(absolute).catch(() => null);
      if (!info?.isFile()) return null;
      if (info.mtimeMs < since.getTime() - CLOCK_SLACK_MS) return null;
      if (info.size > MAX_RESULTS_BYTES) return { file, error: `too large to read (${info.size} bytes)` };
      return { file, text: await readFile(absolute, 'utf8') };
    },
  };
}
