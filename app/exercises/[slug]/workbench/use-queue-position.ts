"use client";

import { useEffect, useState } from "react";
import { fetchQueuePosition } from "../submissions-client";

/**
 * While a submission is pending (its ticket given), asks the server every second where it stands in
 * the grader's queue: the number of submissions ahead of it while it waits, else null.
 */
export function useQueuePosition(ticket: string | null): number | null {
  const [ahead, setAhead] = useState<number | null>(null);
  useEffect(() => {
    if (ticket === null) {
      setAhead(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      const position = await fetchQueuePosition(ticket);
      if (!stopped && position) setAhead(position.ahead);
    };
    const timer = setInterval(poll, 1000);
    const first = setTimeout(poll, 300);
    return () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [ticket]);
  return ahead;
}
