import { z } from "zod";
import { SlugSchema as slug } from "./slug";

/** Frontmatter every lesson declares; an invalid lesson fails the build naming the file and field. */
const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** One sentence. */
  summary: z
    .string()
    .trim()
    .min(1)
    .refine((text) => !/[.!?]\s+\S/.test(text), { error: "must be one sentence" }),
  order: z.number().int().positive(),
  prerequisites: z.array(slug),
  /** Estimated reading minutes. */
  minutes: z.number().int().positive(),
  exercises: z.array(slug),
  cards: z.array(z.string().trim().min(1)),
});

/** A lesson's validated frontmatter. */
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** Validates raw frontmatter; throws an Error naming the file and the first bad field. */
export function parseLessonFrontmatter(raw: unknown, file: string): LessonFrontmatter {
  const parsed = lessonFrontmatterSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(frontmatter)";
    return `field "${field}": ${issue.message}`;
  });
  throw new Error(`Invalid frontmatter in ${file}: ${problems.join("; ")}`);
}
