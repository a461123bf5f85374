// Bundles the entries: the extension (Node, CJS, `vscode` external) split in lazily loaded parts,
// the CLI (Node, CJS) and the webview (browser IIFE). `--watch` rebuilds on change;
// `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--vsix`: only what the VSIX ships (the extension's bundles and the webview), for packaging.
const vsixOnly = process.argv.includes('--vsix');

// Several dependencies are ESM-only and read import.meta.url; give the CJS bundle a real one.
const importMetaShim = {
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// Every module of ours is strict (ES modules are); the CJS bundles say so as their first
// statement, so that code in them runs as in the tests (a write to a frozen record throws).
const STRICT = '"use strict";\n';

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // Report templates (src/core/report/templates/*.liquid) are bundled as text.
  loader: { '.liquid': 'text' },
};

// The extension loads its heavy parts on first use: `import('./bundles/<name>')` in src/vscode
// becomes `require('./<name>.js')`, a bundle of its own (activation loads none of them).
const LAZY_BUNDLES = ['editorCore', 'runtime', 'reports'];
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/bundles\/[A-Za-z]+$/ }, (args) => {
      const name = args.path.slice('./bundles/'.length);
      if (args.kind !== 'dynamic-import' || !LAZY_BUNDLES.includes(name)) return undefined;
      return { path: `./${name}.js`, external: true };
    });
  },
};
const extensionPart = (entry, outfile, plugins = [], banner = '') => ({
  ...common,
  ...importMetaShim,
  banner: { js: `${STRICT}${banner}${importMetaShim.banner.js}` },
  entryPoints: [entry],
  outfile,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  plugins,
});

const allEntries = [
  // The banner marks when VS Code starts loading the module (activation time = load + activate()).
  extensionPart('src/extension.ts', 'dist/extension.js', [lazyBundles], 'globalThis.__runbookGateLoadStart = performance.now();\n'),
  ...LAZY_BUNDLES.map((name) => extensionPart(`src/vscode/bundles/${name}.ts`, `dist/${name}.js`)),
  // The parser's worker thread (src/node/modelWorker): runbooks are modelled off the extension host.
  extensionPart('src/node/modelWorker/worker.ts', 'dist/modelWorker.js'),
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node\n' + STRICT + importMetaShim.banner.js },
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

const entries = vsixOnly ? allEntries.filter((entry) => entry.outfile !== 'dist/cli.js') : allEntries;

// The package is ESM ("type": "module") for tests and scripts; the bundles are CommonJS,
// which VS Code and `node dist/cli.js` load through this nested marker.
function writeCommonJsMarker() {
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
  // The panel's icons (vscode-elements' <vscode-icon> reads this stylesheet by id).
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
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
