import type { Metadata } from "next";
import styles from "../auth.module.css";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Asks for a password-reset link by email. */
export default function ForgotPasswordPage() {
  return (
    <div className={`container ${styles.page}`}>
      <h1>Forgot your password?</h1>
      <p className="muted">
        Enter the email of your account and we will send a link to set a new password. Your progress stays in
        the account.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
