import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

const FROM = 'Tokenly Music <no-reply@tokenly-music.local>';

/** SMTP when SMTP_URL is set; otherwise each message becomes a .eml file in DATA_DIR/mail/. */
export function createMailer(smtpUrl: string | undefined, dataDir: string, log: (msg: string) => void): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: FROM, ...mail });
      },
    };
  }
  const outbox = path.join(dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: FROM, ...mail });
      await fs.mkdir(outbox, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = mail.to.replace(/[^A-Za-z0-9@._-]/g, '_');
      const file = path.join(outbox, `${stamp}-${safeTo}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      // The path, not the content: the message holds a reset token.
      log(`mail to ${safeTo} written to ${file}`);
    },
  };
}
