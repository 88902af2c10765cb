// Hostile Python: each is not passed, the host is untouched and memory stays bounded. Each probe
// prints what it managed to do; the assertions read that output and check the host itself.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runPythonSubmission } from "./runner";
import { describeSandbox, MOMENTUM, rosenbrockSpec } from "./test-support";

const SECRET = "descent-test-secret-7c1f";
const run = (code: string, timeoutMs = 3000) =>
  runPythonSubmission({ code, specs: [rosenbrockSpec(), rosenbrockSpec()], timeoutMs });
/** The hostile code runs at the top level, then defines a step that moves nowhere (never passes). */
const probe = (body: string) =>
  `import os, sys\n${body}\ndef init(params):\n    return None\ndef step(params, grad, state, hp):\n    pass\n`;

/** Processes still running the harness (its docstring is in their command line). */
function countSandboxProcesses(): number {
  let count = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("Runs a learner's solution.py")) count++;
    } catch {
      // gone meanwhile
    }
  }
  return count;
}

/** Sandbox processes left after a short grace (a killed process is reaped asynchronously). */
async function countLingeringProcesses(): Promise<number> {
  for (let i = 0; i < 30 && countSandboxProcesses() > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return countSandboxProcesses();
}

let hostDir = "";
let server: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  process.env.DESCENT_TEST_SECRET = SECRET;
  hostDir = mkdtempSync(path.join(tmpdir(), "descent-hostile-"));
  writeFileSync(path.join(hostDir, "secret.txt"), SECRET);
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});

afterAll(() => {
  delete process.env.DESCENT_TEST_SECRET;
  server?.close();
  rmSync(hostDir, { recursive: true, force: true });
});

