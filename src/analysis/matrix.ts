import type { AnalysisInputLike, ConversationInput, StatementInput, VoteMatrix, VoteTable } from './types.ts';

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
 * order. O(votes + participants + statements), no comparison sort.
 */
export function buildVoteMatrix(input: AnalysisInputLike): VoteMatrix {
  if (isVoteMatrix(input)) return input;
  const table = isVoteTable(input) ? input : toVoteTable(input);
  const nRows = table.participants.length;
  const nCols = table.statements.length;
  const n = table.value.length;
  const colStart = new Int32Array(nCols + 1);
  const rowFill = new Int32Array(nRows + 1);
  for (let k = 0; k < n; k++) {
    const row = table.participant[k];
    const col = table.statement[k];
    if (row < 0 || row >= nRows || col < 0 || col >= nCols) {
      throw new AnalysisInputError(`vote ${k}: participant or statement index out of range`, k);
    }
    checkedValue(table.value[k], k);
    colStart[col + 1]++;
    rowFill[row + 1]++;
  }
  for (let j = 0; j < nCols; j++) colStart[j + 1] += colStart[j];
  for (let i = 0; i < nRows; i++) rowFill[i + 1] += rowFill[i];
  const byStatement = new Int32Array(n);
  for (let k = 0; k < n; k++) byStatement[colStart[table.statement[k]]++] = k;
  const ordered = new Int32Array(n);
  const rowBegin = rowFill.slice();
  for (let q = 0; q < n; q++) {
    const k = byStatement[q];
    ordered[rowFill[table.participant[k]]++] = k;
  }
  const rowStart = new Int32Array(nRows + 1);
  const statementIndex = new Int32Array(n);
  const value = new Int8Array(n);
  const at = table.at;
  let out = 0;
  for (let i = 0; i < nRows; i++) {
    const end = rowBegin[i + 1];
    for (let p = rowBegin[i]; p < end; p++) {
      let winner = ordered[p];
      const col = table.statement[winner];
      while (p + 1 < end && table.statement[ordered[p + 1]] === col) {
        p++;
        if (!at || at[ordered[p]] >= at[winner]) winner = ordered[p];
      }
      statementIndex[out] = col;
      value[out++] = table.value[winner];
    }
    rowStart[i + 1] = out;
  }
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
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) if (!matrix.excluded[matrix.statementIndex[p]]) c++;
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
  for (let i = 0; i < matrix.participants.length; i++) {
    if (rows && !rows[i]) continue;
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const j = matrix.statementIndex[p];
      seen[j]++;
      if (matrix.value[p] > 0) agrees[j]++;
      else if (matrix.value[p] < 0) disagrees[j]++;
    }
  }
  return { agrees, disagrees, seen };
}
