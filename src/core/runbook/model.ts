// The runbook model: plain data, no editor or I/O types. Lines and columns are 1-based
// (as mdast and `parse --json` report them); end columns are exclusive.

export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface RunbookDiagnostic {
  range: SourceRange;
  severity: DiagnosticSeverity;
  /** Stable machine code, e.g. "unknown-annotation-key". */
  code: string;
  message: string;
}

export interface FrontMatter {
  report?: string;
  owner?: string;
  issue?: string;
  repo?: string;
  cwd?: string;
  shell?: string;
}

export interface Section {
  id: string;
  title: string;
  depth: number;
  range: SourceRange;
  parentId: string | null;
  rollback: boolean;
}

export interface Stage {
  id: string;
  /** The number the author gave ("Stage 2" -> 2), null when none. */
  number: number | null;
  title: string;
  /** The word that marked it: Stage, Phase or Step. */
  marker: string;
  range: SourceRange;
  sectionId: string | null;
}

/** Fence annotations (Runme's keys plus ours). Unknown keys become diagnostics. */
export interface StepAnnotations {
  name?: string;
  /** Display title (our key; useful for manual `<!-- runbook: -->` items). */
  title?: string;
  cwd?: string;
  interactive?: boolean;
  background?: boolean;
  excludeFromRunAll?: boolean;
  promptEnv?: boolean;
  required?: boolean;
  timeoutMs?: number;
  expectExit?: number;
  /** Text, or a /regex/ source with slashes, the output must contain. */
  expect?: string;
  stage?: string;
  destructive?: boolean;
  /** Extra input names to treat as secrets. */
  secret?: string[];
}

export interface Step {
  id: string;
  title: string;
  range: SourceRange;
  language: string;
  /** The command text to run (console prompts stripped, output lines dropped). */
  command: string;
  stageId: string | null;
  sectionId: string | null;
  required: boolean;
  rollback: boolean;
  annotations: StepAnnotations;
  /** Names of the inputs ($VAR) this step needs. */
  inputs: string[];
}

export interface TaskItem {
  line: number;
  range: SourceRange;
  checked: boolean;
  text: string;
  stepId: string | null;
  stageId: string | null;
}

export interface Gate {
  id: string;
  number: number | null;
  title: string;
  line: number;
  range: SourceRange;
  sectionId: string | null;
  /** For gate-table rows (`| Gate | Status | Evidence |`): the Status cell as written. */
  status?: string;
}

export interface IssueReference {
  line: number;
  range: SourceRange;
  /** owner/name when the reference or the runbook names one. */
  repo: string | null;
  number: number;
  text: string;
}

export interface RunbookInput {
  name: string;
  secret: boolean;
  stepIds: string[];
}

export interface Runbook {
  title: string;
  frontMatter: FrontMatter;
  sections: Section[];
  stages: Stage[];
  steps: Step[];
  tasks: TaskItem[];
  gates: Gate[];
  issues: IssueReference[];
  inputs: RunbookInput[];
  diagnostics: RunbookDiagnostic[];
  lineCount: number;
}
