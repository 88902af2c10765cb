// Ruff compiled to WebAssembly, in a worker: the Python editor's diagnostics. The .wasm is the
// package's own file, bundled and served by this app (the package resolves it next to its module,
// new URL(…, import.meta.url)); nothing is fetched from elsewhere. Started only when Python is chosen.
import init, { type Diagnostic, PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-web";
import { RUFF_SETTINGS, type RuffRequest, type RuffResponse, toLintMarkers } from "./ruff-lint";

let workspace: Promise<Workspace> | null = null;

function getWorkspace(): Promise<Workspace> {
  workspace ??= init().then(() => new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16));
  return workspace;
}

self.onmessage = async (event: MessageEvent<RuffRequest>) => {
  const { id, code } = event.data;
  let answer: RuffResponse;
  try {
    const diagnostics = (await getWorkspace()).check(code) as Diagnostic[];
    answer = { id, markers: toLintMarkers(diagnostics) };
  } catch (error) {
    answer = { id, markers: [], error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
