// The editor's pure logic, in its own bundle (dist/editorCore.js) loaded when the first
// Markdown document needs a model: the parser (and the client of its worker thread), lens plan, panel view, checkboxes, decision.
// Activation loads none of it.
export { createRunbookModeler } from '../../core/runbook/parse/incrementalModel';
export { ModelWorker } from '../../node/modelWorker/client';
export { indexLenses, isRunbookModel, lensContent, lensSlots } from '../../core/editor/lensPlan';
export { panelState } from '../../core/editor/panelView';
export { checkboxResets, planCheckboxes } from '../../core/editor/checkboxes';
export { bindingEdit } from '../../core/editor/bindingEdit';
export { decideRun } from '../../core/gate/decide';
export { createSecretMasker } from '../../core/secrets/secretMasker';
export { editorReasons } from '../../core/editor/reasonText';
