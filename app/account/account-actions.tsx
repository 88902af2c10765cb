"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import styles from "./account.module.css";
import type { DeletedAnswer } from "./deleted-answer";

/**
 * Signs out through better-auth (which also clears the guest cookie), then goes to the sign-in page,
 * which says that the progress stayed in the account and this browser is a new guest.
 */
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
      window.location.assign("/signin?signedOut=1");
      return;
    }
    setError("Could not sign out. Please try again.");
    setPending(false);
  }
  return (
    <div>
      <p>
        Signing out keeps all your progress in your account; sign in again, here or in any browser, to
        continue. This browser then starts over as a new guest.
      </p>
      <button type="button" className="button" onClick={signOut} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <p role="alert" aria-live="assertive" className={styles.error}>
        {error}
      </p>
    </div>
  );
}

/** Offers a verification link by email (never required to sign in); says so when email is not set up. */
export function VerifyEmailButton({ email }: { email: string }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  async function send() {
    setPending(true);
    setMessage("");
    setError("");
    const { describeRefusal, postAuth } = await import("@/app/(auth)/post-auth");
    try {
      const answer = await postAuth("/api/auth/send-verification-email", {
        email,
        callbackURL: "/account?verified=1",
      });
      if (answer.ok) setMessage(`A link is on its way to ${email}. It works for 24 hours.`);
      else setError(describeRefusal(answer, "Could not send the link. Please try again."));
    } catch {
      setError("Could not reach Descent. Check your connection and try again.");
    }
    setPending(false);
  }
  return (
    <div>
      <button type="button" className="button" onClick={send} disabled={pending}>
        {pending ? "Sending…" : "Email me a verification link"}
      </button>
      <p role="status" className={styles.status}>
        {message}
      </p>
      <p role="alert" aria-live="assertive" className={styles.error}>
        {error}
      </p>
    </div>
  );
}

type Deleted = DeletedAnswer["deleted"];

/** What was deleted, in words, e.g. "your account, 3 lessons read, 5 submissions, …" (kinds with none left out). */
function describeDeleted(deleted: Deleted): string {
  const plural = (count: number, one: string, many: string) =>
    count === 0 ? "" : `${count} ${count === 1 ? one : many}`;
  const parts = [
    deleted.account ? "your account" : "",
    plural(deleted.lessonsRead, "lesson read", "lessons read"),
    plural(deleted.submissions, "submission", "submissions"),
    plural(deleted.cards, "card's schedule", "cards' schedules"),
    plural(deleted.reviews, "card review", "card reviews"),
    plural(deleted.ownCards, "card of your own", "cards of your own"),
    plural(deleted.interviews, "mock interview", "mock interviews"),
    plural(deleted.solutionReveals, "request for a reference solution", "requests for a reference solution"),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "nothing was stored for you";
}

const CONFIRMATION = "delete my data";

/** Deletes everything after the learner types the confirmation phrase. */
export function DeleteForm({ isGuest }: { isGuest: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const [deleted, setDeleted] = useState<Deleted | null>(null);

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
      // The schema (and zod) load only when an account is deleted: the page's first load stays small.
      const { DeletedAnswerSchema } = await import("./deleted-answer");
      const answer = DeletedAnswerSchema.safeParse(await response.json().catch(() => null));
      if (answer.success) {
        setDeleted(answer.data.deleted);
        setPending(false);
        // The rest of the page now shows a fresh guest; this confirmation stays.
        router.refresh();
        return;
      }
      window.location.assign("/");
      return;
    }
    const { readErrorMessage } = await import("@/lib/http/answers");
    const message = response ? await readErrorMessage(response) : null;
    setError(message ?? "Could not delete your data. Please try again.");
    setPending(false);
  }

  if (deleted)
    return (
      <div role="status" className={styles.deleted} data-testid="deleted">
        <p>
          <strong>Deleted:</strong> {describeDeleted(deleted)}.
        </p>
        <p>Nothing of it is kept. This browser is now a new guest, starting from zero.</p>
      </div>
    );
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
