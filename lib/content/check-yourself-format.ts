/**
 * The format of a lesson's "Check yourself" questions (content/interview/check-yourself/lessons.json),
 * stored as an interview of its own (Study mode, no clock): never the learner's running interview,
 * never in the interview history, never ended by another interview (lib/progress/merge.server.ts).
 * A module of its own, free of imports: pages that show interview formats import it, and the schema
 * module would bring zod into their first load.
 */
export const CHECK_YOURSELF_FORMAT = "check-yourself";
