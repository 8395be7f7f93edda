import type { Message } from './message.ts';
import { shell } from './en/shell.ts';
import { setup } from './en/setup.ts';
import { room } from './en/room.ts';
import { outcomes } from './en/outcomes.ts';
import { time } from './en/time.ts';

export type { Message, Plural } from './message.ts';

/** The English catalogue, the source of every key, one file per area of the app under en/. */
export const en = { ...shell, ...setup, ...room, ...outcomes, ...time } satisfies Record<
  string,
  Message
>;

export type MessageKey = keyof typeof en;
/** Every other language must have exactly these keys: a missing one is a compile error. */
export type Messages = { [K in MessageKey]: Message };