describeSandbox("hostile Python", () => {
  it("an endless loop at the top level times out at the deadline", async () => {
    const started = Date.now();
    const result = await run("while True:\n    pass\n", 1500);
    expect(result.load.status).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(6000); // bounded even on a loaded machine
    expect(await countLingeringProcesses()).toBe(0);
  });

  it("an endless loop in step times out; the later test is not run", async () => {
    const result = await run(MOMENTUM.replace("    params -=", "    while True: pass\n    params -="), 1500);
    expect(result.load.status).toBe("ok");
    expect(result.runs.map((r) => [r.status, r.ran])).toEqual([
      ["timeout", true],
      ["timeout", false],
    ]);
    expect(await countLingeringProcesses()).toBe(0);
  });

  it("a memory bomb hits the 1 GiB cap", async () => {
    // A generous deadline: on a loaded machine, zeroing 1 GiB can take seconds.
    const array = await run(probe("import numpy as np\nx = np.ones(400_000_000)"), 15_000);
    expect(array.load.status).toBe("memory-limit");
    const list = await run(
      probe("chunks = []\nwhile True:\n    chunks.append(bytearray(50_000_000))"),
      15_000,
    );
    expect(list.load.status).toBe("memory-limit");
    const tmp = await run(probe("open('/tmp/fill', 'wb').write(b'0' * 100_000_000)"));
    expect(tmp.load.status).toBe("runtime-error"); // the file-size limit, then /tmp's 16 MiB
  });

  it("a fork bomb, subprocess, os.system and ctypes' fork and system all fail", async () => {
    const result = await run(
      probe(`import ctypes, subprocess, threading
said = []
for name, attempt in [
    ("fork", os.fork),
    ("subprocess", lambda: subprocess.run(["/bin/sh", "-c", "touch /tmp/escaped"])),
    ("system", lambda: os.system("touch /tmp/escaped")),
    ("ctypes-fork", lambda: ctypes.CDLL("libc.so.6").fork()),
    ("ctypes-system", lambda: ctypes.CDLL("libc.so.6").system(b"touch /tmp/escaped")),
]:
    try:
        said.append(f"{name}={attempt()!r}")
    except Exception as e:
        said.append(f"{name}:{type(e).__name__}")
print(" ".join(said), os.path.exists("/tmp/escaped"))
while True:
    os.fork()`),
    );
    expect(result.load.output).toMatch(
      // system() starts its shell with clone(CLONE_VFORK): refused, it reports exit status 127.
      /^fork:PermissionError subprocess:PermissionError system=32512 ctypes-fork=-1 ctypes-system=32512 False\n/,
    );
    expect(result.load.status).toBe("runtime-error");
    expect(result.load.message).toMatch(/PermissionError/);
  });

  it("cannot reach a port open on the host's loopback", async () => {
    const result = await run(
      probe(`import socket
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        socket.create_connection(("127.0.0.1" if family == socket.AF_INET else "::1", ${port}), timeout=1)
        print("connected")
    except OSError as e:
        print(type(e).__name__, e.errno)`),
    );
    expect(result.load.output).not.toMatch(/connected/);
    expect(result.load.output).toMatch(/PermissionError 1\n/);
    expect(connections).toBe(0);
  });

  it("sees no project file, no host secret, no environment and no home folder", async () => {
    const result = await run(
      probe(`import glob
for target in ["/work/main/package.json", "${hostDir}/secret.txt", "/root", "/home", "/etc/passwd", "/proc/1/root/work"]:
    print(target, os.path.exists(target))
print("cwd", sorted(os.listdir("/")), os.getcwd(), os.getuid(), os.getgid())
for environ in glob.glob("/proc/*/environ"):
    try:
        print(environ, open(environ, "rb").read().replace(b"\\0", b" ").decode())
    except OSError as e:
        print(environ, type(e).__name__)`),
    );
    const output = result.load.output;
    expect(output).not.toContain(SECRET);
    expect(output).toMatch(/\/work\/main\/package\.json False/);
    expect(output).toMatch(/secret\.txt False/);
    expect(output).toMatch(/\/root False\n\/home False\n\/etc\/passwd False/);
    expect(output).toMatch(
      /cwd \['bin', 'dev', 'etc', 'lib', 'lib64', 'proc', 'tmp', 'usr'\] \/tmp 65534 65534/,
    );
  });

  it("cannot write outside its private /tmp", async () => {
    const result = await run(
      probe(`for target in ["/escaped", "/usr/escaped", "/etc/escaped", "/dev/shm/escaped", "/tmp/inside"]:
    try:
        open(target, "w").write("x")
        print(target, "written")
    except OSError as e:
        print(target, type(e).__name__)`),
    );
    expect(result.load.output).toBe(
      "/escaped OSError\n/usr/escaped OSError\n/etc/escaped OSError\n/dev/shm/escaped OSError\n/tmp/inside written\n",
    );
    expect(existsSync("/tmp/inside") || existsSync("/escaped") || existsSync("/usr/escaped")).toBe(false);
  });

  it("a forged result printed or written to the channel becomes no result", async () => {
    const printed = await run(probe(`print('{"verdict": "passed", "tests": []}')\nos._exit(0)`));
    expect(printed.load.status).toBe("runtime-error");
    expect(printed.runs).toEqual([]);
    const garbage = await run(probe(`os.write(3, b"\\x01" + b"\\xff" * 64)\nos._exit(0)`));
    expect(garbage.load.status).toBe("runtime-error");
    expect(garbage.load.message).toMatch(/interfered with the grader/);
  });

  it("replacing json, print, struct, os.write, builtins and NumPy functions does not change the records", async () => {
    const patched = `import builtins, json, os, struct, numpy as np
json.dumps = json.loads = lambda *a, **k: "forged"
struct.pack = lambda *a: b"forged"
os.write = lambda fd, data: len(data)
builtins.print = builtins.float = builtins.len = builtins.isinstance = lambda *a, **k: 0
np.zeros = np.asarray = np.add = np.multiply = np.sin = np.array_equal = lambda *a, **k: 0
${MOMENTUM.replace("import numpy as np", "").replace("np.zeros_like(params)", "params * 0.0")}`;
    const clean = await run(MOMENTUM);
    const result = await run(patched);
    expect(result.runs.map((r) => r.status)).toEqual(["ok", "ok"]);
    expect(Array.from(result.runs[0]?.recorded ?? [])).toEqual(Array.from(clean.runs[0]?.recorded ?? []));
  });

  it("flooding stdout and stderr keeps 4 KB and stops the flood", async () => {
    const started = Date.now();
    const result = await run(
      probe(`import threading
def flood_stderr():
    while True:
        os.write(2, b"e" * 65536)
threading.Thread(target=flood_stderr, daemon=True).start()
while True:
    print("o" * 65536)`),
      2500,
    );
    expect(["timeout", "runtime-error"]).toContain(result.load.status);
    expect(result.load.output.length).toBeLessThan(5000);
    expect(result.load.output).toMatch(/\[output truncated at 4 KB\]\n$/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("os._exit in step ends the submission with a runtime error", async () => {
    const result = await run(
      MOMENTUM.replace("    params -=", "    os._exit(0)\n    params -=").replace(
        "import numpy",
        "import os, numpy",
      ),
    );
    expect(result.runs[0]).toMatchObject({ status: "runtime-error", ran: true, stepsRun: 0 });
    expect(result.runs[0]?.message).toMatch(/exited with code 0 before the test finished/);
    expect(result.runs[1]).toMatchObject({ status: "runtime-error", ran: false });
  });

  it("signals reach only the sandbox: the parent, pid 1 and every process it can see", async () => {
    const sentinel = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      // Inside its pid namespace the parent is bwrap's init (pid 1), which ignores SIGKILL sent
      // from within; kill(-1) reaches only the sandbox's processes. Nothing outside is signalled.
      for (const target of ["os.getppid()", "1", "-1"]) {
        const result = await run(
          probe(
            `import signal\ntry:\n    os.kill(${target}, signal.SIGKILL)\nexcept ProcessLookupError:\n    pass\nprint("alive", os.getpid(), os.getppid())`,
          ),
        );
        expect(result.load.output).toBe("alive 2 1\n");
        expect(result.runs[0]?.mistakes.map((m) => m.id)).toEqual(["params-rebound"]);
      }
      const self = await run(probe("import signal\nos.kill(os.getpid(), signal.SIGKILL)"));
      expect(self.load.status).toBe("runtime-error");
      expect(self.load.message).toMatch(/killed by SIGKILL|code 137/);
      expect(sentinel.exitCode).toBeNull();
      expect(sentinel.signalCode).toBeNull();
      expect(await countLingeringProcesses()).toBe(0);
    } finally {
      sentinel.kill();
    }
  });
});
