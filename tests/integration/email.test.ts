import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeEmail, escapeHtml } from '../../server/email/compose-email';
import { createMailer, InvalidRecipientError, type Mailer } from '../../server/email/mailer';
import { createMemoryLogger } from '../../server/logger';
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';

describe('email through a real SMTP server', () => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createMailer(mailSettings(smtp), createMemoryLogger());
  });
  afterAll(async () => {
    mailer.close();
    await smtp.stop();
  });

  it('sends a plain-text part and an HTML part with the link in both', async () => {
    const email = composeEmail({
      subject: 'You are invited to Falls lab',
      paragraphs: ['Olivia Owner invited you to join Falls lab as a participant.'],
      action: { label: 'Accept the invitation', url: 'https://lab.example.org/invite/il_inv_abc' },
      after: ['The link works for 14 days.'],
    });
    await mailer.send({ to: 'Pat@Example.org', ...email });
    const received = await smtp.waitForEmail('pat@example.org');
    expect(received.subject).toBe('You are invited to Falls lab');
    expect(received.from).toBe('lab@example.org');
    expect(received.text).toContain('Olivia Owner invited you');
    expect(received.links).toEqual(['https://lab.example.org/invite/il_inv_abc']);
    expect(received.html).toContain('href="https://lab.example.org/invite/il_inv_abc"');
    expect(received.html).toContain('The link works for 14 days.');
  });

  it('escapes what people typed in the HTML part and keeps it as typed in the text part', async () => {
    const note = 'Bring <script>alert("x")</script> & "friends"';
    const email = composeEmail({
      subject: 'A note\r\nBcc: victim@example.org',
      paragraphs: [note],
      action: { label: '<b>Open</b>', url: 'https://lab.example.org/a?b=1&c="2"' },
    });
    await mailer.send({ to: 'escape@example.org', ...email });
    const received = await smtp.waitForEmail('escape@example.org');
    expect(received.to).toEqual(['escape@example.org']);
    expect(received.subject).toBe('A note Bcc: victim@example.org');
    expect(received.html).not.toContain('<script>');
    expect(received.html).toContain(escapeHtml(note));
    expect(received.html).toContain('&lt;b&gt;Open&lt;/b&gt;');
    expect(received.html).toContain('href="https://lab.example.org/a?b=1&amp;c=%222%22"');
    expect(received.text).toContain(note);
  });

  it('refuses a recipient that is not one address, and a link that is not http(s)', async () => {
    const email = composeEmail({ subject: 'Hello', paragraphs: ['Hi'] });
    await expect(
      mailer.send({ to: 'a@example.org\r\nBcc: b@example.org', ...email }),
    ).rejects.toThrow(InvalidRecipientError);
    await expect(mailer.send({ to: 'a@example.org, b@example.org', ...email })).rejects.toThrow(
      InvalidRecipientError,
    );
    expect(() =>
      composeEmail({
        subject: 'x',
        paragraphs: [],
        action: { label: 'Open', url: 'javascript:alert(1)' },
      }),
    ).toThrow(/http or https/);
    expect(smtp.messages.some((each) => each.to.includes('b@example.org'))).toBe(false);
  });
});
