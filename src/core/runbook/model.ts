// The runbook model: a gate checklist (PRODUCT.md, "A runbook is a gate checklist").
// Plain data, no editor or I/O types. Lines and columns are 1-based (as `parse --json`
// reports them); end columns are exclusive.

export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A text edit a quick fix applies (the editor offers it; the CLI prints its title). */
export interface DiagnosticFix {
  title: string;
  range: SourceRange;
  newText: string;
}

export interface RunbookDiagnostic {
  range: SourceRange;
  severity: DiagnosticSeverity;
  /** Stable machine code, e.g. "unknown-annotation-key", "unbound-command-check". */
  code: string;
  message: string;
  fixes?: DiagnosticFix[];
}

export interface FrontMatter {
  /** A folder, or a .md file, for gate reports. */
  report?: string;
  owner?: string;
  /** The gate issue: the report's `Issue:` and where it may be posted. A citation, never a dependency. */
  issue?: string;
  repo?: string;
  cwd?: string;
  shell?: string;
  /** Report template: gate | validation | drill | load | a workspace-relative .liquid file. */
  template?: string;
  /** After a required check fails: keep running read-only checks (default) or stop. */
  onFailure?: 'continue' | 'stop';
  title?: string;
}

/** Read from the runbook for the report; front matter overrides each field. */
export interface ReportContext {
  title: string;
  /** "Khala lane (`apps/runtime`)" from `Owner:` / `Owner lane:`, or front matter. */
  owner: string | null;
  /** The document's own tracking issue (`Issue: OA-RUST-110 (#1935)`): cited, never a dependency. */
  issue: { text: string; number: number | null; repo: string | null } | null;
  /** The `Scope:` line, when the runbook has one. */
  scope: string | null;
  /** Folder (or .md file) the "Required artifacts" section names for reports (001: `docs/sync/status/`). */
  reportFolder: string | null;
  template: string | null;
}

export type SectionRole = 'stages' | 'checklist' | 'gates' | 'rollback' | 'preconditions' | 'artifacts' | null;

export interface Section {
  id: string;
  title: string;
  depth: number;
  range: SourceRange;
  parentId: string | null;
  rollback: boolean;
  /** What the heading says the section holds ("## 2. Rollout Stages" -> stages). */
  role: SectionRole;
}

export interface Stage {
  /** "stage-0", "stage-a", "stage-2plus", "canary"; a checklist group: its section's slug. */
  id: string;
  /** A real stage, or a checklist section ("Preflight", "Verification", "Go/No-Go") holding checks. */
  kind: 'stage' | 'checklist';
  /** What the author numbered it: "0", "A", "2+"; null for named stages and checklists. */
  key: string | null;
  /** The number in the key ("2+" -> 2, "A" -> null), for stage-order checks and `--stage 2`. */
  number: number | null;
  /** The word that marked it: Stage, Phase, Step, Wave, Canary...; "" for a checklist. */
  marker: string;
  title: string;
  /** As reports print it: "Stage 0 (Gate preflight)", "Preflight checklist". */
  label: string;
  /** From the heading or item line through everything the stage owns. */
  range: SourceRange;
  sectionId: string | null;
  checkIds: string[];
}

export type CheckKind = 'command' | 'dependency' | 'hold' | 'gate' | 'manual';

/** How a check came to run a step. */
export interface CheckBinding {
  how: 'inline' | 'nested' | 'adjacent' | 'annotation' | 'comment' | 'inferred';
  stepIds: string[];
  /** 1 for explicit bindings; the matcher's score (0..1) for inferred ones. */
  confidence: number;
  /** What the user is shown: "inferred from 'runtime WS … tests' ~ step 'Runtime WS health' (0.72)". */
  reason: string;
}

export interface Hold {
  /** As written: "at least 60 minutes", "one business day", "soak 1800 s", "after 48h green". */
  text: string;
  /** Calendar duration; null when it is counted in business days. */
  durationMs: number | null;
  /** Business days (weekends skipped); null for calendar durations. */
  businessDays: number | null;
}

export interface Check {
  /** "stage-0.2": its stage or checklist id and its 1-based position there. */
  id: string;
  stageId: string;
  ordinal: number;
  /** Plain text of the item's first paragraph. */
  text: string;
  /** Nested bullets and paragraphs, plain text, in order. */
  detail: string[];
  /** The whole item, nested content included. */
  range: SourceRange;
  kind: CheckKind;
  /** False when the item or an annotation says optional. */
  required: boolean;
  /** A GFM task item's box: its line and the 0-based column of the character between the brackets. */
  task: { checked: boolean; line: number; column: number } | null;
  /** Steps the check runs (command kind), in order. */
  stepIds: string[];
  binding: CheckBinding | null;
  /** Hold kind: the duration (null duration means the check is manual). */
  hold: Hold | null;
  /** Gate kind: the gates it follows ("if SLOs remain green" -> every KPI/SLO gate). */
  gateIds: string[];
  /** Dependency kind: ids of the issue references it is satisfied by (empty = every dependency of the runbook). */
  issueIds: string[];
}

