// Stages numbered out of order: digits by value ("2" < "2a" < "2+" < "3"), letters A..Z, each
// family on its own (a runbook may have Stage 0..4 and Stage A..E). Named stages have no order.
import type { RunbookDiagnostic, Stage } from '../model';
import { stageOrderKey } from './stageMarkers';

export function stageOrderDiagnostics(stages: Stage[], lineLengths: number[]): RunbookDiagnostic[] {
  const found: RunbookDiagnostic[] = [];
  const highest = new Map<string, { stage: Stage; rank: number }>();
  for (const stage of stages) {
    if (stage.kind !== 'stage' || stage.key === null) continue;
    const order = stageOrderKey(stage.key);
    if (!order) continue;
    const top = highest.get(order.family);
    if (top && order.rank <= top.rank) {
      const what = order.rank === top.rank ? `appears again (line ${top.stage.range.startLine})` : `comes after ${top.stage.marker} ${top.stage.key}`;
      found.push({
        range: { startLine: stage.range.startLine, startColumn: stage.range.startColumn, endLine: stage.range.startLine, endColumn: (lineLengths[stage.range.startLine - 1] ?? 0) + 1 },
        severity: 'warning', code: 'stage-order',
        message: `${stage.marker} ${stage.key} ${what}: ${order.family === 'letter' ? 'letter' : 'number'} stages in the order they run.`,
      });
    }
    if (!top) highest.set(order.family, { stage, rank: order.rank });
    else if (order.rank > top.rank) {
      top.stage = stage;
      top.rank = order.rank;
    }
  }
  return found;
}
