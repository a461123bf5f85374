// The GitHub API base URL as configured (api.github.com, GitHub Enterprise, a loopback
// stand-in), split into what requests use and what messages may show. Credentials written
// into the URL (`https://user:pass@host/api`) are never sent (fetch refuses them, and a
// token belongs in GITHUB_TOKEN) and never shown: messages say `https://***@host/api`.

export const DEFAULT_GITHUB_API = 'https://api.github.com';

export interface ApiEndpoint {
  /** Credential-free, without a trailing slash: where requests go. */
  baseUrl: string;
  /** What messages show. */
  displayUrl: string;
  /** The user name and password the URL carried (masked in every message). */
  credentials: string[];
  /** 127.0.0.1, ::1 or localhost. */
  loopback: boolean;
  /** Why the URL cannot be used; then every call fails as `invalid` with this text. */
  problem: string | null;
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Userinfo replaced by `***`, for text that may not parse as a URL. */
export function hideUrlCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@');
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseApiUrl(raw: string | null | undefined, hasToken: boolean): ApiEndpoint {
  const text = (raw ?? '').trim() || DEFAULT_GITHUB_API;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const shown = hideUrlCredentials(text);
    return { baseUrl: text, displayUrl: shown, credentials: [], loopback: false, problem: `the GitHub API URL is not a valid URL: ${shown}` };
  }
  const credentials = [url.username, url.password, decoded(url.username), decoded(url.password)].filter((part) => part !== '');
  const hadCredentials = credentials.length > 0;
  url.username = '';
  url.password = '';
  url.hash = '';
  const baseUrl = url.toString().replace(/\/+$/, '');
  const displayUrl = hadCredentials ? baseUrl.replace('://', '://***@') : baseUrl;
  const loopback = LOOPBACK_HOSTS.test(url.hostname);
  let problem: string | null = null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problem = `the GitHub API URL must be http(s): ${displayUrl}`;
  // A token in clear text over the network is a leak; a loopback stand-in is not the network.
  else if (url.protocol === 'http:' && hasToken && !loopback) problem = `refusing to send GITHUB_TOKEN over plain http to ${displayUrl}: use https`;
  return { baseUrl, displayUrl, credentials, loopback, problem };
}
