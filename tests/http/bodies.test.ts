import { describe, expect, it } from "vitest";

// Request bodies are read as a stream with a byte limit: a chunked body has
// no Content-Length to check, and reading it whole before measuring it took a production server
// from 323 to 1,034 MB with three 100 MB POSTs. These tests count the bytes a route pulls.
const ORIGIN = "http://127.0.0.1:3999";
process.env.APP_ORIGIN = ORIGIN;
process.env.DESCENT_PEER_HEADER = "1";

const { HttpError, readJsonValue } = await import("@/lib/http/route.server");

const KiB = 1024;
const LIMIT = 64 * KiB;
const CHUNK = 16 * KiB;

/** A body of `total` bytes in `chunk`-sized pieces, made only when pulled; counts what was pulled. */
function countingBody(total: number, chunk = CHUNK, fill = 0x20) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close();
        const size = Math.min(chunk, total - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size).fill(fill));
      },
    },
    // Nothing is made ahead of a read: what was pulled is what the reader asked for.
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

let peer = 0;
/** A POST from its own client address (so the oversized-body limit of one test touches no other). */
function post(body: BodyInit, headers: Record<string, string> = {}, address = `10.77.0.${++peer}`) {
  return new Request(`${ORIGIN}/api/cards/rate`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-descent-peer": address, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof HttpError>> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as InstanceType<typeof HttpError>;
}

describe("request bodies are read within their limit", () => {
  it("refuses a chunked body over the limit with 413, having pulled at most the limit plus one chunk", async () => {
    const body = countingBody(10 * 1024 * KiB);
    const error = await refusal(readJsonValue(post(body.stream), LIMIT));
    expect(error.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + CHUNK);
    // The rest is never read, so the connection is not kept for another request.
    expect(error.headers.Connection).toBe("close");
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const body = countingBody(10 * 1024 * KiB);
    const error = await refusal(
      readJsonValue(post(body.stream, { "content-length": String(10 * 1024 * KiB) }), LIMIT),
    );
    expect(error.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it("reads a body under a false, small Content-Length only up to the limit", async () => {
    const body = countingBody(10 * 1024 * KiB);
    const error = await refusal(readJsonValue(post(body.stream, { "content-length": "10" }), LIMIT));
    expect(error.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + CHUNK);
  });

  it("reads a chunked body within the limit in full", async () => {
    const text = JSON.stringify({ rating: 3, filler: "x".repeat(40 * KiB) });
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 1000));
        offset += 1000;
      },
    });
    expect(await readJsonValue(post(stream), LIMIT)).toEqual(JSON.parse(text));
  });

  it("costs the client a limit point per oversized body: then 429 before reading anything, other clients unaffected", async () => {
    const { OVERSIZED_BODY_LIMIT } = await import("@/lib/http/body-limit.server");
    const address = "10.78.0.1";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < OVERSIZED_BODY_LIMIT.points + 1; attempt++) {
      const body = countingBody(LIMIT * 4);
      statuses.push((await refusal(readJsonValue(post(body.stream, {}, address), LIMIT))).status);
    }
    expect(statuses).toEqual([...Array(OVERSIZED_BODY_LIMIT.points).fill(413), 429]);
    // Out of points: even a small body from that client is refused before a byte is read.
    const small = countingBody(10);
    const refused = await refusal(readJsonValue(post(small.stream, {}, address), LIMIT));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["Retry-After"])).toBeGreaterThan(0);
    expect(small.pulled()).toBe(0);
    expect(await readJsonValue(post('{"rating":3}', {}, "10.78.0.2"), LIMIT)).toEqual({ rating: 3 });
  });

  it("refuses invalid UTF-8 with 400 rather than replacing it", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xff, 0xfe, 0x22, 0x7d]);
    const error = await refusal(readJsonValue(post(bytes), LIMIT));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/UTF-8/);
  });
});

describe("no 500 from nesting", () => {
  const nested = (levels: number) => `{"rating":${"[".repeat(levels)}${"]".repeat(levels)}}`;

  it("answers 400 for deeply nested JSON within the size limit (3,000 and 30,000 levels), before parsing", async () => {
    for (const levels of [3_000, 30_000]) {
      const text = nested(levels);
      expect(text.length).toBeLessThan(LIMIT);
      const error = await refusal(readJsonValue(post(text), LIMIT));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/nested/);
    }
  });

  it("still reads bodies nested a few levels, brackets inside strings not counted", async () => {
    const value = { answer: { a: [[1, 2]], b: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" } };
    expect(await readJsonValue(post(JSON.stringify(value)), LIMIT)).toEqual(value);
  });
});
