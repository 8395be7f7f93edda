import type { Mail } from './mailer.ts';

export interface InvitationMailFacts {
  to: string;
  link: string;
  seriesTitle: string;
  /** e.g. "Round 2, Islamabad, Pakistan, 2026-04-05 to 2026-04-06"; null for a series role. */
  round: string | null;
  /** e.g. "delegate", "focal point (Pakistan)". */
  role: string;
  expiresAt: Date;
}

const readableUtc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A plain, courteous invitation: what it is for, the personal link, and when it stops working. */
export function invitationMail(f: InvitationMailFacts): Mail {
  const what = f.round ? `${f.round} of the ${f.seriesTitle}` : `the ${f.seriesTitle}`;
  const text = [
    'Dear colleague,',
    '',
    `You are warmly invited to join ${what} on Parley, as ${f.role}.`,
    '',
    'To accept, please open this link and choose a password:',
    '',
    f.link,
    '',
    `The link is personal and works once. It expires on ${readableUtc(f.expiresAt)}.`,
    'If it has expired, the organisers will gladly send you a new one.',
    '',
    'If you were not expecting this invitation, you may simply ignore this message.',
    '',
    'With kind regards,',
    `The organisers of the ${f.seriesTitle}`,
    '',
  ].join('\n');
  return { to: f.to, subject: `Invitation: ${f.seriesTitle}`, text };
}
