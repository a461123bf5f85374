// Keeps only the last `limit` characters of a growing text: memory stays bounded whatever
// a step prints, and the outcome line only needs the end. Chunks are kept as they come
// (no concatenation per push: that would copy the tail on every chunk).
export class OutputTail {
  private chunks: string[] = [];
  private length = 0;
  constructor(private readonly limit: number) {}

  push(text: string): void {
    if (text.length === 0) return;
    if (text.length >= this.limit) {
      this.chunks = [text.slice(-this.limit)];
      this.length = this.limit;
      return;
    }
    this.chunks.push(text);
    this.length += text.length;
    while (this.length - this.chunks[0]!.length >= this.limit) this.length -= this.chunks.shift()!.length;
  }

  get text(): string {
    const joined = this.chunks.join('');
    return joined.length > this.limit ? joined.slice(-this.limit) : joined;
  }
}
