// The learner's output (fd 1, where the harness also points fd 2), captured on the host: the first
// KEEP_BYTES are kept, the rest is drained and counted so a flood cannot block the child or fill
// the host's memory. The harness reports, at the end of loading and of each test, how many bytes
// had been printed through sys.stdout/sys.stderr; those offsets split the stream per test.

/** Output bytes kept per submission (all tests together). */
export const KEEP_BYTES = 64 * 1024;
/** Output shown per test (and for loading), like the TypeScript grader's 4 KB. */
export const SHOWN_BYTES = 4096;

const TRUNCATED = "\n[output truncated at 4 KB]\n";

export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte received, kept or not. */
  total = 0;

  constructor(private readonly keepBytes = KEEP_BYTES) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    const room = this.keepBytes - this.kept;
    if (room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
  }

  /** Bytes [from, to) of the stream as text of at most SHOWN_BYTES, saying when some were dropped. */
  slice(from: number, to: number): string {
    const end = Math.max(from, Math.min(to, this.total));
    if (end <= from) return "";
    const bytes = Buffer.concat(this.chunks).subarray(from, Math.min(end, this.kept));
    const shown = bytes.subarray(0, SHOWN_BYTES);
    const text = new TextDecoder("utf-8", { fatal: false }).decode(shown);
    if (end - from > shown.length) return text + TRUNCATED;
    return text;
  }
}

/** Keeps the first `cap` bytes of a stream as text (stderr before the harness took it over). */
export class SmallCapture {
  private text = "";
  private bytes = 0;

  constructor(private readonly cap = SHOWN_BYTES) {}

  push(chunk: Buffer): void {
    if (this.bytes >= this.cap) return;
    const part = chunk.subarray(0, this.cap - this.bytes);
    this.bytes += part.length;
    this.text += part.toString("utf8");
  }

  get value(): string {
    return this.text;
  }
}
