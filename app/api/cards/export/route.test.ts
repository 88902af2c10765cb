// The Anki export route, run for real against a temporary database and the real deck; Next's request
// scope is tests/next-headers.ts.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDeck, getTopics } from "@/lib/cards/deck";
import { DrillStateSchema } from "@/lib/cards/domain-schemas";
import { ownCardId } from "@/lib/cards/own-cards";
import { OWN_TOPIC } from "@/lib/cards/topics";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GUEST_COOKIE } from "@/lib/progress/guest-cookie";
import { createOwnCard } from "@/lib/progress/learner-deck.server";
import { requestScope } from "@/tests/next-headers";
import { createTestDatabase } from "@/tests/test-db";

const ORIGIN = "http://127.0.0.1:3998";
const state = vi.hoisted(() => {
  // Read once, when lib/env.server is first imported (by the deck, above): set before any import.
  process.env.APP_ORIGIN = "http://127.0.0.1:3998";
  process.env.DESCENT_PEER_HEADER = "1";
  return { db: null as unknown as PrismaClient };
});
vi.mock("@/lib/db/prisma.server", () => ({
  get prisma() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/account-learner.server", () => ({ getAccountLearner: async () => null }));

const exportRoute = await import("@/app/api/cards/export/route");
const queueRoute = await import("@/app/api/cards/queue/route");
const rateRoute = await import("@/app/api/cards/rate/route");

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db: state.db, cleanup } = await createTestDatabase());
});
afterAll(async () => cleanup());
beforeEach(() => {
  requestScope.reset();
  requestScope.headers.set("x-descent-peer", "10.0.0.2");
});

const download = (query: string) => exportRoute.GET(new Request(`${ORIGIN}/api/cards/export${query}`));

/** The collection inside a downloaded package, opened with SQLite. */
async function openPackage(response: Response) {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return new Database(Buffer.from(files["collection.anki2"] as Uint8Array), { readonly: true });
}

describe("the Anki export route", () => {
  const deck = getDeck();

  it("sends the whole deck as a package by default, named for download", async () => {
    const response = await download("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/apkg");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="descent-cards.apkg"');
    const db = await openPackage(response);
    expect(db.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: deck.length });
    const links = db.prepare("SELECT flds FROM notes").all() as Array<{ flds: string }>;
    expect(links.every(({ flds }) => flds.includes(`href="${ORIGIN}/learn/`))).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM revlog").get()).toEqual({ n: 0 });
    db.close();
  });

  it("sends one topic, as a package or as text", async () => {
    const topic = getTopics().at(-1) as string;
    const count = deck.filter((card) => card.topic === topic).length;
    const db = await openPackage(await download(`?topic=${topic}&format=apkg`));
    expect(db.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: count });
    db.close();
    const text = await download(`?topic=${topic}&format=txt`);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-disposition")).toBe(`attachment; filename="descent-cards-${topic}.txt"`);
    const lines = (await text.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("#separator:tab");
    expect(lines.filter((line) => !line.startsWith("#"))).toHaveLength(count);
  });

  it("answers an unknown topic or format with 400 and the list to choose from", async () => {
    const topic = await download("?topic=not-a-topic");
    expect(topic.status).toBe(400);
    expect(((await topic.json()) as { error: string }).error).toContain(getTopics().join(", "));
    const format = await download("?format=csv");
    expect(format.status).toBe(400);
    expect(await format.json()).toEqual({ error: "Unknown format: the formats are apkg, txt." });
  });

  it("adds the learner's schedule and reviews to the package on request", async () => {
    // A visitor with nothing stored gets every card new.
    const empty = await openPackage(await download("?history=1"));
    expect(empty.prepare("SELECT count(*) AS n FROM cards WHERE type <> 0").get()).toEqual({ n: 0 });
    empty.close();

    const drill = DrillStateSchema.parse(
      await (await queueRoute.GET(new Request(`${ORIGIN}/api/cards/queue`))).json(),
    );
    const card = drill.current;
    if (!card) throw new Error("no card to rate");
    const rated = await rateRoute.POST(
      new Request(`${ORIGIN}/api/cards/rate`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json", "x-descent-peer": "10.0.0.2" },
        body: JSON.stringify({ cardId: card.id, rating: 3, requestId: randomUUID(), version: card.version }),
      }),
    );
    expect(rated.status).toBe(200);

    const response = await download("?history=1");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="descent-cards-with-history.apkg"',
    );
    const db = await openPackage(response);
    const reviewed = db
      .prepare("SELECT c.type, c.reps FROM cards c JOIN notes n ON n.id = c.nid WHERE n.flds LIKE ?")
      .get(`%\x1f${card.id}`);
    expect(reviewed).toEqual({ type: 1, reps: 1 });
    expect(db.prepare("SELECT ease, type FROM revlog").all()).toEqual([{ ease: 3, type: 0 }]);
    db.close();
    // Without the flag the package carries no history, whoever asks.
    const plain = await openPackage(await download(""));
    expect(plain.prepare("SELECT count(*) AS n FROM revlog").get()).toEqual({ n: 0 });
    plain.close();
  });

  it("includes the learner's own cards, with their math for Anki and their topic's lesson", async () => {
    // The learner of the previous test (its guest cookie is cleared by beforeEach): found again.
    const learner = await state.db.learner.findFirstOrThrow();
    requestScope.cookies.set(GUEST_COOKIE, learner.guestToken as string);
    const topic = getTopics()[0] as string;
    const own = await createOwnCard(
      learner.id,
      { topic: OWN_TOPIC, front: "Why $\\sqrt{v}$?", back: "**Scale**" },
      state.db,
    );
    await createOwnCard(
      learner.id,
      { topic, front: "My question on this topic", back: "My answer" },
      state.db,
    );

    const db = await openPackage(await download(`?topic=${OWN_TOPIC}`));
    const notes = db.prepare("SELECT flds, tags FROM notes").all() as Array<{ flds: string; tags: string }>;
    db.close();
    expect(notes).toHaveLength(1);
    const [front, back, code, lesson, id] = (notes[0]?.flds ?? "").split("\x1f");
    expect([front, back, code, lesson, id]).toEqual([
      "<p>Why \\(\\sqrt{v}\\)?</p>",
      "<p><strong>Scale</strong></p>",
      "",
      "",
      ownCardId(own.id),
    ]);
    expect(notes[0]?.tags).toBe(` ${OWN_TOPIC} `);

    const whole = await openPackage(await download(`?topic=${topic}`));
    const mine = whole.prepare("SELECT flds FROM notes WHERE flds LIKE '<p>My question%'").get() as {
      flds: string;
    };
    whole.close();
    expect(mine.flds).toContain(`href="${ORIGIN}/learn/`);
    // Someone else, with no cookie, gets the course's cards only.
    requestScope.cookies.clear();
    const stranger = await openPackage(await download(""));
    expect(stranger.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: deck.length });
    stranger.close();
  });
});
