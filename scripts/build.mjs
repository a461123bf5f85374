// Bundles the three entries: extension (Node, CJS, `vscode` external), CLI (Node, CJS) and
// the webview (browser IIFE). `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Several dependencies are ESM-only and read import.meta.url; give the CJS bundle a real one.
const importMetaShim = {
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const entries = [
  {
    ...common,
    ...importMetaShim,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node\n' + importMetaShim.banner.js },
    define: importMetaShim.define,
  },
  {
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// The package is ESM ("type": "module") for tests and scripts; the bundles are CommonJS,
// which VS Code and `node dist/cli.js` load through this nested marker.
function writeCommonJsMarker() {
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
}

if (watch) {
  writeCommonJsMarker();
  for (const options of entries) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('[build] watching for changes');
} else {
  await Promise.all(entries.map((options) => esbuild.build(options)));
  writeCommonJsMarker();
  console.log(`[build] ${production ? 'production' : 'development'} bundles written to dist/`);
}
