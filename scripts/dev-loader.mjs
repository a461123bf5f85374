// `node --import ./scripts/dev-loader.mjs src/cli/main.ts …`: run the TypeScript sources as
// they are (tsx), with `.liquid` report templates read as text the way esbuild bundles them.
import { register } from 'node:module';
import 'tsx/esm';

register('./liquid-text-hook.mjs', import.meta.url);
