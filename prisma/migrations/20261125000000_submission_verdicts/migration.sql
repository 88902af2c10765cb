-- Submission.verdict holds only the verdicts of graded code (VERDICTS in lib/grader/result.ts),
-- and reads parse it strictly. Until now the submit route also stored its refusals ("busy",
-- "too-large"), which graded nothing: they go.
DELETE FROM "Submission" WHERE "verdict" IN ('busy', 'too-large');
