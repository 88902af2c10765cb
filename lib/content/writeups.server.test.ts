import { describe, expect, it } from "vitest";
import { listCodeExerciseSlugs } from "./registry";
import { compileWriteup, readPractisedSection } from "./writeups.server";

// Every coded exercise has a write-up that compiles with the lessons' pipeline (KaTeX errors fail)
// and names a lesson section that exists.
describe("exercise write-ups", () => {
  for (const slug of listCodeExerciseSlugs()) {
    it(`${slug}: compiles and names the lesson section it practises`, async () => {
      const section = readPractisedSection(slug);
      expect(section.sectionTitle.length).toBeGreaterThan(0);
      expect(section.lessonTitle.length).toBeGreaterThan(0);
      const code = await compileWriteup(slug);
      expect(code).toContain("The classic mistakes");
      expect(code).toContain("Sources:");
      expect(code).toContain("The line interviewers ask about");
    });
  }
});
