// Replaces secret values, in every form secretForms.ts lists, with ***: in whole texts (commands,
// titles, outcome lines, notes, server error bodies, report data) and in a process's output
// (OutputMasker: bytes, stdout and stderr together, streaming).
import { FormMatcher } from './formMatcher';
import { MASK, OutputMasker } from './outputMasker';
import { secretForms } from './secretForms';
import { concatBytes } from '../text/bytes';

export { MASK, type MaskedPiece, OutputMasker } from './outputMasker';
export { MIN_ENCODED_LENGTH, MIN_SECRET_LENGTH } from './secretForms';

export interface SecretMasker {
  /** False when there is nothing to mask (every text passes untouched). */
  readonly active: boolean;
  /** Masks a whole, self-contained text. */
  mask(text: string): string;
  /** Masks whole bytes; everything outside a secret span is kept byte for byte. */
  maskBytes(bytes: Uint8Array): Uint8Array;
  /** A streaming masker for one process's output (both streams). */
  output(): OutputMasker;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createSecretMasker(values: readonly string[]): SecretMasker {
  const matcher = new FormMatcher(secretForms(values));
  const active = !matcher.empty;
  return {
    active,
    mask(text) {
      if (!active || text.length === 0) return text;
      const bytes = encoder.encode(text);
      const { spans } = matcher.scan(bytes, bytes.length, true);
      if (spans.length === 0) return text;
      let out = '';
      let cursor = 0;
      for (let k = 0; k < spans.length; k += 2) {
        out += decoder.decode(bytes.subarray(cursor, spans[k])) + MASK;
        cursor = spans[k + 1]!;
      }
      return out + decoder.decode(bytes.subarray(cursor));
    },
    maskBytes(bytes) {
      if (!active) return bytes;
      const output = new OutputMasker(matcher);
      const pieces = [...output.push(bytes, 'stdout'), ...output.end()];
      return pieces.length === 0 ? new Uint8Array(0) : concatBytes(pieces.map((p) => p.bytes));
    },
    output: () => new OutputMasker(matcher),
  };
}
