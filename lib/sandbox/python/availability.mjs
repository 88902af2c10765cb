// Whether learner Python can be sandboxed on this machine, and if not, why. Plain JavaScript so
// that scripts/ensure-python.mjs (run by plain node before the tests) and the TypeScript runner
// share one answer. Nothing here runs learner code: the probe runs a fixed `import numpy` inside
// the same bubblewrap command line the runner uses, so a refusal is found before any submission.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

/** The interpreter with Debian's NumPy (the pyenv `python3` on PATH cannot see Debian's packages). */
export const PYTHON_PATH = "/usr/bin/python3";
/** Debian's bubblewrap. */
export const BWRAP_PATH = "/usr/bin/bwrap";
/** util-linux's prlimit, which sets the resource limits before bwrap starts. */
export const PRLIMIT_PATH = "/usr/bin/prlimit";

/**
 * The read-only system paths Python and NumPy need inside the sandbox, bound when they exist.
 * /usr holds the interpreter, the standard library, NumPy and OpenBLAS; /etc/alternatives holds
 * the symlinks Debian uses to choose the BLAS; /etc/ld.so.cache speeds up library loading.
 */
export const SYSTEM_RO_BINDS = ["/usr", "/etc/alternatives", "/etc/ld.so.cache"];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function exists(file) {
  try {
    accessSync(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** bwrap arguments of an empty sandbox: fresh namespaces, read-only system, private /tmp. */
export function getBaseBwrapArgs() {
  const args = [
    "--unshare-all", // user, pid, network, IPC, mount, UTS and cgroup namespaces
    "--die-with-parent",
    "--new-session",
    "--uid",
    "65534",
    "--gid",
    "65534",
    "--hostname",
    "sandbox",
  ];
  for (const path of SYSTEM_RO_BINDS) if (exists(path)) args.push("--ro-bind", path, path);
  args.push(
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/bin",
    "/bin",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    // The only writable place: a private tmpfs of bounded size (tmpfs pages are not under RLIMIT_AS).
    "--size",
    String(TMP_BYTES),
    "--tmpfs",
    "/tmp",
    "--chdir",
    "/tmp",
    "--clearenv",
    "--setenv",
    "OPENBLAS_NUM_THREADS",
    "1",
    "--setenv",
    "OMP_NUM_THREADS",
    "1",
    "--setenv",
    "MKL_NUM_THREADS",
    "1",
    "--setenv",
    "PYTHONDONTWRITEBYTECODE",
    "1",
    "--setenv",
    "PYTHONHASHSEED",
    "0",
    "--setenv",
    "HOME",
    "/tmp",
    "--setenv",
    "PATH",
    "/usr/bin",
    "--setenv",
    "LANG",
    "C.UTF-8",
  );
  if (exists("/usr/lib64")) args.push("--symlink", "usr/lib64", "/lib64");
  // bwrap's / and /dev are tmpfs of unbounded size: read-only once everything is in place.
  args.push("--remount-ro", "/dev", "--remount-ro", "/");
  return args;
}

/** Size of the sandbox's /tmp. */
export const TMP_BYTES = 16 * 1024 * 1024;

let cached = null;

/**
 * `{ available: true }` or `{ available: false, reason }`, where reason says what is missing and
 * how to fix it (shown by the server's 503 and by scripts/ensure-python.mjs). Probed once per
 * process; `{ refresh: true }` probes again (after an install).
 */
export function getPythonAvailability(options = {}) {
  if (cached && !options.refresh) return cached;
  cached = probePythonAvailability();
  return cached;
}

/** The probe itself, uncached; the paths are parameters so that tests can point at stand-ins. */
export function probePythonAvailability(paths = {}) {
  const bwrap = paths.bwrap ?? BWRAP_PATH;
  const prlimit = paths.prlimit ?? PRLIMIT_PATH;
  const python = paths.python ?? PYTHON_PATH;
  if (process.platform !== "linux")
    return { available: false, reason: "Python grading needs Linux (bubblewrap user namespaces)." };
  if (!isExecutable(bwrap))
    return { available: false, reason: `bubblewrap is not installed (${bwrap}): apt-get install bubblewrap` };
  if (!isExecutable(prlimit))
    return { available: false, reason: `prlimit is not installed (${prlimit}): apt-get install util-linux` };
  if (!isExecutable(python))
    return { available: false, reason: `${python} is missing: apt-get install python3-numpy` };
  const numpy = spawnSync(/* turbopackIgnore: true */ python, ["-I", "-c", "import numpy"], {
    encoding: "utf8",
    timeout: 20_000,
  });
  if (numpy.status !== 0)
    return {
      available: false,
      reason: `NumPy is not installed for ${python}: apt-get install python3-numpy`,
    };
  const sandbox = spawnSync(
    /* turbopackIgnore: true */ bwrap,
    [...getBaseBwrapArgs(), python, "-I", "-c", "import numpy; print('ok')"],
    {
      encoding: "utf8",
      timeout: 20_000,
    },
  );
  if (sandbox.status !== 0 || sandbox.stdout.trim() !== "ok") {
    const said = `${sandbox.stderr ?? ""}`.trim().split("\n")[0] ?? "";
    const refused = /namespace|Operation not permitted|setting up uid map|Permission denied/i.test(said);
    return {
      available: false,
      reason: refused
        ? `bubblewrap cannot create user namespaces here (${said}); allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 or kernel.apparmor_restrict_unprivileged_userns=0) or run the grader in a VM`
        : `bubblewrap could not start Python with NumPy (${said || `exit ${sandbox.status}`})`,
    };
  }
  return { available: true };
}
