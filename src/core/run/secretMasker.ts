// Replaces secret values (and their base64, base64url and URL-encoded forms) with ***.
// Streaming: a value split across chunks is still caught, because each stream holds back
// an ending that could be the start of a secret (at most longest pattern - 1 characters)
// until more text or the end arrives.

export const MASK = '***';
/** Shorter values are not masked: masking "a" or "yes" would shred every log. */
export const MIN_SECRET_LENGTH = 4;

export interface SecretPartition {
  masked: string[];
  /** Values too short to mask (the UI should say so, without showing them). */
  skipped: string[];
}

export function partitionSecrets(values: readonly string[]): SecretPartition {
  const masked: string[] = [];
  const skipped: string[] = [];
  for (const value of new Set(values)) {
    if (value.length >= MIN_SECRET_LENGTH) masked.push(value);
    else if (value.length > 0) skipped.push(value);
  }
  return { masked, skipped };
}

/** Names of secret inputs whose values are set but too short to be masked. */
export function unmaskedSecretNames(names: readonly string[], env: Record<string, string | undefined>): string[] {
  return names.filter((name) => {
    const value = env[name];
    return value !== undefined && value.length > 0 && value.length < MIN_SECRET_LENGTH;
  });
}

function base64(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Every form of the value to hide, longest first. */
export function secretPatterns(values: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const value of partitionSecrets(values).masked) {
    const b64 = base64(value);
    const unpadded = b64.replace(/=+$/, '');
    patterns.add(value);
    patterns.add(b64);
    patterns.add(unpadded);
    patterns.add(unpadded.replace(/\+/g, '-').replace(/\//g, '_'));
    try {
      patterns.add(encodeURIComponent(value));
    } catch {
      // a lone surrogate has no URL-encoded form
    }
    // A multi-line value (a PEM key) may come back line by line or with other line endings.
    if (/[\r\n]/.test(value)) {
      for (const line of value.split(/\r?\n|\r/)) if (line.trim().length >= MIN_SECRET_LENGTH) patterns.add(line);
    }
  }
  return [...patterns].filter((p) => p.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** Masks every pattern occurrence starting before `limit`; returns the masked prefix and where it ended. */
function maskPrefix(patterns: readonly string[], text: string, limit: number): { out: string; end: number } {
  const next = patterns.map((p) => text.indexOf(p));
  if (next.every((i) => i < 0 || i >= limit)) return { out: text.slice(0, limit), end: limit };
  let out = '';
  let pos = 0;
  let end = limit;
  for (;;) {
    let best = -1;
    let bestLength = 0;
    for (let k = 0; k < patterns.length; k++) {
      let at = next[k]!;
      if (at >= 0 && at < pos) {
        at = text.indexOf(patterns[k]!, pos);
        next[k] = at;
      }
      if (at < 0 || at >= end) continue;
      // Leftmost wins; at the same place the longest (patterns are sorted longest first).
      if (best < 0 || at < best) {
        best = at;
        bestLength = patterns[k]!.length;
      }
    }
    if (best < 0) break;
    out += text.slice(pos, best) + MASK;
    pos = best + bestLength;
    if (pos > end) end = pos;
  }
  return { out: out + text.slice(pos, end), end };
}

export interface SecretMasker {
  readonly active: boolean;
  /** Masks a whole, self-contained text (commands, outcome lines, paths). */
  mask(text: string): string;
  /** A stream-aware masker for one output stream. */
  stream(): StreamMasker;
}

export interface StreamMasker {
  /** Returns the text that is safe to emit now (possibly shorter than the input). */
  push(text: string): string;
  /** True when the last push returned exactly its input (nothing held, nothing replaced). */
  readonly verbatim: boolean;
  /** Returns whatever was held back, masked. */
  flush(): string;
}

/**
 * Length of the longest end of `text` that could still grow into a pattern: only that much
 * must wait for the next chunk (usually nothing, so lines are not held back needlessly).
 */
function pendingSuffix(patterns: readonly string[], firstChars: ReadonlySet<string>, longest: number, text: string): number {
  for (let i = Math.max(0, text.length - longest + 1); i < text.length; i++) {
    if (!firstChars.has(text[i]!)) continue;
    const suffix = text.slice(i);
    if (patterns.some((p) => p.length > suffix.length && p.startsWith(suffix))) return suffix.length;
  }
  return 0;
}

export function createSecretMasker(values: readonly string[]): SecretMasker {
  const patterns = secretPatterns(values);
  const longest = patterns.reduce((max, p) => Math.max(max, p.length), 0);
  const firstChars = new Set(patterns.map((p) => p[0]!));
  const active = patterns.length > 0;
  return {
    active,
    mask(text) {
      return active ? maskPrefix(patterns, text, text.length).out : text;
    },
    stream() {
      let held = '';
      let verbatim = true;
      return {
        push(text) {
          if (!active) return text;
          const hadHeld = held.length > 0;
          const buffer = hadHeld ? held + text : text;
          const limit = buffer.length - pendingSuffix(patterns, firstChars, longest, buffer);
          const { out, end } = maskPrefix(patterns, buffer, limit);
          held = buffer.slice(end);
          verbatim = !hadHeld && held.length === 0 && out.length === text.length && out === text;
          return out;
        },
        get verbatim() {
          return verbatim || !active;
        },
        flush() {
          const rest = active ? maskPrefix(patterns, held, held.length).out : held;
          held = '';
          return rest;
        },
      };
    },
  };
}
