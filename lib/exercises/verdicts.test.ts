import { describe, expect, it } from "vitest";
import { type GradeVerdict, REFUSALS, type Verdict, VERDICTS, VerdictSchema } from "@/lib/grader/result";
import { formatVerdict, pickBestSubmissions, VERDICT_RANK } from "./verdicts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));

describe("pickBestSubmissions", () => {
  it("picks the best verdict by rank, ties by the latest, and counts the attempts", () => {
    const best = pickBestSubmissions([
      { exerciseSlug: "momentum", verdict: "failed", createdAt: at(1) },
      { exerciseSlug: "momentum", verdict: "passed", createdAt: at(2) },
      { exerciseSlug: "momentum", verdict: "timeout", createdAt: at(3) },
      { exerciseSlug: "momentum", verdict: "passed", createdAt: at(4) },
      { exerciseSlug: "momentum", verdict: "failed", createdAt: at(5) },
      // A later compile error does not hide an earlier wrong answer.
      { exerciseSlug: "adam", verdict: "failed", createdAt: at(1) },
      { exerciseSlug: "adam", verdict: "compile-error", createdAt: at(2) },
    ]);
    expect(best.get("momentum")).toEqual({
      exerciseSlug: "momentum",
      verdict: "passed",
      createdAt: at(4),
      attempts: 5,
    });
    expect(best.get("adam")).toMatchObject({ verdict: "failed", createdAt: at(1), attempts: 2 });
  });

  it("does not depend on the order of the rows", () => {
    const rows = [
      { exerciseSlug: "adam", verdict: "runtime-error", createdAt: at(1) },
      { exerciseSlug: "adam", verdict: "non-finite", createdAt: at(2) },
      { exerciseSlug: "adam", verdict: "missing-export", createdAt: at(3) },
    ] satisfies { exerciseSlug: string; verdict: Verdict; createdAt: Date }[];
    expect(pickBestSubmissions(rows).get("adam")?.verdict).toBe("non-finite");
    expect(pickBestSubmissions([...rows].reverse()).get("adam")?.verdict).toBe("non-finite");
  });
});

describe("verdicts", () => {
  it("rank passed first, then failed, each verdict once", () => {
    const ranked = [...VERDICTS].sort((a, b) => VERDICT_RANK[b] - VERDICT_RANK[a]);
    expect(ranked.slice(0, 2)).toEqual(["passed", "failed"]);
    expect(new Set(Object.values(VERDICT_RANK)).size).toBe(VERDICTS.length);
  });

  it("label every verdict and refusal", () => {
    expect(formatVerdict("non-finite")).toBe("Non-finite values");
    expect(formatVerdict("busy")).toBe("Grader busy");
    for (const verdict of [...VERDICTS, ...REFUSALS]) expect(formatVerdict(verdict)).not.toBe("");
  });

  it("parse stored values, and refuse refusals and the old pass/fail spellings", () => {
    expect(VerdictSchema.parse("memory-limit")).toBe("memory-limit");
    for (const value of ["busy", "too-large", "pass", "fail", "error", ""])
      expect(VerdictSchema.safeParse(value).success).toBe(false);
  });

  it("are checked by the compiler (npm run typecheck fails when a line below compiles)", () => {
    // @ts-expect-error "pass" is not a verdict: submissions store "passed".
    const misspelt: Verdict = "pass";
    // @ts-expect-error a refusal is an answer to a request, never a stored submission's verdict.
    const refusal: Verdict = "busy";
    // @ts-expect-error nor is anything else.
    const unknown: GradeVerdict = "error";
    // @ts-expect-error a rank table must name every verdict.
    const incomplete: Record<Verdict, number> = { passed: 1, failed: 0 };
    // @ts-expect-error formatVerdict takes verdicts, not any string.
    formatVerdict("pass");
    expect([misspelt, refusal, unknown, Object.keys(incomplete)]).toBeDefined();
  });
});
