// Parses the harness's result channel (fd 3): frames of [kind u8][length u32 LE][body]. Only numbers
// and the harness's own status fields travel here; the learner's prints go to fd 1 and are never
// parsed. Anything malformed (the learner can write to fd 3 too) ends the parse: the runs then
// carry what was received before it, and the verdict stays a comparison of numbers with the
// reference, so a forged frame can at best reproduce what a correct solution would have produced.

/** Status codes shared with harness.py. */
export const HARNESS_STATUS = [
  "ok",
  "compile-error",
  "runtime-error",
  "missing-export",
  "timeout",
  "memory-limit",
] as const;
export type HarnessStatus = (typeof HARNESS_STATUS)[number];

const FRAME_LOAD = 1;
const FRAME_ROW = 2;
const FRAME_END = 3;
const HEADER_BYTES = 5;

export interface LoadFrame {
  status: HarnessStatus;
  outputOffset: number;
  line: number;
  column: number;
  message: string;
}

export interface EndFrame {
  status: HarnessStatus;
  stepsRun: number;
  outputOffset: number;
  message: string;
  mistakes: Array<{ id: string; message: string }>;
}

/** What one test sent: rows in order, and its end when it finished inside the harness. */
export interface RunFrames {
  recorded: Float64Array;
  rows: number;
  end: EndFrame | null;
}

/** The expected shape of each test's records, from its RunSpec. */
export interface RunShape {
  dim: number;
  record: readonly number[];
}

/** Collects frames as chunks arrive; `error` is set (and parsing stops) on the first bad frame. */
export class ResultChannel {
  load: LoadFrame | null = null;
  readonly runs: RunFrames[];
  error: string | null = null;
  private pending: Buffer = Buffer.alloc(0);
  private received = 0;
  private current = 0;
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });

  constructor(
    private readonly shapes: readonly RunShape[],
    private readonly maxBytes: number,
  ) {
    this.runs = shapes.map((shape) => ({
      recorded: new Float64Array(shape.record.length * shape.dim),
      rows: 0,
      end: null,
    }));
  }

  /** Feeds bytes from fd 3; returns false once the channel is over its cap or malformed. */
  push(chunk: Buffer): boolean {
    if (this.error) return false;
    this.received += chunk.length;
    if (this.received > this.maxBytes) {
      this.error = `the result channel sent more than ${this.maxBytes} bytes`;
      return false;
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= HEADER_BYTES) {
      const kind = this.pending.readUInt8(0);
      const length = this.pending.readUInt32LE(1);
      if (length > this.maxBytes) return this.fail(`a frame of ${length} bytes`);
      if (this.pending.length < HEADER_BYTES + length) break;
      const body = this.pending.subarray(HEADER_BYTES, HEADER_BYTES + length);
      this.pending = this.pending.subarray(HEADER_BYTES + length);
      if (!this.accept(kind, body)) return false;
    }
    return true;
  }

  private fail(what: string): false {
    this.error = `the result channel was malformed (${what})`;
    return false;
  }

  private text(bytes: Buffer): string {
    return this.decoder.decode(bytes);
  }

  private status(code: number): HarnessStatus | null {
    return HARNESS_STATUS[code] ?? null;
  }

  private accept(kind: number, body: Buffer): boolean {
    if (kind === FRAME_LOAD) {
      if (this.load || body.length < 17) return this.fail("load frame");
      const status = this.status(body.readUInt8(0));
      if (!status) return this.fail("load status");
      this.load = {
        status,
        outputOffset: Number(body.readBigUInt64LE(1)),
        line: body.readUInt32LE(9),
        column: body.readUInt32LE(13),
        message: this.text(body.subarray(17)),
      };
      return true;
    }
    if (this.load?.status !== "ok") return this.fail("a test before a loaded module");
    if (kind === FRAME_ROW) {
      const run = this.runs[this.current];
      const shape = this.shapes[this.current];
      if (!run || !shape || body.length !== 8 + 8 * shape.dim) return this.fail("row size");
      if (
        body.readUInt32LE(0) !== this.current ||
        body.readUInt32LE(4) !== run.rows ||
        run.rows >= shape.record.length
      )
        return this.fail("row out of order");
      // The body's doubles may sit at any byte offset: copy before viewing them as Float64Array.
      const values = new Float64Array(Uint8Array.from(body.subarray(8)).buffer);
      run.recorded.set(values, run.rows * shape.dim);
      run.rows += 1;
      return true;
    }
    if (kind === FRAME_END) return this.acceptEnd(body);
    return this.fail(`frame kind ${kind}`);
  }

  private acceptEnd(body: Buffer): boolean {
    const run = this.runs[this.current];
    if (!run || body.length < 21 || body.readUInt32LE(0) !== this.current) return this.fail("end frame");
    const status = this.status(body.readUInt8(4));
    if (!status) return this.fail("end status");
    let at = 21;
    const messageLength = body.readUInt32LE(17);
    if (at + messageLength > body.length) return this.fail("end message");
    const message = this.text(body.subarray(at, at + messageLength));
    at += messageLength;
    const mistakes: EndFrame["mistakes"] = [];
    while (at < body.length) {
      if (at + 6 > body.length) return this.fail("mistake header");
      const idLength = body.readUInt16LE(at);
      const saidLength = body.readUInt32LE(at + 2);
      at += 6;
      if (at + idLength + saidLength > body.length) return this.fail("mistake");
      const id = this.text(body.subarray(at, at + idLength));
      const said = this.text(body.subarray(at + idLength, at + idLength + saidLength));
      at += idLength + saidLength;
      if (!mistakes.some((m) => m.id === id)) mistakes.push({ id, message: said });
    }
    run.end = {
      status,
      stepsRun: body.readUInt32LE(5),
      outputOffset: Number(body.readBigUInt64LE(9)),
      message,
      mistakes,
    };
    this.current += 1;
    return true;
  }
}
