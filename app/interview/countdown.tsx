"use client";

import { useEffect, useState } from "react";
import styles from "./interview.module.css";

/** mm:ss (h:mm:ss past an hour) of a duration in milliseconds, never below 0. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * The countdown to the server's deadline. The server's clock is read from its answer (serverNow),
 * so a wrong clock on this computer shifts nothing; reloading starts again from what is left.
 */
export function Countdown({
  deadline,
  serverNow,
  onExpire,
}: {
  deadline: string;
  serverNow: string;
  onExpire: () => void;
}) {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [left, setLeft] = useState(() => Date.parse(deadline) - Date.parse(serverNow));
  useEffect(() => {
    const tick = () => {
      const remaining = Date.parse(deadline) - (Date.now() + offset);
      setLeft(remaining);
      if (remaining <= 0) {
        // Once: the interview ends on the server and the report opens.
        window.clearInterval(timer);
        onExpire();
      }
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, offset, onExpire]);
  const text = formatRemaining(left);
  const [minutes, seconds] = text.split(":");
  return (
    <div
      role="timer"
      aria-label={`Time left: ${Number(minutes)} minutes ${Number(seconds)} seconds`}
      className={`${styles.timer} ${left < 60_000 ? styles.timerLow : ""}`}
      data-remaining-ms={Math.max(0, left)}
    >
      <span aria-hidden="true">{text}</span>
    </div>
  );
}
