import { readFileSync } from "node:fs";

// What a grader process has used, read from Linux's /proc (the pool runs its processes there in
// production; elsewhere, e.g. macOS during development, these answer null and the pool goes
// without: no retirement for memory, preemption by wall time).

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident memory of a process in MB, or null. */
export function residentMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/**
 * CPU time a process and its descendants have used so far, in ms, or null: its own threads (user
 * and system), its children that have exited, and those still running (a Python submission runs in
 * a sandboxed child of the grader process).
 */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const ticks = treeTicks(pid, 0);
  return ticks === null ? null : (ticks * 1_000) / TICKS_PER_SECOND;
}

function treeTicks(pid: number, depth: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // After "pid (comm) ", whose name may hold spaces: state is field 3; utime, stime, cutime and
  // cstime are fields 14-17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  let ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  if (!Number.isFinite(ticks)) return null;
  if (depth < 4) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean);
    } catch {
      // Not available (older kernels): the children's time counts once they have exited.
    }
    for (const child of children) ticks += treeTicks(Number(child), depth + 1) ?? 0;
  }
  return ticks;
}
