// The test bank (tests/fixtures/interview/bank.json), validated by the bank's own schema.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type InterviewItem,
  type InterviewItemOf,
  type InterviewItemType,
  parseInterviewFile,
} from "@/lib/content/interview-schema";

const FILE = path.resolve("tests/fixtures/interview/bank.json");

/** Every item of the test bank. */
export const fixtureItems: InterviewItem[] = parseInterviewFile(JSON.parse(readFileSync(FILE, "utf8")), FILE);

/** The test item of that id and type. */
export function fixtureItem<T extends InterviewItemType>(id: string, type: T): InterviewItemOf<T> {
  const item = fixtureItems.find((entry) => entry.id === id);
  if (!item || item.type !== type) throw new Error(`no ${type} item "${id}" in the test bank`);
  return item as InterviewItemOf<T>;
}
