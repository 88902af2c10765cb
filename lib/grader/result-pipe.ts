// The channel a grader process answers on: frames of [length u32 LE][JSON body] on its own pipe,
// beside the IPC channel that carries jobs in. Node's IPC decodes a whole message, whatever its
// size, before handing it over; this reader counts bytes as they arrive and gives up on a frame
// longer than its cap before buffering it, so a grader process gone wrong cannot make the server
// hold more than RESULT_LIMIT_BYTES of one answer.

/** Largest answer a grader process may send for one job (a failed Momentum grade is ~260 KB). */
export const RESULT_LIMIT_BYTES = 4 * 1024 * 1024;

const HEADER_BYTES = 4;

/** One answer: the job's result, or the message of what went wrong grading it. */
export type ResultFrame = { id: number; result?: unknown; error?: string };

/** The bytes of one frame (what the grader process writes). */
export function encodeResultFrame(frame: ResultFrame): Buffer {
  const body = Buffer.from(JSON.stringify(frame), "utf8");
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

/**
 * Collects frames as chunks arrive. `push` returns false, and sets `error`, once a frame is over
 * the cap or is not JSON: the caller then stops the process (nothing after it can be trusted).
 */
export class ResultFrameReader {
  error: string | null = null;
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onFrame: (frame: ResultFrame) => void,
    private readonly maxBytes = RESULT_LIMIT_BYTES,
  ) {}

  push(chunk: Buffer): boolean {
    if (this.error) return false;
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= HEADER_BYTES) {
      const length = this.pending.readUInt32LE(0);
      if (length > this.maxBytes) {
        this.error = `a grader process answered with ${length} bytes (the limit is ${this.maxBytes})`;
        this.pending = Buffer.alloc(0);
        return false;
      }
      if (this.pending.length < HEADER_BYTES + length) return true;
      const body = this.pending.subarray(HEADER_BYTES, HEADER_BYTES + length).toString("utf8");
      this.pending = this.pending.subarray(HEADER_BYTES + length);
      let frame: unknown;
      try {
        frame = JSON.parse(body);
      } catch {
        this.error = "a grader process answered with a frame that is not JSON";
        return false;
      }
      if (!isFrame(frame)) {
        this.error = "a grader process answered with a frame without a job id";
        return false;
      }
      this.onFrame(frame);
    }
    return true;
  }
}

function isFrame(value: unknown): value is ResultFrame {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { id?: unknown }).id === "number" &&
    ((value as { error?: unknown }).error === undefined ||
      typeof (value as { error?: unknown }).error === "string")
  );
}
