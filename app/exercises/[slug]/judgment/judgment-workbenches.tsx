"use client";

// The answer forms of the judgment kinds, each in its own chunk. /exercises/[slug] is one route for
// every exercise, so anything imported statically here is prefetched with every link to any
// exercise (the dashboard's course map links to all of them): the tune form alone brings the
// optimizer core, the objectives and the plots. Rendered on the server as before; the browser
// fetches only the form of the page it shows.
import dynamic from "next/dynamic";

export const TuneWorkbench = dynamic(() => import("./tune-workbench").then((m) => m.TuneWorkbench));
export const DiagnoseWorkbench = dynamic(() =>
  import("./diagnose-workbench").then((m) => m.DiagnoseWorkbench),
);
export const PredictWorkbench = dynamic(() => import("./predict-workbench").then((m) => m.PredictWorkbench));