/** Fence and comment annotations (Runme's keys plus ours). Unknown keys become diagnostics. */
export interface StepAnnotations {
  name?: string;
  title?: string;
  cwd?: string;
  interactive?: boolean;
  background?: boolean;
  excludeFromRunAll?: boolean;
  promptEnv?: boolean;
  required?: boolean;
  timeoutMs?: number;
  expectExit?: number;
  /** Text, or a /regex/ source with slashes, the output must contain (evaluated by a linear-time engine). */
  expect?: string;
  stage?: string;
  /** Checks this step is bound to (`check=stage-0.2`). */
  check?: string[];
  /** KPI gates this step observes (`gate=error-budget-gate`). */
  gate?: string[];
  /** JMESPath expression read from the step's JSON output, held against the gate's threshold. */
  value?: string;
  /** A results file the step writes (JUnit XML, TAP, TSV/CSV/Markdown table), relative to its cwd. */
  results?: string;
  destructive?: boolean;
  /** Per-step override of the stage policy after a required failure. */
  onFailure?: 'continue' | 'stop';
  secret?: string[];
}

export interface Step {
  id: string;
  title: string;
  range: SourceRange;
  /** sh, bash, shell, zsh, console; "inline" for a command in inline code; "manual" for a comment-only item. */
  language: string;
  /** The command text to run (console prompts stripped, output lines dropped). */
  command: string;
  /** The stage it sits in, or the one an annotation names; null for steps outside stages. */
  stageId: string | null;
  sectionId: string | null;
  /** Checks bound to this step. */
  checkIds: string[];
  required: boolean;
  rollback: boolean;
  /** Destructive or production-mutating: never in "run all", confirmed before it runs. */
  destructive: boolean;
  /** Why: "kubectl apply", "curl -X POST", "under a Rollback heading", "annotated destructive". */
  destructiveReason: string | null;
  /** `<placeholder>`s in the command; each blocks the step until filled. */
  placeholders: string[];
  /** Working directory relative to the runbook: annotation `cwd`, "From `apps/x/`:", or `cd x &&`. */
  cwd: string | null;
  annotations: StepAnnotations;
  /** Names of the inputs ($VAR) this step needs. */
  inputs: string[];
}

export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface Threshold {
  /** As written: "p95 <= 600 ms", "5xx below 1%", "> 25 events for 10m". */
  text: string;
  metric: string | null;
  comparator: Comparator;
  value: number;
  unit: string | null;
  /** "10m", "15m"; null when none is written. */
  window: string | null;
  windowMs: number | null;
}

export interface Gate {
  id: string;
  number: number | null;
  title: string;
  /** Nested bullets under a numbered gate. */
  detail: string[];
  line: number;
  range: SourceRange;
  sectionId: string | null;
  /** For gate-table rows (`| Gate | Status | Evidence |`): the cells as written. */
  status?: string;
  evidence?: string;
  thresholds: Threshold[];
}

export interface IssueReference {
  /** "ref-1", stable in document order. */
  id: string;
  line: number;
  range: SourceRange;
  /** owner/name when the reference or the runbook names one. */
  repo: string | null;
  number: number;
  text: string;
  /** Only dependencies feed the dependency gate. */
  role: 'dependency' | 'citation';
  /** Why it got its role: "gh issue view loop", "Preconditions section", "next to 'closed'", "the document's Issue: line". */
  why: string;
  /** The check whose text or bound step names it. */
  checkId: string | null;
}

export interface RunbookInput {
  /** `VAR` for $VAR; the placeholder as written (`<service-name>`) for placeholders. */
  name: string;
  kind: 'env' | 'placeholder';
  secret: boolean;
  stepIds: string[];
}

export interface Runbook {
  title: string;
  context: ReportContext;
  frontMatter: FrontMatter;
  /** A report Runbook Gate wrote (it carries the `<!-- runbook-gate:report` marker): no lenses, no diagnostics. */
  generated: boolean;
  sections: Section[];
  /** Stages and checklist groups, in document order. */
  stages: Stage[];
  checks: Check[];
  steps: Step[];
  gates: Gate[];
  issues: IssueReference[];
  inputs: RunbookInput[];
  diagnostics: RunbookDiagnostic[];
  lineCount: number;
}
