import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ScheduleSummary } from "@/lib/progress/fsrs-fit.server";
import { ScheduleSummarySection } from "./schedule-summary";

const deck = { cards: 198, newCardsPerDay: 20 };
const effect = (reviewsPerDay: number, averageRecall: number) => ({
  desiredRetention: 0.85,
  reviewsPerDay,
  averageRecall,
});

function text(summary: ScheduleSummary): string {
  const html = renderToStaticMarkup(
    createElement(ScheduleSummarySection, { summary, desiredRetention: 0.85 }),
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/\s+/g, " ");
}

describe("the stats page's schedule section", () => {
  it("states a fit's reviews and log losses, and its effect beside the defaults' at the learner's retention", () => {
    const shown = text({
      status: "fitted",
      reviews: 1234,
      logLoss: 0.31234,
      defaultLogLoss: 0.35,
      fittedAt: new Date(),
      effect: { yours: effect(3.25, 0.931), defaults: effect(4.5, 0.962) },
      deck,
    });
    expect(shown).toContain("Fitted to your 1,234 reviews");
    expect(shown).toContain("log loss of 0.312, against 0.350 for the defaults");
    expect(shown).toContain("refitted at 1,481 reviews");
    expect(shown).toContain("At 85% desired retention");
    expect(shown).toContain("Your parameters 3.3 93%");
    expect(shown).toContain("Default parameters 4.5 96%");
    expect(shown).toContain("a deck of 198 cards at 20 new cards a day");
  });

  it("says why the defaults stay, and how far a learner is from a fit", () => {
    expect(
      text({
        status: "kept-defaults",
        reviews: 1000,
        logLoss: 0.4,
        defaultLogLoss: 0.39,
        fittedAt: new Date(),
        effect: null,
        deck,
      }),
    ).toContain(
      "no better than the defaults (log loss 0.400 against 0.390), so the drill keeps the defaults; it tries again at 1,200 reviews",
    );
    const early = text({ status: "not-yet", reviews: 321, needed: 1000, effect: null, deck });
    expect(early).toContain("Once you have 1,000 reviews (you have 321)");
    expect(early).toContain("being estimated");
  });
});
