"use client";

import { type FormEvent, useState } from "react";
import styles from "./account.module.css";

/** Signs out through better-auth (which also clears the guest cookie), then reloads as a fresh guest. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  async function signOut() {
    setPending(true);
    setError("");
    const response = await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign("/");
      return;
    }
    setError("Could not sign out. Please try again.");
    setPending(false);
  }
  return (
    <div>
      <button type="button" className="button" onClick={signOut} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <p role="alert" aria-live="assertive" className={styles.error}>
        {error}
      </p>
    </div>
  );
}

const CONFIRMATION = "delete my data";

/** Deletes everything after the learner types the confirmation phrase. */
export function DeleteForm({ isGuest }: { isGuest: boolean }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const confirm = String(new FormData(event.currentTarget).get("confirm") ?? "").trim();
    if (confirm !== CONFIRMATION) {
      setError(`Type "${CONFIRMATION}" to confirm.`);
      return;
    }
    setPending(true);
    setError("");
    const response = await fetch("/api/account/delete", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ confirm }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign("/");
      return;
    }
    const { readErrorMessage } = await import("@/lib/http/answers");
    const message = response ? await readErrorMessage(response) : null;
    setError(message ?? "Could not delete your data. Please try again.");
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className={styles.deleteForm} noValidate aria-busy={pending}>
      <label htmlFor="confirm-delete">
        To delete {isGuest ? "all progress kept in this browser" : "your account and all its progress"}, type{" "}
        <strong>{CONFIRMATION}</strong>. This cannot be undone.
      </label>
      <input
        id="confirm-delete"
        name="confirm"
        type="text"
        autoComplete="off"
        aria-describedby="delete-error"
      />
      <p id="delete-error" role="alert" aria-live="assertive" className={styles.error}>
        {error}
      </p>
      <button type="submit" className={`button ${styles.danger}`} disabled={pending}>
        {pending ? "Deleting…" : isGuest ? "Delete my progress" : "Delete my account"}
      </button>
    </form>
  );
}
