import { z } from "zod";

/** Lesson slugs, exercise folders and card ids are kebab-case: `adam-variants`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case slug; whether it names something that exists is checked against the content folder. */
export const SlugSchema = z.string().regex(SLUG_PATTERN, { error: "must be a kebab-case slug" });
