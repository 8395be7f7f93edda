import { outcomes as enOutcomes } from './en/outcomes.ts';
import { room as enRoom } from './en/room.ts';
import { setup as enSetup } from './en/setup.ts';
import { outcomes as urOutcomes } from './ur/outcomes.ts';
import { room as urRoom } from './ur/room.ts';
import { setup as urSetup } from './ur/setup.ts';

/**
 * The messages of every page but the participant's (set-up, moderation, the room view,
 * analysis, outcomes), in both languages: loaded with the first of those pages, never by a
 * participant's phone.
 */
export const en = { ...enSetup, ...enRoom, ...enOutcomes };
export const ur = { ...urSetup, ...urRoom, ...urOutcomes };
