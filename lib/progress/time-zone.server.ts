import "server-only";
import { cookies } from "next/headers";
import { normalizeTimeZone, TIME_ZONE_COOKIE } from "@/lib/time/days";

/**
 * The learner's IANA time zone, as their browser reported it in the `descent_tz` cookie (see
 * app/components/time-zone-script.tsx). Missing or invalid → "UTC", so days are UTC days until the
 * browser has reported its zone (the first page a new browser loads).
 */
export async function getLearnerTimeZone(): Promise<string> {
  return normalizeTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
