import {
  addCost,
  admission,
  type Cost,
  decayUsage,
  isQuiet,
  isSpent,
  NO_COST,
  orderOf,
  type Usage,
  usageKeys,
} from "./policy";
import type { QueuePosition } from "./transport";

// The in-process pool's waiting room (lib/grader/pool.ts): the jobs waiting for a grader process,
// the learners and tickets with a job waiting or running, and the usage records that order them,
// all by the grading policy (policy.ts). The queue keeps the same records in Redis (lib/queue).

/** What the waiting room needs to know of a job. */
export type FairJob = {
  id: number;
  /** Fairness keys: the learner (one job at a time) and, when given, the network client. */
  learner: string;
  client: string | null;
  ticket: string | null;
  /** False for anonymous jobs (CLI, benchmarks, a worker's): no learner usage is recorded for them. */
  tracked: boolean;
  /** Moved off a quiet process once (policy.preemptsAfterMs): it runs on general processes only. */
  generalOnly: boolean;
};

export class FairQueue<J extends FairJob> {
  /** Jobs waiting for a grader process, in arrival order. */
  readonly waiting: J[] = [];
  /** Jobs waiting or running, by learner (one each) and by the caller's ticket. */
  private readonly active = new Map<string, J>();
  private readonly tickets = new Map<string, J>();
  private readonly usage = new Map<string, Usage>();

  /** `running`: what the client's jobs being graded have cost so far (policy.runningCost). */
  constructor(private readonly running: (client: string | null, now: number) => Cost) {}

  /** Whether the learner has a job waiting or running. */
  has(learner: string): boolean {
    return this.active.has(learner);
  }

  /** Adds a job to the room, and to the learners and tickets with a job. */
  enter(job: J): void {
    this.active.set(job.learner, job);
    if (job.ticket !== null) this.tickets.set(job.ticket, job);
    this.waiting.push(job);
  }

  /** Takes a waiting job out of the room (it runs, or it is dropped); false when it was not waiting. */
  take(job: J): boolean {
    const index = this.waiting.indexOf(job);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  /** Puts a job back (lost before its process acknowledged it: first; moved off a quiet process: by order). */
  putBack(job: J, first: boolean): void {
    if (first) this.waiting.unshift(job);
    else this.waiting.push(job);
  }

  /** The job is answered: the learner may submit again, its ticket is forgotten. */
  release(job: J): void {
    if (this.active.get(job.learner) === job) this.active.delete(job.learner);
    if (job.ticket !== null && this.tickets.get(job.ticket) === job) this.tickets.delete(job.ticket);
  }

  /** Adds what a job cost to its learner's record (tracked jobs only) and its client's. */
  charge(job: J, cost: Cost, now: number): void {
    const keys = usageKeys(job.learner, job.client);
    for (const key of [job.tracked ? keys.learner : null, keys.client])
      if (key !== null) this.usage.set(key, addCost(this.usage.get(key), cost, now));
    if (this.usage.size > 10_000)
      for (const [key, usage] of this.usage) if (isSpent(usage, now)) this.usage.delete(key);
  }

  /** Forgets every usage record (tests and benchmarks). */
  resetUsage(): void {
    this.usage.clear();
  }

  private usagesOf(job: J, now: number): [Cost, Cost, Cost] {
    const keys = usageKeys(job.learner, job.client);
    const of = (key: string | null) => (key === null ? NO_COST : decayUsage(this.usage.get(key), now));
    return [of(keys.learner), of(keys.client), this.running(job.client, now)];
  }

  /** policy.orderOf for this job (lower is served first). */
  orderOf(job: J, now: number): number {
    return orderOf(...this.usagesOf(job, now));
  }

  /** Whether the job may run on a quiet process (policy.isQuiet, and not moved off one before). */
  mayUseQuiet(job: J, now: number): boolean {
    return !job.generalOnly && isQuiet(...this.usagesOf(job, now));
  }

  /**
   * The waiting job a quiet process takes: of those that may use it, one whose learner has
   * recorded grading time (known to be light) before strangers, each in serving order. Fresh
   * learners look quiet until their first job shows otherwise; a learner already seen to be light
   * does not wait behind them.
   */
  nextForQuiet(order: J[], now: number): number {
    const eligible = order.map((job, i) => [job, i] as const).filter(([job]) => this.mayUseQuiet(job, now));
    const known = eligible.find(([job]) => this.usage.has(usageKeys(job.learner, job.client).learner));
    return (known ?? eligible[0])?.[1] ?? -1;
  }

  /** The waiting jobs in the order they will be served (policy.orderOf, then arrival). */
  servingOrder(now: number): J[] {
    return this.waiting
      .map((job) => ({ job, order: this.orderOf(job, now) }))
      .sort((a, b) => a.order - b.order || a.job.id - b.job.id)
      .map((entry) => entry.job);
  }

  /**
   * policy.admission for a new job when `limit` may wait: "refuse", or room (null, or the job served
   * last, taken out of the room to make room: the caller answers it "busy").
   */
  admit(job: J, limit: number, now: number): "refuse" | { evicted: J | null } {
    const last = this.servingOrder(now).at(-1);
    const decision = admission({
      waiting: this.waiting.length,
      limit,
      last: last ? this.orderOf(last, now) : null,
      incoming: this.orderOf(job, now),
    });
    if (decision === "refuse") return "refuse";
    if (decision === "admit" || !last) return { evicted: null };
    this.take(last);
    this.release(last);
    return { evicted: last };
  }

  /** Where the learner's (or the ticket's) job stands; `ahead` is a snapshot. */
  position(by: { learner: string } | { ticket: string }, now: number): QueuePosition {
    const job = "learner" in by ? this.active.get(by.learner) : this.tickets.get(by.ticket);
    if (!job) return { state: "none" };
    const ahead = this.servingOrder(now).indexOf(job);
    return ahead < 0 ? { state: "grading" } : { state: "waiting", ahead };
  }
}
