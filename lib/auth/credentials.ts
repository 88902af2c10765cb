import { z } from "zod";
import { isWellFormed } from "@/lib/http/input";

/** Minimum password length; long passphrases beat clever rules. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

const INVALID_CHARACTER = "Contains an invalid character.";

/** How many of lower case, upper case, digits and other characters a password uses. */
function countCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Descent's password policy: at least 10 characters, and not all of one kind (all letters, all digits). */
export const passwordSchema = z
  .string()
  .refine(isWellFormed, { error: INVALID_CHARACTER })
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` })
  .refine((password) => countCharacterClasses(password) >= 2, {
    error: "Mix at least two kinds of characters: lower case, upper case, digits or symbols.",
  });

const emailSchema = z.email({ error: "Enter an email address like ada@example.com." }).max(254);

/** A display name: the same rule at sign-up and on every update. */
const nameSchema = z
  .string()
  .trim()
  .max(80, { error: "Keep the name under 80 characters." })
  .refine(isWellFormed, { error: INVALID_CHARACTER });

/** A profile image: an http(s) URL only (never javascript: or data:), or none. */
const imageSchema = z
  .url({ protocol: /^https?$/, error: "The image must be an http or https URL." })
  .max(2048, { error: "The image URL is too long." })
  .nullable();

/** Profile fields an update may change (better-auth's /update-user), checked like sign-up's. */
export const updateUserSchema = z.object({
  name: nameSchema.min(1, { error: "Enter a name." }).optional(),
  image: imageSchema.optional(),
});

/** Sign-up form and request body (validated in the browser and again by the server hook). */
export const signUpSchema = z.object({
  name: nameSchema.optional(),
  email: emailSchema,
  image: imageSchema.optional(),
  password: passwordSchema,
});

/** Sign-in form: only shape checks, so a wrong password is told apart from a malformed field. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, { error: "Enter your password." })
    .max(MAX_PASSWORD_LENGTH)
    .refine(isWellFormed, { error: INVALID_CHARACTER }),
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

/** "Forgot password?" form: only the email. */
export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The new-password form of a reset link: the policy, typed twice. */
export const resetPasswordSchema = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((values) => values.password === values.confirm, {
    error: "The two passwords differ.",
    path: ["confirm"],
  });
