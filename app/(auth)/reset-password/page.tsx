import type { Metadata } from "next";
import Link from "next/link";
import styles from "../auth.module.css";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

/**
 * Where a reset link lands: better-auth checks the token (GET /api/auth/reset-password/<token>)
 * and redirects here with it, or with error=INVALID_TOKEN when it is unknown, used or expired.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token, error } = await searchParams;
  const valid = typeof token === "string" && /^[A-Za-z0-9_-]{8,128}$/.test(token) && !error;
  return (
    <div className={`container ${styles.page}`}>
      <h1>Set a new password</h1>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <p role="alert" className={styles.formError}>
            This link has expired or was already used: each link works once, within an hour.
          </p>
          <p>
            <Link className="button primary" href="/forgot-password">
              Ask for a new link
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
