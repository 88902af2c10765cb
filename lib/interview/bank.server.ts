import "server-only";
import path from "node:path";
import { type InterviewItem, parseInterviewFile } from "@/lib/content/interview-schema";
import { getContentRoot, interviewFilesStamp, readInterviewFiles } from "@/lib/content/registry";
import { env } from "@/lib/env.server";
import { type Bank, buildBank } from "./bank";

// The question bank is every file of content/interview, read on the server once per process in
// production (again in development when a file changes). The browser only receives item views.

let cached: { stamp: string; bank: Bank } | null = null;

/** The whole bank, validated. */
export function getBank(): Bank {
  const root = getContentRoot();
  const stamp = env.NODE_ENV === "production" ? root : path.join(root, interviewFilesStamp(root));
  if (cached?.stamp !== stamp) {
    const items: InterviewItem[] = readInterviewFiles(root).flatMap(({ file, raw }) =>
      parseInterviewFile(raw, file),
    );
    cached = { stamp, bank: buildBank(items) };
  }
  return cached.bank;
}
