import "server-only";
import type { Mailer } from "./mailer.server";

/** How long a password-reset link works, in seconds. */
export const RESET_LINK_SECONDS = 60 * 60;
/** How long an email-verification link works, in seconds. */
export const VERIFY_LINK_SECONDS = 24 * 60 * 60;

/** The page a reset link lands on (better-auth checks the token first, then redirects here). */
export const RESET_PAGE = "/reset-password";
/** The page a verification link lands on. */
export const VERIFIED_PAGE = "/account?verified=1";

/**
 * Sends without waiting: the answer to "send me a link" then takes as long for an unknown email as
 * for a known one (mail takes a while), so its timing does not tell whether an account exists.
 * A failure is logged, never shown: the answer already said "if an account uses this email".
 */
function sendInBackground(mailer: Mailer, to: string, subject: string, text: string): void {
  mailer.send({ to, subject, text }).catch((error: unknown) => {
    console.error(`[mail] Could not send "${subject}":`, error instanceof Error ? error.message : error);
  });
}

/** The password-reset message: the link, how long it works, and what to do if it was not you. */
export function sendResetPasswordMail(mailer: Mailer, to: string, url: string): void {
  sendInBackground(
    mailer,
    to,
    "Reset your Descent password",
    [
      "Someone (hopefully you) asked to reset the password of your Descent account.",
      "",
      `Set a new password: ${url}`,
      "",
      `The link works once, for ${RESET_LINK_SECONDS / 60} minutes. Setting a new password signs out your other sessions; your progress stays.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  );
}

/** The email-verification message. */
export function sendVerificationMail(mailer: Mailer, to: string, url: string): void {
  sendInBackground(
    mailer,
    to,
    "Verify your email for Descent",
    [
      "Confirm that this address belongs to your Descent account, so a password reset can reach you.",
      "",
      `Verify: ${url}`,
      "",
      `The link works for ${VERIFY_LINK_SECONDS / 3600} hours. If you did not make an account, ignore this email.`,
    ].join("\n"),
  );
}
