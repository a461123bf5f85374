// Opens VS Code's web workbench (served by code-server) in headless Chromium through
// playwright-core, optionally with an extension under development and a tests module.
import { URLSearchParams } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './install-tools.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The workbench URL. Paths become vscode-remote URIs on this server, which is what the
 * workbench expects for extensionDevelopmentPath / extensionTestsPath.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment, disableExtensions = false }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  if (disableExtensions) payload.push(['disableExtensions', 'true']);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.url}/?${query.toString()}`;
}

/** Renders a console message's arguments, dropping the CSS arguments of `%c` directives. */
export async function consoleText(message) {
  let values;
  try {
    values = await Promise.all(message.args().map((handle) => handle.jsonValue()));
  } catch {
    return message.text();
  }
  if (values.length === 0) return message.text();
  const [first, ...rest] = values;
  if (typeof first !== 'string') return values.map(String).join(' ');
  const directives = first.match(/%[csdifoO]/g) ?? [];
  let index = 0;
  const head = first.replace(/%[csdifoO]/g, (directive) => {
    const value = rest[index++];
    if (directive === '%c') return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
  const tail = rest.slice(directives.length).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)));
  return [head, ...tail].join(' ').trimEnd();
}
