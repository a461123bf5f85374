// Keeps only the last `limit` characters of a growing text: memory stays bounded whatever
// a step prints, and the outcome line only needs the end.
export class OutputTail {
  private buffer = '';
  constructor(private readonly limit: number) {}

  push(text: string): void {
    this.buffer += text;
    // Trim in batches so a stream of small chunks does not copy the tail every time.
    if (this.buffer.length > this.limit * 2) this.buffer = this.buffer.slice(-this.limit);
  }

  get text(): string {
    return this.buffer.length > this.limit ? this.buffer.slice(-this.limit) : this.buffer;
  }
}
