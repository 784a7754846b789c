/**
 * A real SMTP server on a free local port (the `smtp-server` package) that keeps
 * every message it receives, parsed (`mailparser`), so tests read what the
 * workspace sent: recipients, subject, plain-text and HTML parts and the links in
 * them. Pass `mailSettings(smtp)` as the server's `mail` configuration.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailSettings } from '../../server/email/mailer';
import { waitFor } from './wait';

export interface ReceivedEmail {
  /** Envelope recipients, lower-cased. */
  readonly to: string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Every http(s) link in the plain-text part, in order. */
  readonly links: string[];
}

export interface TestSmtp {
  readonly url: string;
  readonly messages: ReceivedEmail[];
  /** Waits for a message to `to` that `match` accepts (any by default). */
  waitForEmail(
    to: string,
    match?: (email: ReceivedEmail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEmail>;
  stop(): Promise<void>;
}

export const TEST_MAIL_FROM = 'Improvement Lab <lab@example.org>';

export function mailSettings(smtp: TestSmtp): MailSettings {
  return { url: smtp.url, from: TEST_MAIL_FROM };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedEmail[] = [];
  const listeners = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no certificate to make, and nothing leaves the machine.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          messages.push({
            to: session.envelope.rcptTo.map((each) => each.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : '',
            links: text.match(/https?:\/\/\S+/g) ?? [],
          });
          for (const notify of listeners) notify();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForEmail(to, match = () => true, timeoutMs = 15_000) {
      const wanted = to.toLowerCase();
      const find = () => messages.find((each) => each.to.includes(wanted) && match(each));
      await waitFor(
        `an email to ${to}`,
        () => find() !== undefined,
        (notify) => {
          listeners.add(notify);
          return () => listeners.delete(notify);
        },
        timeoutMs,
      );
      return find() as ReceivedEmail;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
