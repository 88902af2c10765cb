import { z } from "zod";

/** Minimum password length; long passphrases beat clever rules. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

/** How many of lower case, upper case, digits and other characters a password uses. */
function countCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Descent's password policy: at least 10 characters, and not all of one kind (all letters, all digits). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` })
  .refine((password) => countCharacterClasses(password) >= 2, {
    error: "Mix at least two kinds of characters: lower case, upper case, digits or symbols.",
  });

const emailSchema = z.email({ error: "Enter an email address like ada@example.com." }).max(254);

/** Sign-up form and request body (validated in the browser and again by the server hook). */
export const signUpSchema = z.object({
  name: z.string().trim().max(80, { error: "Keep the name under 80 characters." }).optional(),
  email: emailSchema,
  password: passwordSchema,
});

/** Sign-in form: only shape checks, so a wrong password is told apart from a malformed field. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(MAX_PASSWORD_LENGTH),
});

/** Field errors of a failed parse, first message per field. */
export function getFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}
