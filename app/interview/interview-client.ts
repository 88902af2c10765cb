// The browser's calls to the interview API; each answers the data or an error message to show.
import type { CheckYourselfView, InterviewReport, InterviewView } from "@/lib/interview/view";

type Answer<T> = { ok: true; data: T } | { ok: false; error: string };

async function call<T>(path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const data = (await response.json()) as T & { error?: string };
    if (!response.ok) return { ok: false, error: data.error ?? `The server answered ${response.status}.` };
    return { ok: true, data };
  } catch {
    return { ok: false, error: "The request could not be sent. Check your connection and try again." };
  }
}

/** Starts an interview. */
export function postStart(body: { format: string; mode: string; focus: string }) {
  return call<{ interview: InterviewView }>("/api/interview", body);
}

/** Sends an answer to one item. */
export function postAnswer(id: string, itemId: string, answer: unknown) {
  return call<{ interview: InterviewView }>(`/api/interview/${id}/answer`, { itemId, answer });
}

/** Ends the interview. */
export function postFinish(id: string) {
  return call<{ report: InterviewReport | null }>(`/api/interview/${id}/finish`, {});
}

/** The interview as the server has it now. */
export function getInterview(id: string) {
  return call<{ interview: InterviewView }>(`/api/interview/${id}`);
}

/** A lesson's check-yourself questions as the learner left them. */
export function getCheckYourself(lesson: string) {
  return call<{ checkYourself: CheckYourselfView }>(
    `/api/interview/check-yourself/${encodeURIComponent(lesson)}`,
  );
}

/** Stores a lesson's check-yourself questions for the learner (before the first answer). */
export function postCheckYourself(lesson: string) {
  return call<{ checkYourself: CheckYourselfView }>(
    `/api/interview/check-yourself/${encodeURIComponent(lesson)}`,
    {},
  );
}
