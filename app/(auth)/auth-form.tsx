"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { getFieldErrors, MIN_PASSWORD_LENGTH, signInSchema, signUpSchema } from "@/lib/auth/credentials";
import styles from "./auth.module.css";

type Mode = "signin" | "signup";
type Errors = Record<string, string>;

/** Turns better-auth's answers into messages a learner can act on. */
function describeFailure(mode: Mode, status: number, message: string, retryAfter: string | null): string {
  if (status === 429) return `Too many attempts. Wait ${retryAfter ?? "a minute"} seconds, then try again.`;
  if (mode === "signin" && status === 401)
    return "That email and password do not match an account. Check both and try again.";
  // Sign-up answers alike for a new and a taken email; only the sign-in after it can fail.
  if (mode === "signup" && status === 401)
    return "Could not create an account with these details. If you already have one, sign in instead.";
  return message || "Something went wrong. Please try again.";
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** The sign-in and sign-up form: validated here and again on the server, errors announced, keyboard-only friendly. */
export function AuthForm({ mode }: { mode: Mode }) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const isSignUp = mode === "signup";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = (isSignUp ? signUpSchema : signInSchema).safeParse(values);
    if (!parsed.success) {
      setErrors(getFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      // better-auth requires a name; default to the email's local part.
      const { email, password } = parsed.data;
      const name = ("name" in parsed.data && parsed.data.name) || email.split("@")[0] || "learner";
      // Sign-up does not sign in (so that it cannot tell whether an email is taken): sign in next.
      let response = isSignUp ? await postJson("/api/auth/sign-up/email", { name, email, password }) : null;
      if (!response || response.ok) response = await postJson("/api/auth/sign-in/email", { email, password });
      if (response.ok) {
        // A full navigation, so every server component renders for the signed-in learner.
        window.location.assign("/dashboard");
        return;
      }
      const { AuthErrorAnswerSchema } = await import("@/lib/http/answers");
      const answer = AuthErrorAnswerSchema.safeParse(await response.json().catch(() => null));
      setErrors({
        form: describeFailure(
          mode,
          response.status,
          answer.success ? answer.data.message : "",
          response.headers.get("x-retry-after"),
        ),
      });
    } catch {
      setErrors({ form: "Could not reach Descent. Check your connection and try again." });
    }
    setPending(false);
  }

  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${id}-${name}-error`,
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {isSignUp && (
        <div className={styles.field}>
          <label htmlFor={`${id}-name`}>Name (optional)</label>
          <input {...field("name")} type="text" autoComplete="name" maxLength={80} />
          <p id={`${id}-name-error`} className={styles.error}>
            {errors.name}
          </p>
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-email`}>Email</label>
        <input {...field("email")} type="email" autoComplete="email" required />
        <p id={`${id}-email-error`} className={styles.error}>
          {errors.email}
        </p>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          {...field("password")}
          type="password"
          autoComplete={isSignUp ? "new-password" : "current-password"}
          required
        />
        {isSignUp ? (
          <p className={styles.hint}>
            At least {MIN_PASSWORD_LENGTH} characters, mixing two kinds (letters, digits, symbols).
          </p>
        ) : (
          <Link className={styles.fieldLink} href="/forgot-password">
            Forgot password?
          </Link>
        )}
        <p id={`${id}-password-error`} className={styles.error}>
          {errors.password}
        </p>
      </div>
      <div role="alert" aria-live="assertive" className={styles.formError}>
        {errors.form}
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {pending
          ? isSignUp
            ? "Creating your account…"
            : "Signing in…"
          : isSignUp
            ? "Create account"
            : "Sign in"}
      </button>
      <p className="muted">
        {isSignUp ? (
          <>
            Already have an account? <Link href="/signin">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href="/signup">Create an account</Link> (your guest progress comes with you).
          </>
        )}
      </p>
    </form>
  );
}
