// What a heading says its section holds. In order of precedence:
//   rollback       "5. Rollback Procedure", "Roll back the database"
//   gates          "3. KPI and SLO Gates", "Go/No-Go Gates", "SLOs", "Thresholds"
//   stages         "2. Rollout Stages", "Staged Cutover Plan", "Rollout order", "Phases"
//   checklist      "Checklist", "Preflight", "Verification", "Pass/Fail Criteria", "Acceptance", "Go/No-Go"
//   preconditions  "1. Preconditions", "Prerequisites", "Dependencies", "Blockers"
//   artifacts      "6. Required Artifacts Per Gate Execution", "Deliverables"
import type { SectionRole } from '../model';
import { isRollbackTitle, namesGates, stripNumbering } from './text';

const STAGES = /\b(?:stages|phases|waves|rings)\b|\bstaged\b|\b(?:rollout|roll-out|cutover|cut-over|migration|deploy(?:ment)?|release|canary)\s+(?:order|plan|sequence|schedule)\b/i;
const CHECKLIST = /\b(?:check\s*-?lists?|pre-?flight|verification|pass\s*\/\s*fail|acceptance|go\s*\/\s*no[\s-]*go|exit\s+criteria|entry\s+criteria|sign-?off)\b/i;
const PRECONDITIONS = /\b(?:pre-?conditions?|prerequisites?|pre-?reqs?|dependencies|depends\s+on|blockers?|blocked\s+by)\b/i;
const ARTIFACTS = /\b(?:artifacts?|artefacts?|deliverables)\b/i;

export function sectionRole(heading: string): SectionRole {
  const title = stripNumbering(heading).trim();
  if (isRollbackTitle(title)) return 'rollback';
  if (namesGates(title)) return 'gates';
  if (STAGES.test(title)) return 'stages';
  if (CHECKLIST.test(title)) return 'checklist';
  if (PRECONDITIONS.test(title)) return 'preconditions';
  if (ARTIFACTS.test(title)) return 'artifacts';
  return null;
}
