// The built-in report templates and the partials every template may include, as text.
import gate from './gate.liquid';
import validation from './validation.liquid';
import drill from './drill.liquid';
import load from './load.liquid';
import evidence from './_evidence.liquid';
import artifacts from './_artifacts.liquid';
import integrity from './_integrity.liquid';
import { isBuiltinTemplateName, type BuiltinTemplateName } from '../templateNames';

export const BUILTIN_TEMPLATES: Readonly<Record<BuiltinTemplateName, string>> = { gate, validation, drill, load };

/** `{% include "_artifacts" %}`, `{% include "_integrity" %}`, `{% include "_evidence", evidence: …, indent: "  " %}`. */
export const PARTIALS: Readonly<Record<string, string>> = { _evidence: evidence, _artifacts: artifacts, _integrity: integrity };

export const isBuiltinTemplate = isBuiltinTemplateName;
