/** Longest learner output kept per test, in characters (Exercism's test-runner interface, v2). */
export const OUTPUT_LIMIT_CHARS = 500;
/** Longest error message kept from learner code, in characters. */
export const MESSAGE_LIMIT_CHARS = 500;
