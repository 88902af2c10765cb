-- Issue 24: cards that said the same thing were merged into one card each (content/cards). Each
-- retired id below maps to the card that kept its content, and the review history of learners moves
-- with it.
--   * Every ReviewLog row of the retired card is re-keyed to the kept card: no rating is lost.
--   * CardState: a learner who studied only the retired card gets its state under the kept id. A
--     learner who studied both keeps one state, the one rated most recently (then the one with more
--     reviews, then the state of the kept card), so that undoing the latest rating still restores
--     the state that rating replaced. A moved state gets a version above both, so a tab that showed
--     either card sees it as changed instead of rating over it.
-- The same mapping is in the migration of the same name for the other engine, and
-- tests/content/merged-cards.test.ts checks both against the deck and runs them on a database
-- holding every case. No semicolons in these comments: the PostgreSQL driver adapter of the Prisma
-- CLI splits a migration at every semicolon, comments included.

-- adafactor-factored-memory -> adafactor-memory
UPDATE "ReviewLog" SET "cardId" = 'adafactor-memory' WHERE "cardId" = 'adafactor-factored-memory';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adafactor-memory'))
  WHERE "cardId" = 'adafactor-factored-memory' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adafactor-memory' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'adafactor-memory' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'adafactor-factored-memory' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'adafactor-factored-memory' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adafactor-memory');
UPDATE "CardState" SET "cardId" = 'adafactor-memory', "version" = "version" + 1 WHERE "cardId" = 'adafactor-factored-memory';

-- reshuffle-every-epoch -> epoch-shuffling
UPDATE "ReviewLog" SET "cardId" = 'epoch-shuffling' WHERE "cardId" = 'reshuffle-every-epoch';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'epoch-shuffling'))
  WHERE "cardId" = 'reshuffle-every-epoch' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'epoch-shuffling' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'epoch-shuffling' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'reshuffle-every-epoch' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'reshuffle-every-epoch' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'epoch-shuffling');
UPDATE "CardState" SET "cardId" = 'epoch-shuffling', "version" = "version" + 1 WHERE "cardId" = 'reshuffle-every-epoch';

-- lamb-trust-ratio-per-layer -> lamb-trust-ratio
UPDATE "ReviewLog" SET "cardId" = 'lamb-trust-ratio' WHERE "cardId" = 'lamb-trust-ratio-per-layer';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio'))
  WHERE "cardId" = 'lamb-trust-ratio-per-layer' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'lamb-trust-ratio' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'lamb-trust-ratio-per-layer' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'lamb-trust-ratio-per-layer' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio');
UPDATE "CardState" SET "cardId" = 'lamb-trust-ratio', "version" = "version" + 1 WHERE "cardId" = 'lamb-trust-ratio-per-layer';

-- large-batch-optimizers -> lamb-trust-ratio
UPDATE "ReviewLog" SET "cardId" = 'lamb-trust-ratio' WHERE "cardId" = 'large-batch-optimizers';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio'))
  WHERE "cardId" = 'large-batch-optimizers' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'lamb-trust-ratio' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'large-batch-optimizers' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'large-batch-optimizers' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'lamb-trust-ratio');
UPDATE "CardState" SET "cardId" = 'lamb-trust-ratio', "version" = "version" + 1 WHERE "cardId" = 'large-batch-optimizers';

-- loss-curve-early-spike -> why-warmup
UPDATE "ReviewLog" SET "cardId" = 'why-warmup' WHERE "cardId" = 'loss-curve-early-spike';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'why-warmup'))
  WHERE "cardId" = 'loss-curve-early-spike' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'why-warmup' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'why-warmup' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'loss-curve-early-spike' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'loss-curve-early-spike' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'why-warmup');
UPDATE "CardState" SET "cardId" = 'why-warmup', "version" = "version" + 1 WHERE "cardId" = 'loss-curve-early-spike';

-- swa-vs-ema -> weight-averaging
UPDATE "ReviewLog" SET "cardId" = 'weight-averaging' WHERE "cardId" = 'swa-vs-ema';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'weight-averaging'))
  WHERE "cardId" = 'swa-vs-ema' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'weight-averaging' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'weight-averaging' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'swa-vs-ema' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'swa-vs-ema' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'weight-averaging');
UPDATE "CardState" SET "cardId" = 'weight-averaging', "version" = "version" + 1 WHERE "cardId" = 'swa-vs-ema';

-- eps-does-not-cap-step -> adam-step-bound
UPDATE "ReviewLog" SET "cardId" = 'adam-step-bound' WHERE "cardId" = 'eps-does-not-cap-step';
UPDATE "CardState" SET "version" = MAX("version", (
    SELECT k."version" FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adam-step-bound'))
  WHERE "cardId" = 'eps-does-not-cap-step' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adam-step-bound' AND (
      ("CardState"."lastReview" IS NOT NULL AND (k."lastReview" IS NULL OR "CardState"."lastReview" > k."lastReview"))
        OR ((("CardState"."lastReview" IS NULL AND k."lastReview" IS NULL) OR "CardState"."lastReview" = k."lastReview") AND "CardState"."reps" > k."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'adam-step-bound' AND EXISTS (
    SELECT 1 FROM "CardState" AS o WHERE o."learnerId" = "CardState"."learnerId" AND o."cardId" = 'eps-does-not-cap-step' AND (
      (o."lastReview" IS NOT NULL AND ("CardState"."lastReview" IS NULL OR o."lastReview" > "CardState"."lastReview"))
        OR (((o."lastReview" IS NULL AND "CardState"."lastReview" IS NULL) OR o."lastReview" = "CardState"."lastReview") AND o."reps" > "CardState"."reps")));
DELETE FROM "CardState" WHERE "cardId" = 'eps-does-not-cap-step' AND EXISTS (
    SELECT 1 FROM "CardState" AS k WHERE k."learnerId" = "CardState"."learnerId" AND k."cardId" = 'adam-step-bound');
UPDATE "CardState" SET "cardId" = 'adam-step-bound', "version" = "version" + 1 WHERE "cardId" = 'eps-does-not-cap-step';
