import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPolisExport } from '../../src/polis/read.ts';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildSession } from '../support/factories.ts';
import { vote } from '../support/room.ts';
import {
  buildOutcomesRoom,
  identities,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from './outcomes.fixture.ts';

/** Reads a JSON Polis export back through the Polis reader, via a temporary folder. */
async function reread(files: Record<string, string>) {
  const folder = await mkdtemp(join(tmpdir(), 'parley-polis-test-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
    return await readPolisExport(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Reads the stored entries of a ZIP archive by their local headers, checking each CRC. */
function unzipStored(zip: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    expect(zip.readUInt16LE(at + 8), 'stored, not compressed').toBe(0);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + size);
    expect(crc32(data)).toBe(zip.readUInt32LE(at + 14));
    files[zip.subarray(at + 30, at + 30 + nameLength).toString('utf8')] = data.toString('utf8');
    at = start + size;
  }
  // The central directory follows, and the end record says how many entries it lists.
  expect(zip.readUInt32LE(at)).toBe(0x02014b50);
  expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(Object.keys(files).length);
  return files;
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] exports`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    const texts = [
      'Open a hotline',
      'Joint water data, shared "monthly"',
      'Visa easing for scholars',
    ];
    let ids: string[];
    let secrets: string[];

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildOutcomesRoom(t);
      ids = [];
      for (const text of texts) ids.push(await seed(room, room.sessionId, text));
      // Each participant votes differently, so any order of rows shows in the files.
      for (const [i, m] of room.participants.entries()) {
        for (const [j, id] of ids.entries()) {
          if (i === 5 && j === 2) continue;
          const value = ([1, -1, 0] as const)[(i * (j + 1)) % 3];
          expect((await vote(m, room.sessionId, id, value)).statusCode).toBe(201);
        }
      }
      await storeAnalysis(t, room.sessionId);
      // A participant's own statement, pending: never exported.
      await room.participants[0].client.request(
        'POST',
        `/api/v1/sessions/${room.sessionId}/statements`,
        {
          kind: 'idea',
          text: 'A pending idea',
        },
      );
      secrets = [
        ...identities(room),
        ...[...room.rapporteurs, ...room.heads].flatMap((m) => [
          m.userId,
          m.personId,
          m.participationId,
          m.fullName,
          m.email,
        ]),
      ];
    });
    afterAll(() => t.close());

    it("exports a session's votes as Polis files the Polis reader reads back with the same counts and no identities", async () => {
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/export/polis`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const { files } = res.json() as { files: Record<string, string> };
      expect(Object.keys(files).sort()).toEqual([
        'comments.csv',
        'participants-votes.csv',
        'summary.csv',
        'votes.csv',
      ]);
      for (const secret of secrets) expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain('A pending idea');

      const polis = await reread(files);
      expect(polis.comments.map((c) => c.body)).toEqual(texts);
      // Chatham House: every comment's author is n, a number no voter has (6 voters: 0..5).
      expect(polis.comments.every((c) => c.authorId === '6')).toBe(true);
      expect([...polis.table.participants].sort()).toEqual(['0', '1', '2', '3', '4', '5']);
      const counted = new Map<string, { agree: number; disagree: number; pass: number }>();
      for (let k = 0; k < polis.table.value.length; k++) {
        const body = polis.comments.find(
          (c) => c.id === polis.table.statements[polis.table.statement[k]].id,
        )!.body;
        const c = counted.get(body) ?? { agree: 0, disagree: 0, pass: 0 };
        c[polis.table.value[k] > 0 ? 'agree' : polis.table.value[k] < 0 ? 'disagree' : 'pass']++;
        counted.set(body, c);
      }
      const stored = await t.deps.db.kysely
        .selectFrom('votes')
        .select(['statement_id', 'value'])
        .where('session_id', '=', room.sessionId)
        .execute();
      for (const [j, id] of ids.entries()) {
        const mine = stored.filter((v) => v.statement_id === id);
        expect(counted.get(texts[j])).toEqual({
          agree: mine.filter((v) => v.value === 1).length,
          disagree: mine.filter((v) => v.value === -1).length,
          pass: mine.filter((v) => v.value === 0).length,
        });
      }
      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'resource_id'])
        .where('action', '=', 'session.export_polis')
        .execute();
      expect(audit).toEqual([{ action: 'session.export_polis', resource_id: room.sessionId }]);
    });

    it('offers the same files as a ZIP archive', async () => {
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${room.sessionId}/export/polis?format=zip`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const files = unzipStored(res.rawPayload);
      expect(Object.keys(files).sort()).toEqual([
        'comments.csv',
        'participants-votes.csv',
        'summary.csv',
        'votes.csv',
      ]);
      const polis = await reread(files);
      expect(polis.comments.map((c) => c.body)).toEqual(texts);
      expect(polis.table.value.length).toBe(17);
      expect(
        (
          await room.organiser.request(
            'GET',
            `/api/v1/sessions/${room.sessionId}/export/polis?format=tar`,
          )
        ).json().errors[0].field,
      ).toBe('query.format');
    });

    it('numbers participants afresh in a random order for every export', async () => {
      const rows = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const { files } = (
          await room.organiser.request('GET', `/api/v1/sessions/${room.sessionId}/export/polis`)
        ).json();
        rows.add(files['participants-votes.csv']);
      }
      expect(rows.size).toBeGreaterThan(1);
    });

    it('has nothing to export from an off-the-record session, and is for organisers only', async () => {
      const offRecord = await buildSession(t.deps.db.kysely, {
        round_id: room.roundId,
        attribution_rule: 'off_record',
        position: 4,
      });
      const res = await room.organiser.request(
        'GET',
        `/api/v1/sessions/${offRecord.id}/export/polis`,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toMatch(/off the record/);
      expect(
        (
          await room.moderator.client.request(
            'GET',
            `/api/v1/sessions/${room.sessionId}/export/polis`,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await room.sponsor.request('GET', `/api/v1/rounds/${room.roundId}/export`)).statusCode,
      ).toBe(403);
      expect(
        (await publicClient(t).request('GET', `/api/v1/rounds/${room.roundId}/export`)).statusCode,
      ).toBe(404);
    });

    it('exports a round as JSON: sessions, approved statements without authors, aggregate analysis and outcomes', async () => {
      const [rapporteur] = room.rapporteurs;
      await rapporteur.client.request('POST', `/api/v1/rounds/${room.roundId}/outcome-items`, {
        sessionId: room.sessionId,
        type: 'idea',
        title: 'Hotline',
        body: 'Open one.',
        statementIds: [ids[0]],
      });
      await rapporteur.client.request('POST', `/api/v1/rounds/${room.roundId}/recommendations`, {
        title: 'Restore the visa desk',
        addressees: ['US State Department'],
      });
      await rapporteur.client.request('PUT', `/api/v1/rounds/${room.roundId}/conclusions`, {
        baseVersion: 0,
        body: 'Continuity of engagement.',
      });
      const res = await room.organiser.request('GET', `/api/v1/rounds/${room.roundId}/export`);
      expect(res.statusCode, res.body).toBe(200);
      const doc = res.json();
      expect(doc.format).toBe('parley-round-export');
      expect(doc.round.id).toBe(room.roundId);
      expect(doc.statements.map((s: { text: string }) => s.text)).toEqual(texts);
      expect(
        doc.statements[0].counts.agree +
          doc.statements[0].counts.disagree +
          doc.statements[0].counts.pass,
      ).toBe(6);
      expect(doc.analysis[0].analysis.statements).toHaveLength(3);
      expect(doc.outcomeItems.map((i: { title: string }) => i.title)).toEqual(['Hotline']);
      expect(doc.recommendations.map((r: { code: string }) => r.code)).toEqual(['R1.1']);
      expect(doc.conclusions.body).toBe('Continuity of engagement.');
      expect(doc.rapporteurReport).toBeNull();
      for (const secret of secrets) expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain('A pending idea');
      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'round.export')
        .execute();
      expect(audit).toHaveLength(1);
    });
  });
}
