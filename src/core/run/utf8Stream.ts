// Streaming UTF-8 decoding that keeps TextDecoder on its fast (non-streaming) path: a
// character split across chunks is carried over by hand. Invalid bytes become U+FFFD (for
// listeners and tails only: the log keeps the bytes).
const decoder = new TextDecoder('utf-8');

/** How many bytes at the end of `bytes` start a character that is not complete yet. */
export function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back]!;
    if (byte < 0x80) return 0; // ASCII: complete
    if (byte >= 0xc0) {
      const needed = byte >= 0xf8 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
    // a continuation byte: look further back for its lead
  }
  return 0;
}

export class Utf8Stream {
  private carry: Uint8Array | null = null;

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = null;
    }
    const keep = incompleteTail(bytes);
    if (keep > 0) {
      this.carry = bytes.slice(bytes.length - keep);
      bytes = bytes.subarray(0, bytes.length - keep);
    }
    return bytes.length === 0 ? '' : decoder.decode(bytes);
  }

  /** Whatever is left (an unfinished character becomes U+FFFD). */
  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? decoder.decode(rest) : '';
  }
}
