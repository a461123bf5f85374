// The built-in report templates by name (the sources live in templates/; this list needs none
// of them, so hosts can tell a name from a file without loading Liquid).
export const BUILTIN_TEMPLATE_NAMES = ['gate', 'validation', 'drill', 'load'] as const;

export type BuiltinTemplateName = (typeof BUILTIN_TEMPLATE_NAMES)[number];

export function isBuiltinTemplateName(name: string): name is BuiltinTemplateName {
  return (BUILTIN_TEMPLATE_NAMES as readonly string[]).includes(name);
}
