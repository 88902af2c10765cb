"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { forgotPasswordSchema, getFieldErrors } from "@/lib/auth/credentials";
import styles from "../auth.module.css";
import { describeRefusal, postAuth } from "../post-auth";

/**
 * Asks for a reset link. The answer is the same whether or not an account uses the email (the
 * server's is too); a server without email says so instead of pretending.
 */
export function ForgotPasswordForm() {
  const id = useId();
  const [error, setError] = useState<{ email?: string; form?: string }>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setError(getFieldErrors(parsed.error));
      return;
    }
    setError({});
    setSentTo(null);
    setPending(true);
    try {
      const answer = await postAuth("/api/auth/request-password-reset", {
        email: parsed.data.email,
        redirectTo: "/reset-password",
      });
      if (answer.ok) setSentTo(parsed.data.email);
      else setError({ form: describeRefusal(answer, "Could not ask for a link. Please try again.") });
    } catch {
      setError({ form: "Could not reach Descent. Check your connection and try again." });
    }
    setPending(false);
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={error.email ? true : undefined}
          aria-describedby={`${id}-email-error`}
        />
        <p id={`${id}-email-error`} className={styles.error}>
          {error.email}
        </p>
      </div>
      <div role="alert" aria-live="assertive" className={styles.formError}>
        {error.form}
      </div>
      <p role="status" className={styles.notice} data-testid="reset-requested">
        {sentTo
          ? `If an account uses ${sentTo}, a link to set a new password is on its way. It works once, within an hour. Nothing arrived? Check the spam folder, or ask again in a few minutes.`
          : ""}
      </p>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Asking…" : "Email me a link"}
      </button>
      <p className="muted">
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </form>
  );
}
