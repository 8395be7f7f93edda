import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRoom, vote, type Room, type RoomMember } from '../support/room.ts';

/**
 * The promise of the Chatham House rule, checked end to end: in a session with statements and
 * votes from several participants, every GET endpoint of the OpenAPI document, requested as the
 * public, a sponsor, the moderator and each participant, never names who said or voted what.
 *
 * Roster endpoints exist to say who attends (the round's participants see each other in the
 * room, organisers plan it); they may carry identities, so for them the check is the other half
 * of the link: they must carry no statement id, no statement text and no vote.
 */
const ROSTER = [
  /\/participations/,
  /\/people/,
  /\/users/,
  /\/members/,
  /\/balance$/,
  /^\/api\/v1\/me$/,
];
const isRoster = (path: string) => ROSTER.some((r) => r.test(path));

interface Viewer {
  label: string;
  client: Client;
  /** The viewer's own identifiers may appear in answers about themselves (/me, their own record). */
  own: string[];
  cookie?: string;
}

const secretsOf = (m: RoomMember) => [
  m.userId,
  m.personId,
  m.participationId,
  m.fullName,
  m.email,
  `Quill-${m.fullName.split(' ')[1].split('-')[0]}-Zed`,
];

for (const dialect of testDialects()) {
  describe(`[${dialect}] confidentiality of a Chatham House session`, () => {
    let t: TestApp;
    let room: Room;
    let statementIds: string[] = [];
    const texts: string[] = [];
    let baseUrl: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      room = await buildRoom(t, { rule: 'chatham_house', participants: 4 });
      const [p0, p1, p2, p3] = room.participants;
      const submitted: string[] = [];
      for (const [i, p] of [p0, p1, p2, p3].entries()) {
        const text = `Confidential proposal number ${i} about water sharing`;
        texts.push(text);
        submitted.push(
          (
            await p.client.request('POST', `/api/v1/sessions/${room.sessionId}/statements`, {
              kind: 'idea',
              text,
            })
          ).json().id,
        );
      }
      for (const id of submitted.slice(0, 3))
        await room.moderator.client.request('POST', `/api/v1/statements/${id}/moderation`, {
          action: 'approve',
        });
      await room.moderator.client.request('POST', `/api/v1/statements/${submitted[2]}/moderation`, {
        action: 'edit',
        text: `${texts[2]} (edited)`,
        reason: 'clarity',
      });
      const pendingOwn = (
        await p3.client.request('POST', `/api/v1/sessions/${room.sessionId}/statements`, {
          kind: 'concern',
          text: 'A pending concern',
        })
      ).json().id;
      const rejected = (
        await p0.client.request('POST', `/api/v1/sessions/${room.sessionId}/statements`, {
          kind: 'concern',
          text: 'A rejected concern',
        })
      ).json().id;
      await room.moderator.client.request('POST', `/api/v1/statements/${rejected}/moderation`, {
        action: 'reject',
        reason: 'duplicate',
      });
      statementIds = [...submitted, pendingOwn, rejected];
      const values = [1, -1, 0] as const;
      for (const [i, p] of [p0, p1, p2, p3, room.moderator].entries()) {
        for (const [j, id] of submitted.slice(0, 3).entries())
          await vote(p, room.sessionId, id, values[(i + j) % 3]);
      }
      await waitForAnalysis();
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = address.startsWith('http')
        ? address
        : `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    }, 60_000);
    afterAll(() => t.close());

    /** The live engineer's hub analyses after a debounce; the walk should see a real analysis. */
    async function waitForAnalysis() {
      for (let i = 0; i < 100; i++) {
        const row = await t.deps.db.kysely
          .selectFrom('analysis_results')
          .select('vote_count')
          .where('session_id', '=', room.sessionId)
          .executeTakeFirst();
        if (row && row.vote_count >= 15) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    function candidates(path: string): string[] {
      const [, kind] = /^\/api\/v1\/([a-z-]+)\/\{id\}/.exec(path) ?? [];
      const everyone = [room.moderator, ...room.participants];
      switch (kind) {
        case undefined:
          return [path];
        case 'series':
          return [room.seriesId];
        case 'rounds':
          return [room.roundId];
        case 'sessions':
          return [room.sessionId];
        case 'statements':
          return statementIds;
        case 'people':
          return everyone.map((m) => m.personId);
        case 'participations':
          return everyone.map((m) => m.participationId);
        case 'users':
          return everyone.map((m) => m.userId);
        default:
          return ['no-such-id'];
      }
    }

    /** Reads a server-sent event stream from the start (?after=0) for a moment. */
    async function readStream(
      viewer: Viewer,
      path: string,
    ): Promise<{ status: number; body: string }> {
      const cookie = viewer.cookie;
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}${path}?after=0`, {
        headers: cookie ? { cookie } : {},
        signal: controller.signal,
      });
      if (response.status !== 200) return { status: response.status, body: await response.text() };
      let body = '';
      const reader = response.body!.getReader();
      const timer = setTimeout(() => controller.abort(), 1500);
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          body += new TextDecoder().decode(value);
        }
      } catch {
        // aborted after the replay: what arrived is what we check
      } finally {
        clearTimeout(timer);
      }
      return { status: 200, body };
    }

    it('walks every GET endpoint as the public, a sponsor, the moderator and each participant without finding an author or voter', async () => {
      const doc = (await publicClient(t).request('GET', '/api/v1/openapi.json')).json() as {
        paths: Record<
          string,
          Record<string, { parameters?: Array<{ name: string; in: string; required: boolean }> }>
        >;
      };
      const members = [room.moderator, ...room.participants];
      const secrets = members.flatMap((m) => secretsOf(m).map((s) => ({ s, owner: m.userId })));
      const viewers: Viewer[] = [
        { label: 'public', client: publicClient(t), own: [] },
        { label: 'sponsor', client: room.sponsor, own: [], cookie: room.sponsor.cookie },
        ...members.map((m, i) => ({
          label: i === 0 ? 'moderator' : `participant ${i}`,
          client: m.client,
          own: [m.userId],
          cookie: m.client.cookie,
        })),
      ];
      let checked = 0;
      const leaks: string[] = [];
      // Proof the walk saw the room, not just refusals: statement texts, the stream and the analysis reached participants.
      const seen = { statementText: 0, events: 0, analysis: 0 };
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (!ops.get) continue;
        const required = (ops.get.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=x`);
        for (const id of candidates(path)) {
          const url =
            path.replace('{id}', id).replace(/\{\w+\}/g, 'no-such-id') +
            (required.length ? `?${required.join('&')}` : '');
          for (const viewer of viewers) {
            const { status, body } = path.endsWith('/events')
              ? await readStream(viewer, url)
              : await viewer.client
                  .request('GET', url)
                  .then((r) => ({ status: r.statusCode, body: r.body }));
            expect(status, `${viewer.label} GET ${url}`).toBeLessThan(500);
            checked++;
            if (status === 200 && viewer.own.length) {
              if (texts.some((text) => body.includes(text))) seen.statementText++;
              if (path.endsWith('/events') && body.includes('event:')) seen.events++;
              if (path.endsWith('/analysis') && body.includes('"analysis":{')) seen.analysis++;
            }
            if (isRoster(path)) {
              for (const s of [...statementIds, ...texts])
                if (body.includes(s))
                  leaks.push(`${viewer.label} GET ${url} links the roster to statement "${s}"`);
              continue;
            }
            for (const { s, owner } of secrets) {
              if (viewer.own.includes(owner)) continue;
              if (body.includes(s)) leaks.push(`${viewer.label} GET ${url} reveals "${s}"`);
            }
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(checked).toBeGreaterThan(100);
      expect(seen.statementText).toBeGreaterThanOrEqual(members.length * 3);
      expect(seen.events).toBe(members.length);
      expect(seen.analysis).toBeGreaterThanOrEqual(members.length);
    }, 120_000);

    it('tells each participant only which statements are their own', async () => {
      for (const [i, p] of room.participants.entries()) {
        const items = (
          await p.client.request('GET', `/api/v1/sessions/${room.sessionId}/statements?limit=200`)
        ).json().items as Array<{ id: string; mine: boolean; author: unknown }>;
        expect(items.every((s) => s.author === null)).toBe(true);
        expect(items.filter((s) => s.mine).map((s) => s.id)).toContain(statementIds[i]);
        expect(
          items.filter(
            (s) => s.mine && s.id !== statementIds[i] && !statementIds.slice(4).includes(s.id),
          ),
        ).toEqual([]);
      }
    });
  });
}
