import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts's list of common passwords (≈49,000, from leaked-password frequency lists), kept
// server-side: it would add hundreds of KiB to the sign-up page.
const COMMON = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));

/** Whether a password is on the common-passwords list (case-insensitive): guessed early by any attacker. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** The message shown for a common password. */
export const COMMON_PASSWORD_MESSAGE = "This password is on a list of common passwords. Choose another one.";
