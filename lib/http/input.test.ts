import { describe, expect, it } from "vitest";
import {
  exceedsJsonDepth,
  findMalformedString,
  getAllowedOrigins,
  isAllowedOrigin,
  isJsonContentType,
  isWellFormed,
  MAX_JSON_DEPTH,
  readBoundedText,
} from "./input";

describe("isJsonContentType", () => {
  it("matches the media type exactly, not a substring", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=UTF-8")).toBe(true);
    expect(isJsonContentType("text/plain; charset=application/json")).toBe(false);
    expect(isJsonContentType("application/json-patch+json")).toBe(false);
    expect(isJsonContentType("application/json; charset=latin1")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe("lone surrogates", () => {
  it("are found in any string, key or value, nested", () => {
    expect(isWellFormed("ok 😀")).toBe(true);
    expect(isWellFormed("\ud800")).toBe(false);
    expect(isWellFormed("x\udc00")).toBe(false);
    expect(findMalformedString({ code: "fine", nested: [{ a: "\ud800" }] })).toEqual(["nested", "0", "a"]);
    expect(findMalformedString({ "\udfff": 1 })).toEqual(["(key)"]);
    expect(findMalformedString({ a: ["😀", 1, null] })).toBeNull();
  });

  it("are reported first in document order, a key before what is under it", () => {
    expect(findMalformedString({ a: ["ok", { "\ud800": "\udc00" }], b: "\ud800" })).toEqual([
      "a",
      "1",
      "(key)",
    ]);
    expect(findMalformedString(["\udc00", "\ud800"])).toEqual(["0"]);
  });

  it("are looked for without recursion: 100,000 levels deep", () => {
    let value: unknown = ["\ud800"];
    for (let level = 0; level < 100_000; level++) value = [value];
    expect(findMalformedString(value)).toHaveLength(100_001);
  });
});

describe("exceedsJsonDepth", () => {
  it("counts nested objects and arrays, not brackets inside strings", () => {
    const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth(`{"a":${nested(3000)}}`)).toBe(true);
    expect(exceedsJsonDepth(JSON.stringify({ s: "[".repeat(100), t: '\\"[[[' }))).toBe(false);
    // Five levels: {, {, [, {, [.
    expect(exceedsJsonDepth(JSON.stringify({ a: { b: [{ c: [1] }] } }), 5)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: { b: [{ c: [1] }] } }), 4)).toBe(true);
  });
});

describe("readBoundedText", () => {
  const stream = (chunks: Uint8Array[]) => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const next = chunks[pulled++];
          if (next) controller.enqueue(next);
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    return { body, pulled: () => pulled };
  };
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("joins the chunks of a body within the limit (multi-byte characters split across chunks)", async () => {
    const whole = bytes('{"name":"Ada 😀"}');
    const { body } = stream([whole.slice(0, 13), whole.slice(13, 15), whole.slice(15)]);
    expect(await readBoundedText(body, 100)).toEqual({ ok: true, text: '{"name":"Ada 😀"}' });
    expect(await readBoundedText(null, 100)).toEqual({ ok: true, text: "" });
  });

  it("stops at the first chunk past the limit and pulls nothing more", async () => {
    const { body, pulled } = stream(Array.from({ length: 100 }, () => new Uint8Array(10)));
    expect(await readBoundedText(body, 25)).toEqual({ ok: false, reason: "too-large", bytesRead: 30 });
    expect(pulled()).toBe(3);
  });

  it("refuses bytes that are not UTF-8", async () => {
    const { body } = stream([new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])]);
    expect(await readBoundedText(body, 100)).toEqual({ ok: false, reason: "not-utf8" });
  });
});

describe("origins", () => {
  const headers = (value: Record<string, string>) => new Headers(value);
  it("compare scheme, host and port with APP_ORIGIN, never Host or X-Forwarded-Host", () => {
    const allowed = getAllowedOrigins("https://descent.example");
    expect(allowed).toEqual(["https://descent.example"]);
    expect(isAllowedOrigin(headers({ origin: "https://descent.example" }), allowed)).toBe(true);
    expect(isAllowedOrigin(headers({ origin: "http://descent.example" }), allowed)).toBe(false);
    expect(
      isAllowedOrigin(
        headers({ origin: "https://evil.example", "x-forwarded-host": "evil.example" }),
        allowed,
      ),
    ).toBe(false);
    expect(isAllowedOrigin(headers({ referer: "https://descent.example/exercises/adam" }), allowed)).toBe(
      true,
    );
    expect(isAllowedOrigin(headers({ origin: "null" }), allowed)).toBe(false);
  });

  it("accept the other loopback names of a local APP_ORIGIN, same scheme and port", () => {
    expect(getAllowedOrigins("http://localhost:3000")).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
    ]);
  });
});
