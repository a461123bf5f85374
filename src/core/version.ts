// The tool version, from package.json (bundled into dist/cli.js by esbuild).
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_VERSION: string = pkg.version;
