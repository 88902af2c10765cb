import { describe, expect, it } from "vitest";
import { decideSolutionAccess, FAILED_ATTEMPTS_BEFORE_REVEAL, isSolutionOpen } from "./solution-access";

describe("access to a reference solution", () => {
  it("opens after a pass, whatever came before", () => {
    const access = decideSolutionAccess({ passed: true, failedAttempts: 0, revealed: false });
    expect(access.state).toBe("passed");
    expect(isSolutionOpen(access)).toBe(true);
  });

  it(`may be asked for after ${FAILED_ATTEMPTS_BEFORE_REVEAL} failed submissions, not before`, () => {
    const at = (failedAttempts: number) =>
      decideSolutionAccess({ passed: false, failedAttempts, revealed: false }).state;
    expect(at(FAILED_ATTEMPTS_BEFORE_REVEAL - 1)).toBe("locked");
    expect(at(FAILED_ATTEMPTS_BEFORE_REVEAL)).toBe("available");
    expect(isSolutionOpen(decideSolutionAccess({ passed: false, failedAttempts: 5, revealed: false }))).toBe(
      false,
    );
  });

  it("stays open once asked for", () => {
    const access = decideSolutionAccess({ passed: false, failedAttempts: 3, revealed: true });
    expect(access).toEqual({ state: "revealed", failedAttempts: 3, needed: FAILED_ATTEMPTS_BEFORE_REVEAL });
    expect(isSolutionOpen(access)).toBe(true);
  });
});
