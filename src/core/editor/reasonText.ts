// A decision reason in the editor's words (src/core/gate/wording.ts, vocabulary 'editor': the
// extension's commands and lenses), for the panel: subject, what is wrong, what to do.
import type { RunRecord } from '../run/record';
import type { Reason } from '../gate/types';
import { wordingContext, wordProblem, wordReasonRemedy, wordSubject } from '../gate/wording';

export interface ReasonText {
  subject: string;
  problem: string;
  remedy: string;
}

export function editorReasons(record: RunRecord, runDir: string | null): (reason: Reason) => ReasonText {
  const options = { context: wordingContext(record, runDir) };
  return (reason) => ({
    subject: wordSubject(reason.subject, 'editor', options),
    problem: wordProblem(reason.problem, 'editor', options),
    remedy: wordReasonRemedy(reason, 'editor', options),
  });
}
