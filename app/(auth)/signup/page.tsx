import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/account-learner.server";
import { AuthForm } from "../auth-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getSignedInUser()) redirect("/dashboard");
  return (
    <div className={`container ${styles.page}`}>
      <h1>Create an account</h1>
      <p className="muted">
        Everything works without an account. Make one to keep your progress across browsers: what you have
        done here so far moves into it.
      </p>
      <AuthForm mode="signup" />
    </div>
  );
}
