import { request as httpRequest } from "node:http";
import { expect, test, uniqueClientAddress } from "../playwright-utils";

// Bad input over real HTTP against the production build behind scripts/server.mjs:
// input that answered 500 (a path segment that is not UTF-8, JSON nested 3,000 deep) and a chunked
// body read whole before its size was checked.

test("a path segment that does not decode is 400 on every dynamic route, never 500", async ({
  request,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  for (const path of [
    "/learn/%ED%A0%80",
    "/exercises/%ED%A0%80",
    "/exercises/adam%ZZ",
    "/learn/%C0%AF",
    "/api/exercises/%ED%A0%80/submissions",
    "/api/submissions/%ED%A0%80",
    "/api/lessons/%ED%A0%80/read",
    "/api/auth/%ED%A0%80",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toMatch(/not valid percent-encoded UTF-8/);
  }
  const post = await request.post("/api/exercises/%ED%A0%80/submissions", {
    headers: { origin, "content-type": "application/json" },
    data: { code: "x" },
  });
  expect(post.status()).toBe(400);
  // A query is Next's to parse, and it copes.
  expect((await request.get("/learn/adam?x=%ED%A0%80")).status()).toBe(200);
});

test("JSON nested 3,000 deep within the size limit is 400 at sign-in, sign-up and submit", async ({
  request,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const deep = `${"[".repeat(3000)}${"]".repeat(3000)}`;
  const bodies: Array<[string, string]> = [
    ["/api/auth/sign-in/email", `{"email":"deep@example.com","password":"deep-password-1","x":${deep}}`],
    [
      "/api/auth/sign-up/email",
      `{"name":"D","email":"deep@example.com","password":"deep-password-1","x":${deep}}`,
    ],
    ["/api/exercises/momentum/submissions", `{"code":${deep}}`],
  ];
  for (const [path, data] of bodies) {
    const response = await request.post(path, {
      headers: { origin, "content-type": "application/json" },
      data,
    });
    expect(response.status(), path).toBe(400);
  }
});

test("a chunked body over the limit is answered 413 before it is read, and the connection is closed", async ({
  baseURL,
}) => {
  const url = new URL("/api/exercises/momentum/submissions", baseURL);
  const total = 50 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const answer = await new Promise<{ status: number; connection?: string; sent: number }>(
    (resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(url, {
        method: "POST",
        headers: {
          origin: url.origin,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
          "x-forwarded-for": uniqueClientAddress(),
        },
      });
      req.on("response", (res) => {
        answered = true;
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, sent }),
        );
      });
      req.on("error", (error) => (answered ? undefined : reject(error)));
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      req.write("[");
      pump();
    },
  );
  expect(answer.status).toBe(413);
  expect(answer.connection).toBe("close");
  // The answer came long before the body was sent: only socket buffers' worth had gone out.
  expect(answer.sent).toBeLessThan(total / 4);
});
