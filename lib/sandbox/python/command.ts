// The command line of one sandboxed Python process: prlimit's resource limits around bwrap's fresh
// namespaces (availability.mjs), the system-call filter on fd 4, and the harness as `-c` source so
// that no project file is mounted. Paths resolve from the working directory, as lib/grader/pool.ts
// does: a bundler may move this module, the repository root stays where the server starts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BWRAP_PATH, getBaseBwrapArgs, PRLIMIT_PATH, PYTHON_PATH } from "./availability.mjs";

/** Address-space cap of the sandboxed process (NumPy and OpenBLAS take about 350 MB of it at start). */
export const DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024;
/**
 * Processes (threads count too): a second line behind the filter's fork ban. RLIMIT_NPROC also
 * counts the grader user's processes outside the sandbox, so it cannot be tight; it does not bind
 * at all when the grader runs as root (the sandbox's uid maps to root), which is why the runner
 * refuses to run as root without the filter.
 */
const MAX_PROCESSES = 256;
/** Largest file the learner can write (in the private /tmp). */
const MAX_FILE_BYTES = 1024 * 1024;
/** Open files: Python with NumPy needs about a dozen. */
const MAX_OPEN_FILES = 64;
/** The fd on which bwrap reads the BPF program. */
export const SECCOMP_FD = 4;
/** The fd of the result channel. */
export const RESULT_FD = 3;

const SOURCE_DIR = path.join("lib", "sandbox", "python");

function readSource(file: string): string {
  return readFileSync(path.resolve(process.cwd(), SOURCE_DIR, file), "utf8");
}

let harness: string | null = null;
/** The harness's source, read once: the NumPy objectives, then the loop (harness.py calls them). */
export function getHarnessSource(): string {
  harness ??= `${readSource("harness_objectives.py")}\n\n${readSource("harness.py")}`;
  return harness;
}

let filter: { bpf: Buffer } | { skipped: string } | null = null;

/**
 * The seccomp BPF program, generated once per process by python3-seccomp on the host (a fixed
 * script, never learner code). Without python3-seccomp the sandbox still holds (namespaces, no
 * network, limits), so the filter is skipped with a reason rather than refusing Python grading.
 */
export function getSeccompFilter(): { bpf: Buffer } | { skipped: string } {
  if (filter) return filter;
  const result = spawnSync(PYTHON_PATH, ["-I", "-c", readSource("seccomp_filter.py")], {
    timeout: 20_000,
    maxBuffer: 1 << 20,
  });
  filter =
    result.status === 0 && result.stdout.length > 0 && result.stdout.length % 8 === 0
      ? { bpf: result.stdout }
      : { skipped: `python3-seccomp is not available (${String(result.stderr).trim().split("\n").pop()})` };
  return filter;
}

/** prlimit + bwrap + python argv for one submission. */
export function getSandboxCommand(options: {
  cpuSeconds: number;
  memoryBytes: number;
  withSeccomp: boolean;
}): { file: string; args: string[] } {
  const limits = [
    `--cpu=${options.cpuSeconds}:${options.cpuSeconds + 1}`,
    `--as=${options.memoryBytes}`,
    `--nproc=${MAX_PROCESSES}`,
    `--fsize=${MAX_FILE_BYTES}`,
    `--nofile=${MAX_OPEN_FILES}`,
    "--core=0", // no core dump (a core_pattern pipe would hand the memory to a host program)
    "--memlock=0",
    "--msgqueue=0",
  ];
  const seccomp = options.withSeccomp ? ["--seccomp", String(SECCOMP_FD)] : [];
  return {
    file: PRLIMIT_PATH,
    args: [
      ...limits,
      "--",
      BWRAP_PATH,
      ...getBaseBwrapArgs(),
      ...seccomp,
      PYTHON_PATH,
      "-I", // no PYTHON* variables, no user site, no script directory on sys.path
      "-B",
      "-c",
      getHarnessSource(),
    ],
  };
}
