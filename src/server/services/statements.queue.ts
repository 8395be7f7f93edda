import type { AttributionRule } from '../../domain/enums.ts';

/**
 * The moderation queue of a sealed session (Chatham House, Chatham House Plus, off the record)
 * is shown to moderators in batches: a statement submitted now appears, with the others of its
 * batch, when the batch ends, and the `moderation-queue` event is sent then, not at each
 * submission. So a moderator who watches the room cannot tell whose typing produced which
 * statement from when it arrived (docs/confidentiality.md, "Timing").
 */
export const isSealed = (rule: AttributionRule | string) => rule !== 'on_record';

/** When the batch holding `atMs` ends (0 batchMs: no batches, at once). */
export const batchEnd = (atMs: number, batchMs: number) =>
  batchMs > 0 ? (Math.floor(atMs / batchMs) + 1) * batchMs : atMs;

/** Pending statements created before this instant are in ended batches, visible to moderators. */
export const queuedBefore = (nowMs: number, batchMs: number) =>
  new Date(batchMs > 0 ? Math.floor(nowMs / batchMs) * batchMs : nowMs + 1).toISOString();

/** A sealed statement's time as others see it: the minute, never the moment of submission. */
export const coarseTime = (iso: string) => `${iso.slice(0, 16)}:00.000Z`;
