import { describe, expect, it, vi } from "vitest";
import { requestScope } from "@/tests/next-headers";
import { createTestApp } from "@/tests/test-app";

// GET and PUT /api/me/language over a temporary database; only Next's request scope and the
// signed-in account (there is none) are stood in for.
vi.mock("@/lib/auth/account-learner.server", () => ({ getAccountLearner: async () => null }));
const ORIGIN = "http://127.0.0.1:3999";
process.env.APP_ORIGIN = ORIGIN;
process.env.DESCENT_PEER_HEADER = "1";
const app = createTestApp();
const route = await import("./route");

function asClient(peer: string, cookie?: string) {
  requestScope.cookies.clear();
  if (cookie) requestScope.cookies.set("descent_guest", cookie);
  requestScope.headers = new Headers({ "x-descent-peer": peer });
}

function put(body: unknown, origin = ORIGIN) {
  return new Request(`${ORIGIN}/api/me/language`, {
    method: "PUT",
    headers: { origin, "content-type": "application/json", ...Object.fromEntries(requestScope.headers) },
    body: JSON.stringify(body),
  });
}

describe("/api/me/language", () => {
  it("answers null for a browser with nothing stored, and creates no learner", async () => {
    asClient("198.51.100.20");
    expect(await (await route.GET()).json()).toEqual({ language: null });
    expect(await app.db.learner.count()).toBe(0);
  });

  it("stores the choice for the learner (a guest on the first choice) and reads it back", async () => {
    asClient("198.51.100.21");
    const response = await route.PUT(put({ language: "python" }));
    expect(response.status).toBe(200);
    const token = requestScope.cookies.get("descent_guest");
    expect(token).toBeTruthy();
    asClient("198.51.100.21", token);
    expect(await (await route.GET()).json()).toEqual({ language: "python" });
    expect((await route.PUT(put({ language: "typescript" }))).status).toBe(200);
    expect(await (await route.GET()).json()).toEqual({ language: "typescript" });
    const learner = await app.db.learner.findUniqueOrThrow({ where: { guestToken: token } });
    expect(learner.language).toBe("typescript");
  });

  it("refuses another site, an unknown language and extra fields", async () => {
    asClient("198.51.100.22");
    expect((await route.PUT(put({ language: "python" }, "https://evil.example"))).status).toBe(403);
    expect((await route.PUT(put({ language: "rust" }))).status).toBe(400);
    expect((await route.PUT(put({ language: "python", extra: 1 }))).status).toBe(400);
    expect(await app.db.learner.count()).toBe(1);
  });
});
