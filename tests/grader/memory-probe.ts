// Samples the peak memory of the grader processes while a promise runs (tests and bench:abuse).
import { readFileSync } from "node:fs";
import { graderProcesses } from "@/lib/grader/pool";

export type MemoryPeak = { rssMb: number; hwmMb: number; dataMb: number; pids: number[] };

function readStatus(pid: number): { rss: number; hwm: number; data: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
    return { rss: kb("VmRSS"), hwm: kb("VmHWM"), data: kb("VmData") };
  } catch {
    return null; // exited between listing and reading
  }
}

/**
 * Runs `work` while sampling every grader process every `everyMs`: the highest VmRSS, VmHWM
 * (the kernel's own peak, so growth between samples is not missed while the process lives) and
 * VmData seen in any one process, in MB.
 */
export async function withPeakMemory<T>(work: () => Promise<T>, everyMs = 5): Promise<[T, MemoryPeak]> {
  const peak: MemoryPeak = { rssMb: 0, hwmMb: 0, dataMb: 0, pids: [] };
  const sample = () => {
    for (const { pid } of graderProcesses()) {
      const s = readStatus(pid);
      if (!s) continue;
      if (!peak.pids.includes(pid)) peak.pids.push(pid);
      peak.rssMb = Math.max(peak.rssMb, s.rss / 1024);
      peak.hwmMb = Math.max(peak.hwmMb, s.hwm / 1024);
      peak.dataMb = Math.max(peak.dataMb, s.data / 1024);
    }
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await work();
    sample();
    return [result, peak];
  } finally {
    clearInterval(timer);
  }
}
