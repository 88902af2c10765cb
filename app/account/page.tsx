import type { Metadata } from "next";
import Link from "next/link";
import { getSignedInUser } from "@/lib/auth/account-learner.server";
import styles from "./account.module.css";
import { DeleteForm, SignOutButton, VerifyEmailButton } from "./account-actions";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

/** Who you are here, your data as a download, sign out, and deleting everything. */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getSignedInUser();
  const { verified, error } = await searchParams;
  return (
    <div className={`container ${styles.page}`}>
      <h1>Account</h1>
      <section className={`card ${styles.section}`} aria-labelledby="who">
        <h2 id="who">{user ? "Signed in" : "You are learning as a guest"}</h2>
        {user ? (
          <>
            <p>
              Signed in as <strong>{user.email}</strong>. Your progress follows this account to any browser.
            </p>
            {user.emailVerified ? (
              <p data-testid="email-verified">
                {verified === "1" ? "Thank you: your email is verified." : "Your email is verified."} A
                password reset can reach you there.
              </p>
            ) : (
              <>
                <p data-testid="email-unverified">
                  {verified === "1" && error
                    ? "That verification link has expired or is not valid. Ask for a new one. "
                    : ""}
                  Your email is not verified yet. It is not needed to sign in; verifying it shows that a
                  password reset link will reach you.
                </p>
                <VerifyEmailButton email={user.email} />
              </>
            )}
            <SignOutButton />
          </>
        ) : (
          <>
            <p>
              Your progress is kept in this browser. Make an account to keep it across browsers; it comes with
              you.
            </p>
            <div className={styles.row}>
              <Link className="button primary" href="/signup">
                Create an account
              </Link>
              <Link className="button" href="/signin">
                Sign in
              </Link>
            </div>
          </>
        )}
      </section>
      <section className={`card ${styles.section}`} aria-labelledby="export">
        <h2 id="export">Your data</h2>
        <p>
          Download everything Descent stores about you (lessons read, submissions, cards and reviews) as JSON.
        </p>
        <a className="button" href="/api/account/export" download>
          Export my data
        </a>
      </section>
      <section className={`card ${styles.section}`} aria-labelledby="delete">
        <h2 id="delete">Delete</h2>
        <DeleteForm isGuest={!user} />
      </section>
    </div>
  );
}
