// What running needs, in its own bundle (dist/runtime.js) loaded on the first run, mark or
// restore: the use cases (GateService, RunHandle), the execa runner, the run store.
export { GateService } from '../../app/gateService';
export { UsageProblem } from '../../app/problems';
export { ExecaProcessRunner } from '../../node/execaRunner';
export { FileRunStore } from '../../node/runStore';
export { gitUserName } from '../../node/gitUser';
export { planSelection } from '../../core/run/plan';
export { stepCwd } from '../../core/run/defineRun';
export { TOOL_VERSION } from '../../core/version';
