import type { Message } from './message.ts';
import { shell } from './en/shell.ts';
import { participant } from './en/participant.ts';
import { setup } from './en/setup.ts';
import { room } from './en/room.ts';
import { outcomes } from './en/outcomes.ts';
import { time } from './en/time.ts';

export type { Message, Plural } from './message.ts';

/**
 * The English catalogue, the source of every key, one file per area of the app under en/.
 * The app itself loads it in two parts (catalogs.ts): shell, participant and time at start, the
 * rest with the first page that needs them; this whole object is for types and tests.
 */
export const en = {
  ...shell,
  ...participant,
  ...setup,
  ...room,
  ...outcomes,
  ...time,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
/** Every other language must have exactly these keys: a missing one is a compile error. */
export type Messages = { [K in MessageKey]: Message };
