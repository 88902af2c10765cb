import type { Metadata } from "next";
import Link from "next/link";
import { getSignedInUser } from "@/lib/auth/account-learner.server";
import { DeleteForm, SignOutButton } from "./account-actions";
import styles from "./account.module.css";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

/** Who you are here, your data as a download, sign out, and deleting everything. */
export default async function AccountPage() {
  const user = await getSignedInUser();
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
