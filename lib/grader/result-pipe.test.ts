import { describe, expect, it } from "vitest";
import { encodeResultFrame, type ResultFrame, ResultFrameReader } from "./result-pipe";

const collect = (maxBytes?: number) => {
  const frames: ResultFrame[] = [];
  const reader = new ResultFrameReader((frame) => frames.push(frame), maxBytes);
  return { frames, reader };
};

describe("the grader process's answer pipe", () => {
  it("reads frames split across chunks and several frames in one chunk", () => {
    const { frames, reader } = collect();
    const bytes = Buffer.concat([
      encodeResultFrame({ id: 1, result: { verdict: "passed", text: "é∑" } }),
      encodeResultFrame({ id: 2, error: "boom" }),
    ]);
    for (let i = 0; i < bytes.length; i += 3) expect(reader.push(bytes.subarray(i, i + 3))).toBe(true);
    expect(frames).toEqual([
      { id: 1, result: { verdict: "passed", text: "é∑" } },
      { id: 2, error: "boom" },
    ]);
  });

  it("gives up on a frame over the cap from its header, before its body arrives", () => {
    const { frames, reader } = collect(1000);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(100 * 1024 * 1024, 0);
    expect(reader.push(header)).toBe(false);
    expect(reader.error).toMatch(/104857600 bytes \(the limit is 1000\)/);
    // Nothing more is taken in once it has given up.
    expect(reader.push(Buffer.alloc(10_000))).toBe(false);
    expect(frames).toEqual([]);
  });

  it("accepts a frame exactly at the cap and refuses one byte more", () => {
    const frame = encodeResultFrame({ id: 7, result: "x".repeat(50) });
    const size = frame.length - 4;
    const exact = collect(size);
    expect(exact.reader.push(frame)).toBe(true);
    expect(exact.frames).toHaveLength(1);
    const under = collect(size - 1);
    expect(under.reader.push(frame)).toBe(false);
  });

  it("refuses a body that is not JSON or has no job id", () => {
    const raw = (text: string) => {
      const body = Buffer.from(text);
      const header = Buffer.alloc(4);
      header.writeUInt32LE(body.length, 0);
      return Buffer.concat([header, body]);
    };
    const notJson = collect();
    expect(notJson.reader.push(raw("{nope"))).toBe(false);
    expect(notJson.reader.error).toMatch(/not JSON/);
    const noId = collect();
    expect(noId.reader.push(raw('{"result":1}'))).toBe(false);
    expect(noId.reader.error).toMatch(/job id/);
  });
});
