// Node load hook: `import x from './t.liquid'` gives the file's text, as esbuild's text loader
// does in the bundles (scripts/build.mjs). Registered by dev-loader.mjs.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && new URL(url).pathname.endsWith('.liquid')) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
