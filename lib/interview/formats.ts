// The interview formats and modes, and the shape of a focus. Pure data: the start page, the
// selection and the routes share it.
import { CHECK_YOURSELF_FORMAT } from "../content/check-yourself-format";
import type { InterviewItemType } from "../content/interview-schema";

/** A format: its length, the item types it asks, and the most minutes one item may take. */
export type InterviewFormat = {
  label: string;
  minutes: number;
  description: string;
  types: readonly InterviewItemType[];
  /** Items longer than this are left out (a rapid round asks quick questions). */
  maxItemMinutes: number;
  /** Code items asked up front (a passed one may unlock a second as a follow-up). */
  codeItems: number;
};

/** The four formats, by id. */
export const INTERVIEW_FORMATS = {
  rapid: {
    label: "Rapid round",
    minutes: 15,
    description: "Quick questions: choice, ordering, numbers and formulas.",
    types: ["choice", "order", "numeric", "formula"],
    maxItemMinutes: 3,
    codeItems: 0,
  },
  theory: {
    label: "Theory round",
    minutes: 30,
    description: "Explain, derive and compare, with a curve or two to read.",
    types: ["choice", "order", "numeric", "formula", "explain", "judgment"],
    maxItemMinutes: 8,
    codeItems: 0,
  },
  implementation: {
    label: "Implementation round",
    minutes: 45,
    description: "Write an optimizer against hidden tests, then change it; a few numbers around it.",
    types: ["code", "numeric", "formula", "choice", "judgment"],
    maxItemMinutes: 15,
    codeItems: 1,
  },
  full: {
    label: "Full loop",
    minutes: 60,
    description: "Theory and implementation: every item type.",
    types: ["choice", "order", "numeric", "formula", "explain", "code", "judgment"],
    maxItemMinutes: 15,
    codeItems: 1,
  },
} as const satisfies Record<string, InterviewFormat>;

/** A format id. */
export type InterviewFormatId = keyof typeof INTERVIEW_FORMATS;
export { CHECK_YOURSELF_FORMAT } from "../content/check-yourself-format";
/** A stored interview's format: a timed one, or a lesson's check-yourself questions. */
export type StoredFormat = InterviewFormatId | typeof CHECK_YOURSELF_FORMAT;
/** The name of a stored format, as pages show it. */
export function formatLabel(format: StoredFormat): string {
  return format === CHECK_YOURSELF_FORMAT ? "Check yourself" : INTERVIEW_FORMATS[format].label;
}
/** Format ids in the order the start page lists them. */
export const INTERVIEW_FORMAT_IDS = Object.keys(INTERVIEW_FORMATS) as InterviewFormatId[];

/** Study: feedback and the model answer after each item. Real: nothing until the end. */
export const INTERVIEW_MODES = ["study", "real"] as const;
/** A mode. */
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

/** "all", "weakest", or a card topic. */
export type InterviewFocus = string;

/** Follow-up items an interview may add to itself when something is missed. */
export const MAX_FOLLOW_UPS = 3;
