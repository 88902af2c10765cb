import { AuthErrorAnswerSchema } from "@/lib/http/answers";

/** better-auth's answer to a form: ok, or the status, code and message of the refusal. */
export type AuthAnswer =
  | { ok: true }
  | { ok: false; status: number; code: string; message: string; retryAfter: string | null };

/** Posts a form's JSON to one of the auth routes and reads the answer; throws only when the network fails. */
export async function postAuth(path: string, body: unknown): Promise<AuthAnswer> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) return { ok: true };
  const json: unknown = await response.json().catch(() => null);
  const parsed = AuthErrorAnswerSchema.safeParse(json);
  const code =
    json && typeof json === "object" && "code" in json && typeof json.code === "string" ? json.code : "";
  return {
    ok: false,
    status: response.status,
    code,
    message: parsed.success ? parsed.data.message : "",
    retryAfter: response.headers.get("x-retry-after"),
  };
}

/** A refusal in words a learner can act on; `fallback` for anything unexpected. */
export function describeRefusal(answer: Extract<AuthAnswer, { ok: false }>, fallback: string): string {
  if (answer.status === 429)
    return `Too many attempts. Wait ${answer.retryAfter ?? "60"} seconds, then try again.`;
  if (answer.code === "EMAIL_NOT_CONFIGURED")
    return "Email is not set up on this server, so no message was sent. Ask whoever runs this Descent to set SMTP_URL (in development, the link is in the server's log).";
  return answer.message || fallback;
}
