import { describe, expect, it } from "vitest";
import { DomainError } from "../domain-error";
import { describeError, HttpError, TooManyRequestsError } from "./errors";

describe("describeError, the one mapping from errors to HTTP answers", () => {
  it("answers each kind of domain error with its status, and its details as fields", () => {
    const statuses = Object.fromEntries(
      (["invalid", "unidentified", "not-found", "conflict", "withdrawn"] as const).map((kind) => [
        kind,
        describeError(new DomainError(kind, "m"))?.status,
      ]),
    );
    expect(statuses).toEqual({
      invalid: 400,
      unidentified: 401,
      "not-found": 404,
      conflict: 409,
      withdrawn: 499,
    });
    expect(describeError(new DomainError("conflict", "Stale.", { card: { id: "adam" } }))).toEqual({
      status: 409,
      message: "Stale.",
      fields: { card: { id: "adam" } },
      headers: {},
    });
  });

  it("answers an HttpError as it says, headers included, and knows nothing else", () => {
    expect(describeError(new HttpError(415, "JSON, please."))).toMatchObject({
      status: 415,
      message: "JSON, please.",
    });
    expect(describeError(new TooManyRequestsError("Slow down.", 7))).toMatchObject({
      status: 429,
      headers: { "Retry-After": "7" },
    });
    expect(describeError(new Error("a bug"))).toBeNull();
    expect(describeError("thrown string")).toBeNull();
  });
});
