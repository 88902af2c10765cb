import "server-only";
import { createTransport } from "nodemailer";

/** A message Descent sends: plain text, one recipient. */
export type MailMessage = { to: string; subject: string; text: string };

/**
 * Sends Descent's mail. `configured` is false without SMTP_URL: then nothing is sent, the pages say
 * that email is not set up, and outside production the message (link included) goes to the log so
 * a developer can follow it; in production only the fact that nothing was sent is logged.
 */
export type Mailer = { configured: boolean; send(message: MailMessage): Promise<void> };

export type MailerSettings = {
  /** SMTP_URL: smtp://user:pass@host:port or smtps://…; unset means no mail. */
  smtpUrl?: string;
  /** MAIL_FROM. */
  from: string;
  /** Whether an unsent message may be logged in full (never in production: it holds a live link). */
  logMessages: boolean;
  log?: (line: string) => void;
};

/** A mailer over SMTP with nodemailer, or, without SMTP_URL, one that only logs. */
export function createMailer(settings: MailerSettings): Mailer {
  const log = settings.log ?? ((line: string) => console.info(line));
  if (!settings.smtpUrl) {
    return {
      configured: false,
      async send(message) {
        log(
          settings.logMessages
            ? `[mail] Email is not set up (SMTP_URL), so this message was not sent:\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`
            : `[mail] Email is not set up (SMTP_URL): a message "${message.subject}" was not sent.`,
        );
      },
    };
  }
  const transport = createTransport(settings.smtpUrl);
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from: settings.from, ...message });
    },
  };
}
