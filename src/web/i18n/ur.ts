import type { Messages } from './en.ts';
import { shell } from './ur/shell.ts';
import { participant } from './ur/participant.ts';
import { setup } from './ur/setup.ts';
import { room } from './ur/room.ts';
import { outcomes } from './ur/outcomes.ts';
import { time } from './ur/time.ts';

/** اردو: every key of en.ts, one file per area of the app under ur/. */
export const ur: Messages = {
  ...shell,
  ...participant,
  ...setup,
  ...room,
  ...outcomes,
  ...time,
};
