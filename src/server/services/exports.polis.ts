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

export interface PolisSource {
  title: string;
  statements: { id: string; text: string; status: string }[];
  votes: { participation_id: string; statement_id: string; value: number }[];
}

/**
 * A session's votes as Polis export files (file name → CSV text), written by src/polis/write.ts.
 * Participants become 0..n-1 in a fresh random order per export, statements 0..m-1 in agenda
 * order; comments carry no author and votes no time, so nothing maps back to a person.
 */
export async function polisFiles(source: PolisSource): Promise<Record<string, string>> {
  const anonymous = new Map(
    shuffled([...new Set(source.votes.map((v) => v.participation_id))]).map((id, i) => [
      id,
      String(i),
    ]),
  );
  const commentId = new Map(source.statements.map((s, j) => [s.id, String(j)]));
  const votes = source.votes
    .filter((v) => commentId.has(v.statement_id))
    .map((v) => ({
      participant: anonymous.get(v.participation_id)!,
      statement: commentId.get(v.statement_id)!,
      value: v.value,
    }))
    // Sorted by the anonymous ids, so the row order carries no trace of the order of voting.
    .sort(
      (a, b) =>
        Number(a.participant) - Number(b.participant) || Number(a.statement) - Number(b.statement),
    );
  const participants = [...anonymous.values()].sort((a, b) => Number(a) - Number(b));
  const data: PolisExport = {
    summary: {
      topic: source.title,
      url: '',
      voters: String(participants.length),
      'voters-in-conv': String(participants.length),
      comments: String(source.statements.length),
      groups: '',
      'conversation-description': '',
    },
    comments: source.statements.map((s) => ({
      id: commentId.get(s.id)!,
      body: s.text,
      authorId: '',
      moderated: s.status === 'approved' ? 1 : -1,
      timestamp: '',
    })),
    table: toVoteTable({
      participants,
      statements: source.statements.map((s) => ({
        id: commentId.get(s.id)!,
        moderatedOut: s.status !== 'approved',
      })),
      votes,
    }),
    polisGroups: new Map(),
    voteSource: 'votes.csv',
  };
  const folder = await mkdtemp(join(tmpdir(), 'parley-polis-'));
  try {
    await writePolisExport(folder, data, new Map());
    const files: Record<string, string> = {};
    for (const name of POLIS_FILES) files[name] = await readFile(join(folder, name), 'utf8');
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
