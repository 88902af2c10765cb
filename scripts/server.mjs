#!/usr/bin/env node
// Descent's HTTP server: Next's request handler behind a plain node:http server, so that the app
// learns each request's peer address (Next 16 route handlers and the proxy cannot see the socket).
// Any client-sent copy of the header is deleted first; see docs/decisions/060-client-address.md.
import { createServer } from "node:http";
import next from "next";
import { refuseUndecodablePath } from "./request-path.mjs";

const PEER_HEADER = "x-descent-peer";
const CLIENT_HEADER = "x-descent-client";

const port = Number(process.env.PORT ?? 3000);
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Tells the app (same process) that PEER_HEADER comes from here and may be believed.
process.env.DESCENT_PEER_HEADER = "1";

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // A path Next would fail to decode (invalid UTF-8, a broken escape) is a 400, not Next's 500.
  if (refuseUndecodablePath(req, res)) return;
  delete req.headers[PEER_HEADER];
  delete req.headers[CLIENT_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
// All interfaces, like `next start`.
server.listen(port, () => console.log(`Descent listening on port ${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
