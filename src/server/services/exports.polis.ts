import { K_ANONYMITY_DEFAULT, K_ANONYMITY_MIN } from '../../domain/series.ts';
import { randomInt } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toVoteTable } from '../../analysis/index.ts';
import type { PolisExport } from '../../polis/read.ts';
import { writePolisExport } from '../../polis/write.ts';

export const POLIS_FILES = [
  'summary.csv',
  'comments.csv',
  'votes.csv',
  'participants-votes.csv',
] as const;

/** Fisher–Yates with a cryptographic source: the order says nothing about who joined or voted first. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The one instant every row carries: when the session was closed (closed_at, where recorded),
 * else its scheduled end, else the end of its round's last day (UTC).
 */
export function exportInstant(session: {
  closed_at?: string | null;
  ends_at: string | null;
  round_ends_on: string;
}): number {
  const at = session.closed_at ?? session.ends_at ?? `${session.round_ends_on}T23:59:59.000Z`;
  return Date.parse(at);
}

export interface PolisSource {
  title: string;
  /** Where the session's analysis is in Parley (summary.csv `url`). */
  url?: string;
  /** summary.csv `conversation-description`. */
  description?: string;
  /** The one instant (epoch ms) every comment and vote row carries; undefined writes blank times. */
  instant?: number;
  /** Opinion groups are named only when they have at least k members (the series' k-anonymity). */
  k?: number;
  /** Authors are named only on the record; otherwise (and for seeded statements) `author` is null. */
  authorsNamed?: boolean;
  statements: { id: string; text: string; status: string; author?: string | null }[];
  votes: { participation_id: string; statement_id: string; value: number }[];
  /** Parley's analysis of the session: its opinion groups (members as in `votes`) and in-conv count. */
  analysis?: { groups: readonly { id: number; members: readonly string[] }[]; inConv: number };
}

/**
 * The groups that may be named: those of at least k members, renumbered 0.. in Parley's order
 * (Polis's group ids are 0-based and contiguous). Members of smaller groups get none.
 */
export function releasedGroups(
  groups: readonly { id: number; members: readonly string[] }[],
  k: number,
): { byParticipant: Map<string, number>; count: number } {
  const byParticipant = new Map<string, number>();
  const large = [...groups].filter((g) => g.members.length >= k).sort((a, b) => a.id - b.id);
  large.forEach((g, polisId) => g.members.forEach((m) => byParticipant.set(m, polisId)));
  return { byParticipant, count: large.length };
}

/**
 * A session's votes as Polis export files (file name → CSV text), written by src/polis/write.ts.
 * Participants become 0..n-1 in a fresh random order per export, statements 0..m-1 in agenda
 * order. Every row carries the same instant, so no order of writing or voting shows. A comment's
 * author-id is n (a number no voter has) unless authors are named, when each author gets a number
 * from n+1 on, in a fresh random order: never their voter number, since votes are never
 * attributed. docs/outcomes.md describes every column.
 */
export async function polisFiles(source: PolisSource): Promise<Record<string, string>> {
  const anonymous = new Map(
    shuffled([...new Set(source.votes.map((v) => v.participation_id))]).map((id, i) => [
      id,
      String(i),
    ]),
  );
  const voters = anonymous.size;
  const commentId = new Map(source.statements.map((s, j) => [s.id, String(j)]));
  const votes = source.votes
    .filter((v) => commentId.has(v.statement_id))
    .map((v) => ({
      participant: anonymous.get(v.participation_id)!,
      statement: commentId.get(v.statement_id)!,
      value: v.value,
      at: source.instant,
    }))
    // Sorted by the anonymous ids, so the row order carries no trace of the order of voting.
    .sort(
      (a, b) =>
        Number(a.participant) - Number(b.participant) || Number(a.statement) - Number(b.statement),
    );
  const participants = [...anonymous.values()].sort((a, b) => Number(a) - Number(b));
  const named = source.authorsNamed
    ? [...new Set(source.statements.map((s) => s.author ?? null))].filter((a) => a !== null)
    : [];
  const authorId = new Map(shuffled(named).map((author, i) => [author, String(voters + 1 + i)]));
  const k = Math.max(K_ANONYMITY_MIN, source.k ?? K_ANONYMITY_DEFAULT);
  const groups = releasedGroups(source.analysis?.groups ?? [], k);
  const polisGroups = new Map<string, string>();
  for (const [participation, id] of anonymous) {
    const group = groups.byParticipant.get(participation);
    if (group !== undefined) polisGroups.set(id, String(group));
  }
  const timestamp = source.instant === undefined ? '' : String(source.instant);
  const data: PolisExport = {
    summary: {
      topic: source.title,
      url: source.url ?? '',
      views: String(voters),
      voters: String(voters),
      'voters-in-conv': String(source.analysis?.inConv ?? voters),
      commenters: source.authorsNamed ? String(named.length) : '',
      comments: String(source.statements.length),
      groups: String(groups.count),
      'conversation-description': source.description ?? '',
    },
    comments: source.statements.map((s) => ({
      id: commentId.get(s.id)!,
      body: s.text,
      authorId: (s.author && authorId.get(s.author)) || String(voters),
      moderated: s.status === 'approved' ? 1 : -1,
      timestamp,
    })),
    table: toVoteTable({
      participants,
      statements: source.statements.map((s) => ({
        id: commentId.get(s.id)!,
        moderatedOut: s.status !== 'approved',
      })),
      votes,
    }),
    polisGroups,
    voteSource: 'votes.csv',
  };
  const folder = await mkdtemp(join(tmpdir(), 'parley-polis-'));
  try {
    await writePolisExport(folder, data);
    const files: Record<string, string> = {};
    for (const name of POLIS_FILES) files[name] = await readFile(join(folder, name), 'utf8');
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
