/**
 * Sending email through any SMTP server (`SMTP_URL`, `MAIL_FROM`). One `Mailer`
 * per server, passed in like the logger; when email is not configured there is no
 * mailer and callers fall back to showing links to copy. Messages are composed by
 * `compose-email.ts`, which escapes what it puts into them; this module checks the
 * recipient once more, since a line break in an address would be a header injection.
 * nodemailer is loaded with the first message, not at start: most of a server's life
 * sends no email, and the library with what it pulls in is about 1 MB of memory.
 */
import type { Transporter } from 'nodemailer';
import * as z from 'zod';
import type { Logger } from '../logger';
import type { ComposedEmail } from './compose-email';

export interface MailSettings {
  /** `smtp://user:password@host:587` or `smtps://…:465`; STARTTLS is used when offered. */
  readonly url: string;
  /** The sender, `Improvement Lab <lab@example.org>` or a bare address. */
  readonly from: string;
}

export interface OutgoingEmail extends ComposedEmail {
  readonly to: string;
}

export interface Mailer {
  /** Resolves once the SMTP server has accepted the message; rejects with why not. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

const Recipient = z.email().max(254);

export class InvalidRecipientError extends Error {
  override readonly name = 'InvalidRecipientError';
}

async function openTransport(settings: MailSettings): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(
    {
      url: settings.url,
      // An SMTP server that hangs must not hold a request for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
    { from: settings.from },
  );
}

export function createMailer(settings: MailSettings, logger: Logger): Mailer {
  // One transport, made on the first send; a failed load is tried again on the next.
  let transport: Promise<Transporter> | null = null;
  return {
    async send(email) {
      const to = Recipient.safeParse(email.to);
      if (!to.success) throw new InvalidRecipientError('not a single email address');
      transport ??= openTransport(settings).catch((error: unknown) => {
        transport = null;
        throw error;
      });
      const info = await (await transport).sendMail({
        to: to.data,
        subject: email.subject.replace(/[\r\n]+/g, ' '),
        text: email.text,
        html: email.html,
      });
      logger.info('email sent', { messageId: info.messageId, subject: email.subject });
    },
    close() {
      void transport?.then(
        (open) => open.close(),
        () => undefined,
      );
    },
  };
}
