// A real SMTP server on loopback (smtp-server, from the nodemailer project) that keeps what it
// receives, so tests read the mail the app sent instead of mocking the mailer.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as received: envelope recipients, the subject and the decoded text. */
export type ReceivedMail = { to: string[]; subject: string; text: string };

/** Undoes quoted-printable (nodemailer's encoding for long lines): soft breaks and =XX bytes. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const subject = /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? "";
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1]?.trim().toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { to, subject, text };
}

/** The server, its SMTP_URL, the mail so far, and a wait for the next message to an address. */
export type SmtpTestServer = {
  url: string;
  mail: ReceivedMail[];
  /** The first message to `to` among those received from index `since` on (now or later). */
  waitForMail(to: string, since: number, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

/** Starts an SMTP server on 127.0.0.1 (port 0: any free one), without TLS or authentication. */
export async function startSmtpTestServer(port = 0): Promise<SmtpTestServer> {
  const mail: ReceivedMail[] = [];
  const waiters: Array<{ to: string; resolve: (mail: ReceivedMail) => void }> = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const message = parseMail(Buffer.concat(chunks).toString("latin1"), to);
        mail.push(message);
        for (const waiter of [...waiters])
          if (to.includes(waiter.to)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(message);
          }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mail,
    waitForMail(to, since, timeoutMs = 10_000) {
      const address = to.toLowerCase();
      const already = mail.slice(since).find((message) => message.to.includes(address));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { to: address, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`no mail to ${to} within ${timeoutMs} ms`));
          }
        }, timeoutMs);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message that contains `path`. */
export function findLink(mail: ReceivedMail, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  if (!link) throw new Error(`no link to ${path} in "${mail.subject}":\n${mail.text}`);
  return link;
}
