"use client";

import { useEffect, useState } from "react";
import { isRecallAttempt } from "./workbench/drafts";

/**
 * On a recall attempt opened from the drill (`?recall=1`), says so and tells the server the attempt
 * began: the page is static, so this reads the address once in the browser.
 */
export function RecallNotice({ slug, code }: { slug: string; code: boolean }) {
  const [recall, setRecall] = useState(false);
  useEffect(() => {
    if (!isRecallAttempt()) return;
    setRecall(true);
    // The server records when the attempt began (its clock): a quick first-try pass rates Easy.
    void fetch(`/api/exercises/${slug}/recall`, { method: "POST" }).catch(() => {});
  }, [slug]);
  if (!recall) return null;
  return (
    <p className="card" role="note" data-testid="recall-notice">
      <strong>Recall attempt from the drill.</strong>{" "}
      {code
        ? "The editor starts from the starter; your saved draft is left as it was and this attempt is not kept."
        : "Answer from memory."}{" "}
      A passing submission rates the exercise Good (Easy on the first try within five minutes), a failing one
      Again, and it comes back accordingly. <a href="/cards">Back to the drill</a>
    </p>
  );
}
