// Parses a dotenv-style file: KEY=value lines, optional "export ", # comments, single
// quotes literal, double quotes with \n \t \" \\ escapes, unquoted values trimmed with
// trailing " # comment" removed.
export function parseEnvFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s?(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const key = m[1]!;
    let raw = m[2]!.trimStart();
    const quote = raw[0];
    if (quote === '"' || quote === "'") {
      // A quoted value may span lines until its closing quote.
      let body = raw.slice(1);
      let close = findClose(body, quote);
      while (close < 0 && i + 1 < lines.length) {
        body += '\n' + lines[++i];
        close = findClose(body, quote);
      }
      raw = close < 0 ? body : body.slice(0, close);
      result[key] = quote === '"' ? unescapeDouble(raw) : raw;
    } else {
      result[key] = raw.replace(/\s+#.*$/, '').trim();
    }
  }
  return result;
}

function findClose(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(value: string): string {
  return value.replace(/\\([nrt"\\$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
