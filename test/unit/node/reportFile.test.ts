// Where reports go and how they are written, on a real temporary workspace: the name carries the
// runbook's folder, another run's report (or any other file) is never overwritten, this run's
// own report is replaced, nothing is written outside the workspace, no temp file is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspaceGuard, OutsideWorkspaceError } from '../../../src/node/workspaceGuard';
import { candidateName, resolveReportTemplate, runbookSlug, writeReport, type ReportTarget } from '../../../src/node/reportFile';
import { reportMarker } from '../../../src/core/report/marker';

async function workspace() {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'rg-report-')));
  return { root, guard: await createWorkspaceGuard(root), done: () => rm(root, { recursive: true, force: true }) };
}

const target = (runId: string, extra: Partial<ReportTarget> = {}): ReportTarget => ({
  runbookPath: 'docs/sync/RUNBOOK.md', runIds: [runId], date: '2026-02-21', reportFolder: 'docs/sync/status/', ...extra,
});
const body = (runId: string, text = 'report') => (path: string) => `${reportMarker([runId], 'gate')}\n# ${text} at ${path}\n`;

test('the name: date, the runbook folder and name, -gate.md; -2, -3 after it', () => {
  assert.equal(runbookSlug('docs/sync/KHALA_WS_ONLY_ROLLOUT_RUNBOOK.md'), 'sync-khala-ws-only-rollout-runbook');
  assert.equal(runbookSlug('svc1/deploy.md'), 'svc1-deploy');
  assert.notEqual(runbookSlug('svc1/deploy.md'), runbookSlug('svc2/deploy.md'));
  assert.equal(runbookSlug('deploy.md'), 'deploy');
  assert.equal(runbookSlug('ops/Ünïcode runbook!.markdown'), 'ops-unicode-runbook');
  assert.equal(candidateName('2026-02-21-x-gate.md', 1), '2026-02-21-x-gate.md');
  assert.equal(candidateName('2026-02-21-x-gate.md', 3), '2026-02-21-x-gate-3.md');
});

test('written in the runbook\'s report folder, the path given to render, no temp file left', async () => {
  const ws = await workspace();
  try {
    const written = await writeReport(ws.guard, target('run-a'), body('run-a'));
    assert.deepEqual({ path: written.path, replaced: written.replaced }, { path: 'docs/sync/status/2026-02-21-sync-runbook-gate.md', replaced: false });
    assert.equal(await readFile(join(ws.root, written.path), 'utf8'), `${reportMarker(['run-a'], 'gate')}\n# report at docs/sync/status/2026-02-21-sync-runbook-gate.md\n`);
    assert.deepEqual(await readdir(join(ws.root, 'docs/sync/status')), ['2026-02-21-sync-runbook-gate.md']);
  } finally {
    await ws.done();
  }
});

