import { describe, expect, it } from "vitest";
import {
  findMalformedString,
  getAllowedOrigins,
  isAllowedOrigin,
  isJsonContentType,
  isWellFormed,
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
