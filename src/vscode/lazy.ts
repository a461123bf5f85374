// The extension's heavy parts live in bundles of their own, loaded on first use (scripts/build.mjs
// turns these dynamic imports into require('./<name>.js')): activation loads none of them.
import type * as EditorCore from './bundles/editorCore';
import type * as Runtime from './bundles/runtime';
import type * as Reports from './bundles/reports';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** The parser, lens plan, panel view, checkboxes and decision. */
export const editorCore = once(() => import('./bundles/editorCore') as Promise<typeof EditorCore>);

/** The use cases, the process runner and the run store. */
export const runtime = once(() => import('./bundles/runtime') as Promise<typeof Runtime>);

/** The report writer (LiquidJS templates) and GitHub publishing (Octokit). */
export const reports = once(() => import('./bundles/reports') as Promise<typeof Reports>);
