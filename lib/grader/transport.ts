// What the routes need from grading, whichever way it runs: the in-process pool (lib/grader/pool.ts,
// `poolTransport`) and the Redis queue (lib/queue/grading-client.server.ts, `queueTransport`) both
// implement GradingTransport, and lib/grading/index.server.ts picks one. lib/grader never imports
// lib/queue: the queue depends on this contract, not the reverse.
import { DomainError } from "../domain-error";
import type { Language } from "../harness/languages";
import { TEXTS } from "./policy";
import type { GradeResult } from "./result";

/** What a grader needs to grade one submission: it travels to grader processes and queue workers. */
export interface GradeJobInput {
  exercise: string;
  code: string;
  /** The code's language; TypeScript when omitted. */
  language?: Language;
  /** "visible": only the tests the page shows (Python's Run); every test when omitted. */
  scope?: TestScope;
}

/** Which tests a job runs. */
export type TestScope = "visible" | "all";

/** Copies the job fields of a request (what is sent to a grader process or a worker). */
export function toJobInput(input: GradeJobInput): GradeJobInput {
  return {
    exercise: input.exercise,
    code: input.code,
    ...(input.language ? { language: input.language } : {}),
    ...(input.scope ? { scope: input.scope } : {}),
  };
}

/** One submission to grade, and who sent it (for the one-job rule and fair order). */
export interface GradeRequest extends GradeJobInput {
  /** Who submits: at most one job per learner is queued or running. Omitted: no such limit (CLI). */
  learner?: string;
  /** The network client (e.g. peer address): learners behind one client share its fair share. */
  client?: string;
  /** Aborted by the caller when its client goes away: a job still waiting is dropped. */
  signal?: AbortSignal;
  /**
   * A random id the client chose, to ask for the job's place with `ticketPosition` (a first-time
   * guest has no cookie until the submit request answers, so it cannot be found by learner).
   */
  ticket?: string;
  /**
   * The id the result will be stored under. The grading queue (lib/queue) uses it as the job id,
   * so a job taken again after its worker died is still one job; the pool ignores it.
   */
  id?: string;
}

/** Where a submission stands: waiting with `ahead` jobs to be served first, being graded, or none. */
export type QueuePosition = { state: "waiting"; ahead: number } | { state: "grading" } | { state: "none" };

/** Thrown when the learner already has a submission queued or being graded. */
export class LearnerBusyError extends DomainError {
  constructor() {
    super("conflict", TEXTS.learnerBusy);
    this.name = "LearnerBusyError";
  }
}

/** Rejection of a job whose client went away (its AbortSignal fired) before a grader took it. */
export class GradingAbortedError extends DomainError {
  constructor() {
    super("withdrawn", TEXTS.withdrawn);
    this.name = "AbortError";
  }
}

/** The grader's state for /api/health. */
export type GraderHealth =
  | { mode: "in-process"; ok: true; processes: number }
  | {
      mode: "queue";
      ok: boolean;
      waiting?: number;
      active?: number;
      failed?: number;
      workers?: number;
      /** Each live worker's announcement: its grader processes and whether it can grade Python. */
      workerList?: Array<{
        name: string;
        processes: number;
        python: { available: true } | { available: false; reason: string } | null;
      }>;
      error?: string;
    };

/**
 * A way of grading. `grade` throws for an unknown exercise, throws LearnerBusyError when the
 * learner already has a job queued or running, rejects with GradingAbortedError when the request's
 * signal fires before a grader takes the job, and answers "busy" (lib/grader/policy.ts) when the
 * waiting room is full of learners who have used less grading time, "too-large" above MAX_CODE_BYTES.
 */
export interface GradingTransport {
  grade(request: GradeRequest): Promise<GradeResult>;
  /** Whether the learner has a submission waiting or being graded (the route answers 409 first). */
  isLearnerGrading(learner: string): Promise<boolean>;
  /** Where the learner's submission stands; a snapshot, since priorities change as jobs finish. */
  learnerPosition(learner: string): Promise<QueuePosition>;
  /** learnerPosition for the job submitted with this ticket (GradeRequest.ticket). */
  ticketPosition(ticket: string): Promise<QueuePosition>;
  health(): Promise<GraderHealth>;
}
