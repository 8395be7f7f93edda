import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFanout, toLiveEvent } from '../../src/server/live/fanout.ts';
import type { LiveEvent } from '../../src/server/live/hub.ts';
import { liveEvents } from '../../src/server/repositories/live-events.repository.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom } from '../support/room.ts';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

for (const dialect of testDialects()) {
  describe(`[${dialect}] LocalFanout`, () => {
    let t: TestApp;
    let sessionId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      sessionId = (await buildRoom(t)).sessionId;
    });
    afterAll(() => t.close());

    it('delivers an event once to a reconnected client, though it arrives by replay and again by a late NOTIFY', async () => {
      const append = (n: number) =>
        liveEvents.append(
          t.deps.db,
          {
            session_id: sessionId,
            type: 'test',
            payload: JSON.stringify({ n }),
            at: new Date().toISOString(),
          },
          { channel: 'parley_test', replacesEarlier: false },
        );
      const first = await append(1);
      const later = [await append(2), await append(3)];
      const fanout = new LocalFanout(t.deps.db, () => {});
      const got: LiveEvent[] = [];
      fanout.subscribe(sessionId, first, (e) => got.push(e));
      await until(() => got.length === 2);
      // The NOTIFYs of events 2 and 3 arrive after the replay has already sent them.
      for (const seq of later)
        fanout.deliver(toLiveEvent((await liveEvents.findBySeq(t.deps.db.kysely, seq))!));
      expect(got.map((e) => JSON.parse(e.payload).n)).toEqual([2, 3]);
      // An event older than the one the client resumed from is never sent.
      fanout.deliver(toLiveEvent((await liveEvents.findBySeq(t.deps.db.kysely, first))!));
      expect(got).toHaveLength(2);
    });
  });
}
