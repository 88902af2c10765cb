import type * as MonacoEditor from "monaco-editor";
import type { RuffRequest, RuffResponse } from "./ruff-lint";

type Monaco = typeof MonacoEditor;
type Editor = MonacoEditor.editor.IStandaloneCodeEditor;

/** The owner of Ruff's markers on a model (Monaco keeps each owner's markers apart). */
const OWNER = "ruff";
/** Typing pauses this long before the code is checked again. */
const DEBOUNCE_MS = 250;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (answer: RuffResponse) => void>();

/** The one Ruff worker of the page, started on the first Python check (the .wasm is fetched then). */
function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./ruff.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<RuffResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    };
  }
  return worker;
}

function check(code: string): Promise<RuffResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage({ id, code } satisfies RuffRequest);
  });
}

/**
 * Ruff's diagnostics on the editor's Python code, as error markers: checked now and after each pause
 * in typing; an answer for text that has changed since is dropped. Returns the function that stops
 * checking and clears the markers (the learner switched to TypeScript, or the editor is going away).
 */
export function startPythonDiagnostics(editor: Editor, monaco: Monaco): () => void {
  const model = editor.getModel();
  if (!model) return () => {};
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const version = model.getVersionId();
    const answer = await check(model.getValue());
    if (stopped || model.isDisposed() || model.getVersionId() !== version) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      answer.markers.map((marker) => ({
        ...marker,
        code: marker.code ?? undefined,
        source: "Ruff",
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  };
  void run();
  const subscription = model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    subscription.dispose();
    if (!model.isDisposed()) monaco.editor.setModelMarkers(model, OWNER, []);
  };
}
