import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/account-learner.server";
import { AuthForm } from "../auth-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getSignedInUser()) redirect("/dashboard");
  return (
    <div className={`container ${styles.page}`}>
      <h1>Sign in</h1>
      <p className="muted">Progress you made in this browser as a guest is added to your account.</p>
      <AuthForm mode="signin" />
    </div>
  );
}
