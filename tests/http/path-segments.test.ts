import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDecodablePath, refuseUndecodablePath } from "../../scripts/request-path.mjs";

// A path segment that is not UTF-8 (`/learn/%ED%A0%80`) answered 500 on every
// dynamic route: Next decodes each segment and does not catch the error (a bare `next start` still
// does; `next dev` answers 400). scripts/server.mjs refuses such paths first, as this server does;
// tests/e2e/bad-input.spec.ts checks the real server.

describe("isDecodablePath", () => {
  it("refuses invalid UTF-8 and broken escapes in any path segment, never the query", () => {
    for (const bad of [
      "/learn/%ED%A0%80",
      "/api/exercises/%ED%A0%80/submissions",
      "/exercises/adam%ZZ",
      "/learn/%C0%AF",
      "/x/%",
      "/%E0%A4%A",
    ])
      expect(isDecodablePath(bad), bad).toBe(false);
    for (const good of [
      "/",
      "/learn/adam",
      "/learn/%C3%A9t%C3%A9",
      "/learn/a%2Fb",
      "/learn/adam?x=%ED%A0%80",
      "/api/me?q=%",
    ])
      expect(isDecodablePath(good), good).toBe(true);
  });
});

describe("a server with the guard in front of a handler that decodes segments as Next does", () => {
  let server: Server;
  let origin = "";
  let reached = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (refuseUndecodablePath(req, res)) return;
      reached++;
      try {
        const segments = (req.url ?? "/").split("?")[0]?.split("/").map(decodeURIComponent) ?? [];
        res.writeHead(200).end(segments.join("|"));
      } catch {
        res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 400 in plain text and never reaches the handler", async () => {
    for (const path of ["/learn/%ED%A0%80", "/api/exercises/%ED%A0%80/submissions"]) {
      const response = await fetch(origin + path);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/not valid percent-encoded UTF-8/);
    }
    expect(reached).toBe(0);
    expect((await fetch(`${origin}/learn/%C3%A9`)).status).toBe(200);
    expect(reached).toBe(1);
  });
});
