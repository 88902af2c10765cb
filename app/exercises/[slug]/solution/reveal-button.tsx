"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestSolution } from "../solution-client";

/** Asks for the reference solution before passing (recorded on the server), then shows the page again. */
export function RevealButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    setPending(true);
    const answer = await requestSolution(slug);
    if ("error" in answer) {
      setError(answer.error);
      setPending(false);
      return;
    }
    router.refresh();
  };
  return (
    <p>
      <button type="button" className="button" onClick={reveal} disabled={pending} aria-busy={pending}>
        Show the reference solution (your request is recorded)
      </button>
      {error ? <span role="alert"> {error}</span> : null}
    </p>
  );
}
