"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { getFieldErrors, MIN_PASSWORD_LENGTH, resetPasswordSchema } from "@/lib/auth/credentials";
import styles from "../auth.module.css";
import { describeRefusal, postAuth } from "../post-auth";

type Errors = { password?: string; confirm?: string; form?: string };

/** Sets a new password with the token of a reset link; a used or expired link says so. */
export function ResetPasswordForm({ token }: { token: string }) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = resetPasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(getFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const answer = await postAuth("/api/auth/reset-password", { token, newPassword: parsed.data.password });
      if (answer.ok) setDone(true);
      else
        setErrors({
          form:
            answer.code === "INVALID_TOKEN"
              ? "This link has expired or was already used. Ask for a new one."
              : describeRefusal(answer, "Could not set the password. Please try again."),
        });
    } catch {
      setErrors({ form: "Could not reach Descent. Check your connection and try again." });
    }
    setPending(false);
  }

  if (done)
    return (
      <div className={styles.form}>
        <p role="status" className={styles.notice}>
          Your password is changed, and any other session of your account is signed out. Your progress is as
          you left it.
        </p>
        <Link className="button primary" href="/signin">
          Sign in with the new password
        </Link>
      </div>
    );

  const field = (name: "password" | "confirm") => ({
    id: `${id}-${name}`,
    name,
    type: "password",
    autoComplete: "new-password",
    required: true,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${id}-${name}-error`,
  });
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor={`${id}-password`}>New password</label>
        <input {...field("password")} />
        <p className={styles.hint}>
          At least {MIN_PASSWORD_LENGTH} characters, mixing two kinds (letters, digits, symbols).
        </p>
        <p id={`${id}-password-error`} className={styles.error}>
          {errors.password}
        </p>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-confirm`}>New password again</label>
        <input {...field("confirm")} />
        <p id={`${id}-confirm-error`} className={styles.error}>
          {errors.confirm}
        </p>
      </div>
      <div role="alert" aria-live="assertive" className={styles.formError}>
        {errors.form}
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Setting it…" : "Set the new password"}
      </button>
      {errors.form?.includes("Ask for a new one") ? (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
    </form>
  );
}
