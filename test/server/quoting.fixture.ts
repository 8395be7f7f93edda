import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { buildSession } from '../support/factories.ts';
import { buildOutcomesRoom, identities, type OutcomesRoom } from './outcomes.fixture.ts';

export const PLUS_SESSION = 'Border talks';
/** Statement 2 of the Chatham House Rule Plus session: seven words, which the old eight-word check let through. */
export const SEVEN = 'Open the Wagah border to all trade.';
/** Statement 3, with its Urdu translation. */
export const REVIEW = {
  text: 'Hold an annual public review in which both governments report on the commitments made in their strategic dialogue.',
  translation:
    'ایک سالانہ عوامی جائزہ منعقد کیا جائے جس میں دونوں حکومتیں اپنے اسٹریٹجک مکالمے میں کیے گئے وعدوں پر رپورٹ پیش کریں۔',
};

export interface QuotingRoom extends OutcomesRoom {
  plusSessionId: string;
  /** Says a statement in the Chatham House Rule Plus session now; returns its number there. */
  say(text: string, translation?: string): Promise<number>;
}

/**
 * An outcomes room whose round also has a Chatham House Rule Plus session (its statements 1-3
 * said at the start; `say` adds more later, as when a statement comes after a text was saved).
 */
export async function buildQuotingRoom(t: TestApp): Promise<QuotingRoom> {
  const room = await buildOutcomesRoom(t);
  const plus = await buildSession(t.deps.db.kysely, {
    round_id: room.roundId,
    attribution_rule: 'chatham_house_plus',
    status: 'open',
    position: 2,
    title: PLUS_SESSION,
  });
  let said = 0;
  const say = async (text: string, translation = '') => {
    const res = await room.organiser.request('POST', `/api/v1/sessions/${plus.id}/statements`, {
      kind: 'idea',
      text,
      translation,
    });
    expect(res.statusCode, res.body).toBe(201);
    return ++said;
  };
  await say('Water data should be shared every season by both countries.');
  await say(SEVEN);
  await say(REVIEW.text, REVIEW.translation);
  return { ...room, plusSessionId: plus.id, say };
}

/** A 409 naming the field, the statement by its number in the session and the passage; nobody's name or id. */
export function expectQuotation(
  room: QuotingRoom,
  res: { statusCode: number; body: string; json(): { errors: unknown[]; detail: string } },
  field: string,
  number: number,
  passage: string,
) {
  expect(res.statusCode, res.body).toBe(409);
  const statement = `statement ${number} of session “${PLUS_SESSION}”`;
  expect(res.json().errors).toEqual([{ field, message: `reproduces ${statement}: “${passage}”` }]);
  expect(res.json().detail).toContain(
    `reproduces ${statement}, said under Chatham House Rule Plus`,
  );
  for (const identity of identities(room)) expect(res.body).not.toContain(identity);
}
