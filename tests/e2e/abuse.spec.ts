import { readFileSync } from "node:fs";
import { expect, test, uniqueClientAddress } from "../playwright-utils";

// Abuse probes (limits, guests, client addresses) over real HTTP against the production build. The e2e server trusts its
// loopback peer as a proxy, so X-Forwarded-For's last hop is "the address the proxy saw": a client
// can prepend what it likes, but not change that hop.
const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");

test("a cookie-less client stores at most the limit of submissions: the 7th is refused with Retry-After", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? "";
  const client = uniqueClientAddress();
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 7; i++) {
    // A new request context per submission: no cookie is ever sent back.
    const context = await playwright.request.newContext({ baseURL: origin });
    const response = await context.post("/api/exercises/momentum/submissions", {
      headers: { origin, "content-type": "application/json", "x-forwarded-for": `192.0.2.${i}, ${client}` },
      data: { code: solution },
      timeout: 60_000,
    });
    statuses.push(response.status());
    if (response.status() === 429) retryAfter = response.headers()["retry-after"];
    await context.dispose();
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test("sign-in with a new forwarded address per try is still limited per client: 429", async ({
  playwright,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const context = await playwright.request.newContext({ baseURL: origin });
  const client = uniqueClientAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const response = await context.post("/api/auth/sign-in/email", {
      headers: { origin, "x-forwarded-for": `203.0.113.${i}, ${client}` },
      data: { email: `nobody-${i}@example.com`, password: "wrong-password-1" },
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
  expect(statuses[10]).toBe(429);
  await context.dispose();
});

test("lone surrogates are refused with 400 before any work", async ({ request, baseURL }) => {
  const origin = baseURL ?? "";
  const headers = { origin, "content-type": "application/json" };
  const submit = await request.post("/api/exercises/momentum/submissions", {
    headers,
    data: '{"code":"\\ud800"}',
  });
  expect(submit.status()).toBe(400);
  const signUp = await request.post("/api/auth/sign-up/email", {
    headers,
    data: '{"name":"\\ud800","email":"surrogate@example.com","password":"surrogate-pass-1"}',
  });
  expect(signUp.status()).toBe(400);
  // Nothing was stored, so no guest cookie either.
  expect(submit.headers()["set-cookie"]).toBeUndefined();
});

test("headers: CSP, Permissions-Policy, no shared caching of anything that sets a cookie, HSTS only over https", async ({
  request,
  baseURL,
}) => {
  for (const path of ["/", "/exercises/adam", "/learn/adam", "/dashboard"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toBeUndefined();
    expect(headers["set-cookie"], `${path} sets no cookie`).toBeUndefined();
  }
  const write = await request.post("/api/lessons/adam/read", { headers: { origin: baseURL ?? "" } });
  expect(write.headers()["set-cookie"]).toMatch(/descent_guest=/);
  expect(write.headers()["cache-control"]).toBe("private, no-store");
  const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});