test('another run\'s report is never overwritten; the same run replaces its own', async () => {
  const ws = await workspace();
  try {
    const a = await writeReport(ws.guard, target('run-a'), body('run-a'));
    const b = await writeReport(ws.guard, target('run-b'), body('run-b'));
    const c = await writeReport(ws.guard, target('run-c'), body('run-c'));
    assert.deepEqual([a.path, b.path, c.path].map((p) => p.split('/').pop()), ['2026-02-21-sync-runbook-gate.md', '2026-02-21-sync-runbook-gate-2.md', '2026-02-21-sync-runbook-gate-3.md']);
    const again = await writeReport(ws.guard, target('run-b'), body('run-b', 'regenerated'));
    assert.deepEqual({ path: again.path, replaced: again.replaced }, { path: b.path, replaced: true });
    assert.match(await readFile(join(ws.root, b.path), 'utf8'), /# regenerated/);
    assert.match(await readFile(join(ws.root, a.path), 'utf8'), /# report/);
    assert.equal((await readdir(join(ws.root, 'docs/sync/status'))).length, 3);
  } finally {
    await ws.done();
  }
});

test('a file that is not a report is not overwritten; a report of several runs is its own', async () => {
  const ws = await workspace();
  try {
    await mkdir(join(ws.root, 'docs/sync/status'), { recursive: true });
    await writeFile(join(ws.root, 'docs/sync/status/2026-02-21-sync-runbook-gate.md'), '# Notes someone wrote\n');
    const first = await writeReport(ws.guard, target('run-a', { runIds: ['run-a', 'run-b'] }), (p) => `${reportMarker(['run-b', 'run-a'], 'load')}\n${p}\n`);
    assert.equal(first.path.split('/').pop(), '2026-02-21-sync-runbook-gate-2.md');
    assert.equal(await readFile(join(ws.root, 'docs/sync/status/2026-02-21-sync-runbook-gate.md'), 'utf8'), '# Notes someone wrote\n');
    const again = await writeReport(ws.guard, target('run-a', { runIds: ['run-b', 'run-a'] }), (p) => `${reportMarker(['run-a', 'run-b'], 'load')}\n${p}\n`);
    assert.deepEqual([again.path, again.replaced], [first.path, true]);
    const onlyA = await writeReport(ws.guard, target('run-a'), body('run-a'));
    assert.equal(onlyA.path.split('/').pop(), '2026-02-21-sync-runbook-gate-3.md');
  } finally {
    await ws.done();
  }
});

test('where: --report, else the runbook\'s folder or .md file, else the setting, else docs/status', async () => {
  const ws = await workspace();
  try {
    const at = async (extra: Partial<ReportTarget>) => (await writeReport(ws.guard, target(`r-${Math.random()}`, extra), body('x'))).path;
    assert.equal(await at({ reportFolder: null }), 'docs/status/2026-02-21-sync-runbook-gate.md');
    assert.equal(await at({ reportFolder: null, settingFolder: 'reports' }), 'reports/2026-02-21-sync-runbook-gate.md');
    assert.equal(await at({ reportFolder: 'docs/GATE.md' }), 'docs/GATE.md');
    assert.equal(await at({ explicit: 'out/mine.md', cwd: join(ws.root, 'docs') }), 'docs/out/mine.md');
    assert.equal(await at({ explicit: join(ws.root, 'abs') }), 'abs/2026-02-21-sync-runbook-gate.md');
  } finally {
    await ws.done();
  }
});

test('nothing outside the workspace: climbing out, absolute paths from the runbook, a folder linked outside', async () => {
  const ws = await workspace();
  const outside = await realpath(await mkdtemp(join(tmpdir(), 'rg-outside-')));
  try {
    await assert.rejects(writeReport(ws.guard, target('r', { reportFolder: '../escape/' }), body('r')), OutsideWorkspaceError);
    await assert.rejects(writeReport(ws.guard, target('r', { reportFolder: outside }), body('r')), /must be a path relative to the workspace/);
    await assert.rejects(writeReport(ws.guard, target('r', { explicit: join(outside, 'r.md') }), body('r')), OutsideWorkspaceError);
    await symlink(outside, join(ws.root, 'linked'));
    await assert.rejects(writeReport(ws.guard, target('r', { reportFolder: 'linked/status/' }), body('r')), OutsideWorkspaceError);
    assert.deepEqual(await readdir(outside), []);
  } finally {
    await ws.done();
    await rm(outside, { recursive: true, force: true });
  }
});

test('two runs writing at once get two names', async () => {
  const ws = await workspace();
  try {
    const written = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((id) => writeReport(ws.guard, target(id), body(id))));
    assert.equal(new Set(written.map((w) => w.path)).size, 4);
    const files = (await readdir(join(ws.root, 'docs/sync/status'))).sort();
    assert.equal(files.length, 4, files.join(', '));
    for (const w of written) assert.ok((await readFile(w.absolute, 'utf8')).includes(w.path));
  } finally {
    await ws.done();
  }
});

test('templates: a built-in name as it is, a team .liquid file read from inside the workspace', async () => {
  const ws = await workspace();
  const outside = await realpath(await mkdtemp(join(tmpdir(), 'rg-outside-')));
  try {
    assert.equal(await resolveReportTemplate(ws.guard, 'drill'), 'drill');
    await mkdir(join(ws.root, 'docs/templates'), { recursive: true });
    await writeFile(join(ws.root, 'docs/templates/team.liquid'), '# {{ name }}\n');
    assert.deepEqual(await resolveReportTemplate(ws.guard, 'docs/templates/team.liquid'), { name: 'docs/templates/team.liquid', source: '# {{ name }}\n' });
    assert.deepEqual(await resolveReportTemplate(ws.guard, 'templates/team.liquid', { trusted: true, cwd: join(ws.root, 'docs') }), { name: 'docs/templates/team.liquid', source: '# {{ name }}\n' });
    await assert.rejects(resolveReportTemplate(ws.guard, 'fancy'), /"fancy" is neither a built-in template \(gate, validation, drill, load\) nor a \.liquid file/);
    await assert.rejects(resolveReportTemplate(ws.guard, 'docs/none.liquid'), /The report template not found: docs\/none\.liquid/);
    await writeFile(join(outside, 'evil.liquid'), 'x');
    await assert.rejects(resolveReportTemplate(ws.guard, join(outside, 'evil.liquid')), /must be a path relative to the workspace/);
    await assert.rejects(resolveReportTemplate(ws.guard, '../evil.liquid'), OutsideWorkspaceError);
  } finally {
    await ws.done();
    await rm(outside, { recursive: true, force: true });
  }
});
