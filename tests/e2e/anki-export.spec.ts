import { readFile } from "node:fs/promises";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { expect, test } from "../playwright-utils";

// The drill page offers the deck to Anki: links for the whole deck and the drilled topic, a form for
// any topic, and each downloads a file Anki reads.

test("the drill page links the deck's Anki package, and the download is a collection of every card", async ({
  page,
}) => {
  await page.goto("/cards");
  const section = page.getByRole("region", { name: "Export to Anki" });
  await expect(section).toBeVisible();
  const packageLink = section.getByRole("link", { name: "Anki package (.apkg)" });
  await expect(packageLink).toHaveAttribute("href", "/api/cards/export?format=apkg");
  await expect(section.getByRole("link", { name: "text file (.txt)" })).toHaveAttribute(
    "href",
    "/api/cards/export?format=txt",
  );

  const [download] = await Promise.all([page.waitForEvent("download"), packageLink.click()]);
  expect(download.suggestedFilename()).toBe("descent-cards.apkg");
  const files = unzipSync(new Uint8Array(await readFile((await download.path()) as string)));
  const db = new Database(Buffer.from(files["collection.anki2"] as Uint8Array), { readonly: true });
  const { notes } = db.prepare("SELECT count(*) AS notes FROM notes").get() as { notes: number };
  const { decks } = db.prepare("SELECT decks FROM col").get() as { decks: string };
  db.close();
  expect(notes).toBeGreaterThan(100);
  expect(Object.values(JSON.parse(decks) as Record<string, { name: string }>).map((d) => d.name)).toContain(
    "Descent::adam",
  );
});

test("a topic's text file downloads from the form, with the keyboard @phone", async ({ page }) => {
  await page.goto("/cards?topic=adam");
  const section = page.getByRole("region", { name: "Export to Anki" });
  await expect(section.getByRole("link", { name: "Anki package (.apkg)" }).nth(1)).toHaveAttribute(
    "href",
    "/api/cards/export?topic=adam&format=apkg",
  );
  await section.getByLabel("Topic to export").selectOption("momentum");
  await section.getByLabel("Format").selectOption("txt");
  // The section fits a phone's width: nothing sticks out of the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  await section.getByRole("button", { name: "Download" }).focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("descent-cards-momentum.txt");
  const text = await readFile((await download.path()) as string, "utf8");
  expect(text.split("\n").slice(0, 2)).toEqual(["#separator:tab", "#html:true"]);
  const rows = text
    .trimEnd()
    .split("\n")
    .filter((line) => !line.startsWith("#"));
  expect(rows.length).toBeGreaterThan(2);
  expect(rows.every((row) => row.includes("Descent::momentum"))).toBe(true);
});
