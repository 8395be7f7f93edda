import type { StatementInput, VoteTable } from '../analysis/types.ts';

/** Collects votes into growable typed arrays while a file streams (a few bytes per vote, no objects). */
export class VoteColumns {
  private participantIndex = new Map<string, number>();
  private statementIndex = new Map<string, number>();
  private readonly participantIds: string[] = [];
  private readonly statementIdList: string[] = [];
  private participant = new Int32Array(1024);
  private statement = new Int32Array(1024);
  private value = new Int8Array(1024);
  private at = new Float64Array(1024);
  private timed = false;
  length = 0;

  constructor(knownStatements: readonly string[] = []) {
    for (const id of knownStatements) this.indexOfStatement(id);
  }

  private indexOfStatement(id: string): number {
    let j = this.statementIndex.get(id);
    if (j === undefined) {
      j = this.statementIdList.push(id) - 1;
      this.statementIndex.set(id, j);
    }
    return j;
  }

  add(participantId: string, statementId: string, value: -1 | 0 | 1, at: number): void {
    if (this.length === this.value.length) this.grow();
    let i = this.participantIndex.get(participantId);
    if (i === undefined) {
      i = this.participantIds.push(participantId) - 1;
      this.participantIndex.set(participantId, i);
    }
    const k = this.length++;
    this.participant[k] = i;
    this.statement[k] = this.indexOfStatement(statementId);
    this.value[k] = value;
    this.at[k] = at;
    if (at !== Number.NEGATIVE_INFINITY) this.timed = true;
  }

  private grow(): void {
    const size = this.value.length * 2;
    const copy = <T extends Int32Array | Int8Array | Float64Array>(old: T, fresh: T) => (fresh.set(old), fresh);
    this.participant = copy(this.participant, new Int32Array(size));
    this.statement = copy(this.statement, new Int32Array(size));
    this.value = copy(this.value, new Int8Array(size));
    this.at = copy(this.at, new Float64Array(size));
  }

  statementIds(): string[] {
    return [...this.statementIdList];
  }

  /**
   * The engine's table with participants and statements sorted by `compare` (Polis ids are
   * integers in order of arrival), votes kept in file order; `statements` supplies the flags.
   */
  toTable(statements: readonly StatementInput[], compare: (a: string, b: string) => number): VoteTable {
    const byId = new Map(statements.map((s) => [s.id, s]));
    const participantOrder = this.participantIds.map((_, i) => i).sort((a, b) => compare(this.participantIds[a], this.participantIds[b]));
    const statementOrder = this.statementIdList.map((_, j) => j).sort((a, b) => compare(this.statementIdList[a], this.statementIdList[b]));
    const participantRank = new Int32Array(participantOrder.length);
    participantOrder.forEach((old, rank) => (participantRank[old] = rank));
    const statementRank = new Int32Array(statementOrder.length);
    statementOrder.forEach((old, rank) => (statementRank[old] = rank));
    const n = this.length;
    const participant = new Int32Array(n);
    const statement = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      participant[k] = participantRank[this.participant[k]];
      statement[k] = statementRank[this.statement[k]];
    }
    return {
      kind: 'vote-table',
      participants: participantOrder.map((i) => this.participantIds[i]),
      statements: statementOrder.map((j) => byId.get(this.statementIdList[j]) ?? { id: this.statementIdList[j] }),
      participant,
      statement,
      value: this.value.slice(0, n),
      at: this.timed ? this.at.slice(0, n) : undefined,
    };
  }
}
