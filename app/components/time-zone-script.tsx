import { TIME_ZONE_COOKIE } from "@/lib/time/days";

// Runs before first paint: stores the browser's IANA time zone in a cookie, so the server counts
// days (daily new-card limit, streak, heatmap, due today) in the learner's calendar, not UTC's.
// Only writes when the cookie is missing or differs (the learner travelled or changed the setting).
const script = `try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone,m=document.cookie.match(/(?:^|; )${TIME_ZONE_COOKIE}=([^;]*)/);if(z&&(!m||m[1]!==z))document.cookie="${TIME_ZONE_COOKIE}="+z+"; path=/; max-age=31536000; samesite=lax"}catch(e){}`;

/** Inline script that reports the browser's time zone to the server in the `descent_tz` cookie. */
export function TimeZoneScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant string, needed before the first request that counts days.
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
