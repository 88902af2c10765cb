import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/account-learner.server";
import { AuthForm } from "../auth-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getSignedInUser()) redirect("/dashboard");
  const { signedOut } = await searchParams;
  return (
    <div className={`container ${styles.page}`}>
      <h1>Sign in</h1>
      {signedOut === "1" ? (
        <p role="status" className={styles.notice} data-testid="signed-out">
          You are signed out. Your progress is kept in your account: sign in, here or in any browser, to pick
          it up. Until then this browser is a new guest, and what you do as a guest joins your account when
          you sign in.
        </p>
      ) : null}
      <p className="muted">Progress you made in this browser as a guest is added to your account.</p>
      <AuthForm mode="signin" />
    </div>
  );
}
