import type {
  AnalysisInputLike,
  ConversationInput,
  StatementInput,
  VoteMatrix,
  VoteTable,
} from './types.ts';

/** Thrown for input the engine cannot interpret; `index` is the offending vote's position. */
export class AnalysisInputError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

export function isVoteMatrix(input: AnalysisInputLike): input is VoteMatrix {
  return (input as VoteMatrix).kind === 'vote-matrix';
}

function isVoteTable(input: AnalysisInputLike): input is VoteTable {
  return (input as VoteTable).kind === 'vote-table';
}

/** Converts the id-based input to index arrays, appending unknown participants and statements in order of first vote. */
export function toVoteTable(input: ConversationInput): VoteTable {
  const participants = [...(input.participants ?? [])];
  const statements: StatementInput[] = [...input.statements];
  const rowOf = new Map<string, number>();
  participants.forEach((id, i) => {
    if (!rowOf.has(id)) rowOf.set(id, i);
  });
  const colOf = new Map<string, number>();
  statements.forEach((s, j) => {
    if (!colOf.has(s.id)) colOf.set(s.id, j);
  });
  const n = input.votes.length;
  const participant = new Int32Array(n);
  const statement = new Int32Array(n);
  const value = new Int8Array(n);
  const hasTime = input.votes.some((v) => v.at !== undefined);
  const at = hasTime ? new Float64Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const vote = input.votes[k];
    let row = rowOf.get(vote.participant);
    if (row === undefined) {
      row = participants.push(vote.participant) - 1;
      rowOf.set(vote.participant, row);
    }
    let col = colOf.get(vote.statement);
    if (col === undefined) {
      col = statements.push({ id: vote.statement }) - 1;
      colOf.set(vote.statement, col);
    }
    participant[k] = row;
    statement[k] = col;
    value[k] = checkedValue(vote.value, k);
    if (at) at[k] = vote.at ?? -Infinity;
  }
  return {
    kind: 'vote-table',
    participants,
    statements,
    participant,
    statement,
    value,
    at,
    delegations: input.delegations,
    backgrounds: input.backgrounds,
  };
}

function checkedValue(value: number, index: number): -1 | 0 | 1 {
  if (value === 1 || value === 0 || value === -1) return value;
  throw new AnalysisInputError(`vote ${index}: value ${String(value)} is not -1, 0 or 1`, index);
}

/**
 * Builds the CSR vote matrix with two stable counting sorts (by statement, then by participant),
 * so each row comes out ordered by statement with duplicates adjacent in input order; of each
 * run of duplicates the vote with the largest `at` wins, ties going to the later one in input
 * order. O(votes + participants + statements), no comparison sort. Each pass carries the vote
 * along (statement and value packed in one integer) instead of an index into the input, so every
 * pass reads its input sequentially; the input's `at` is only consulted for duplicates.
 */
export function buildVoteMatrix(input: AnalysisInputLike): VoteMatrix {
  if (isVoteMatrix(input)) return input;
  const table = isVoteTable(input) ? input : toVoteTable(input);
  const nRows = table.participants.length;
  const nCols = table.statements.length;
  const n = table.value.length;
  const { participant, statement, value: values } = table;
  const colStart = new Int32Array(nCols + 1);
  const rowFill = new Int32Array(nRows + 1);
  for (let k = 0; k < n; k++) {
    const row = participant[k];
    const col = statement[k];
    const v = values[k];
    if (row < 0 || row >= nRows || col < 0 || col >= nCols) {
      throw new AnalysisInputError(`vote ${k}: participant or statement index out of range`, k);
    }
    if (v !== 1 && v !== 0 && v !== -1) checkedValue(v, k);
    colStart[col + 1]++;
    rowFill[row + 1]++;
  }
  for (let j = 0; j < nCols; j++) colStart[j + 1] += colStart[j];
  for (let i = 0; i < nRows; i++) rowFill[i + 1] += rowFill[i];
  // Pass 1: bucket by statement, carrying (row << 2 | value + 1), and the vote index when times decide duplicates.
  const at = table.at;
  const byCol = new Int32Array(n);
  const byColVote = at ? new Int32Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const q = colStart[statement[k]]++;
    byCol[q] = (participant[k] << 2) | (values[k] + 1);
    if (byColVote) byColVote[q] = k;
  }
  // Pass 2: statement by statement, scatter into rows (statement << 2 | value + 1).
  const packed = new Int32Array(n);
  const voteOf = at ? new Int32Array(n) : undefined;
  const rowStart = rowFill.slice();
  let q = 0;
  for (let j = 0; j < nCols; j++) {
    const end = colStart[j];
    for (; q < end; q++) {
      const x = byCol[q];
      const p = rowFill[x >> 2]++;
      packed[p] = (j << 2) | (x & 3);
      if (voteOf) voteOf[p] = (byColVote as Int32Array)[q];
    }
  }
  // Pass 3: resolve duplicates (a run of one statement within a row) and unpack, compacting in place.
  const statementIndex = packed;
  const value = new Int8Array(n);
  let out = 0;
  for (let i = 0; i < nRows; i++) {
    const begin = rowStart[i];
    const end = rowStart[i + 1];
    rowStart[i] = out;
    for (let p = begin; p < end; p++) {
      let winner = p;
      const col = packed[p] >> 2;
      while (p + 1 < end && packed[p + 1] >> 2 === col) {
        p++;
        if (!at || !voteOf || at[voteOf[p]] >= at[voteOf[winner]]) winner = p;
      }
      value[out] = (packed[winner] & 3) - 1;
      statementIndex[out++] = col;
    }
  }
  rowStart[nRows] = out;
  const excluded = new Uint8Array(nCols);
  table.statements.forEach((s, j) => {
    if (s.moderatedOut || s.meta) excluded[j] = 1;
  });
  return {
    kind: 'vote-matrix',
    participants: table.participants,
    statements: table.statements,
    rowStart,
    statementIndex: out === n ? statementIndex : statementIndex.slice(0, out),
    value: out === n ? value : value.slice(0, out),
    excluded,
    delegations: table.delegations,
    backgrounds: table.backgrounds,
  };
}

/** Number of votes per participant on statements that are not excluded. */
export function activeVotesPerRow(matrix: VoteMatrix): Int32Array {
  const rows = matrix.participants.length;
  const counts = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let c = 0;
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++)
      if (!matrix.excluded[matrix.statementIndex[p]]) c++;
    counts[i] = c;
  }
  return counts;
}

/** Per statement: agrees, disagrees and seen (passes included) over the given rows (all rows when omitted). */
export function columnCounts(matrix: VoteMatrix, rows?: Uint8Array) {
  const nCols = matrix.statements.length;
  const agrees = new Int32Array(nCols);
  const disagrees = new Int32Array(nCols);
  const seen = new Int32Array(nCols);
  const { rowStart, statementIndex, value } = matrix;
  const count = (from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const j = statementIndex[p];
      seen[j]++;
      const v = value[p];
      if (v > 0) agrees[j]++;
      else if (v < 0) disagrees[j]++;
    }
  };
  if (!rows) count(0, statementIndex.length);
  else
    for (let i = 0; i < matrix.participants.length; i++)
      if (rows[i]) count(rowStart[i], rowStart[i + 1]);
  return { agrees, disagrees, seen };
}
