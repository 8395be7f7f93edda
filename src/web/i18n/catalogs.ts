import type { Message, MessageKey, Messages } from './en.ts';
import { participant as enParticipant } from './en/participant.ts';
import { shell as enShell } from './en/shell.ts';
import { time as enTime } from './en/time.ts';
import { participant as urParticipant } from './ur/participant.ts';
import { shell as urShell } from './ur/shell.ts';
import { time as urTime } from './ur/time.ts';

type Lang = 'en' | 'ur';

/**
 * The messages loaded so far. The participant's path (sign-in, invitation, agenda, voting) is
 * in the app's entry; everything else arrives with the first page that needs it, so a
 * participant's phone never downloads the organisers' and rapporteurs' words.
 */
const loaded: Record<Lang, Partial<Messages>> = {
  en: { ...enShell, ...enParticipant, ...enTime },
  ur: { ...urShell, ...urParticipant, ...urTime },
};
let rest: Promise<void> | null = null;

export function messageOf(lang: Lang, key: MessageKey): Message | undefined {
  return loaded[lang][key];
}

/** Loads the rest of both catalogues (once); lazy pages wait for it alongside their own code. */
export function loadAllMessages(): Promise<void> {
  rest ??= import('./organiser-messages.ts').then(
    (more) => {
      Object.assign(loaded.en, more.en);
      Object.assign(loaded.ur, more.ur);
    },
    (error: unknown) => {
      rest = null; // offline: try again next time
      throw error;
    },
  );
  return rest;
}
