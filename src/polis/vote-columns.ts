import type { StatementInput, VoteTable } from '../analysis/types.ts';

/** A canonical non-negative integer id ("0", "17", never "017" or "+1"): its number says exactly what its text does. */
const CANONICAL_INTEGER = /^(0|[1-9][0-9]{0,8})$/;

/** Interns ids to dense indices; canonical integer ids (all of Polis's) go through a number-keyed map, no string needed. */
class IdIndex {
  private readonly byText = new Map<string, number>();
  private readonly byNumber = new Map<number, number>();
  readonly ids: (string | number)[] = [];

  /** Index of the id given as a canonical integer (see ByteRow.canonicalInteger). */
  ofNumber(id: number): number {
    let i = this.byNumber.get(id);
    if (i === undefined) {
      i = this.ids.push(id) - 1;
      this.byNumber.set(id, i);
    }
    return i;
  }

  of(id: string): number {
    if (CANONICAL_INTEGER.test(id)) return this.ofNumber(Number(id));
    let i = this.byText.get(id);
    if (i === undefined) {
      i = this.ids.push(id) - 1;
      this.byText.set(id, i);
    }
    return i;
  }

  texts(): string[] {
    return this.ids.map(String);
  }
}

/** Collects votes into growable typed arrays while a file streams (a few bytes per vote, no objects). */
export class VoteColumns {
  private readonly participantIds = new IdIndex();
  private readonly statementIds_ = new IdIndex();
  private participant = new Int32Array(1024);
  private statement = new Int32Array(1024);
  private value = new Int8Array(1024);
  private at = new Float64Array(1024);
  private timed = false;
  length = 0;

  constructor(knownStatements: readonly string[] = []) {
    for (const id of knownStatements) this.statementIds_.of(id);
  }

  /** Dense index of a participant id, as text or as a canonical integer. */
  participantIndex(id: string | number): number {
    return typeof id === 'number' ? this.participantIds.ofNumber(id) : this.participantIds.of(id);
  }

  /** Dense index of a statement id, as text or as a canonical integer. */
  statementIndex(id: string | number): number {
    return typeof id === 'number' ? this.statementIds_.ofNumber(id) : this.statementIds_.of(id);
  }

  add(participantId: string, statementId: string, value: -1 | 0 | 1, at: number): void {
    this.addIndexed(
      this.participantIndex(participantId),
      this.statementIndex(statementId),
      value,
      at,
    );
  }

  /** Adds a vote by the dense indices `participantIndex` / `statementIndex` returned. */
  addIndexed(participant: number, statement: number, value: number, at: number): void {
    if (this.length === this.value.length) this.grow();
    const k = this.length++;
    this.participant[k] = participant;
    this.statement[k] = statement;
    this.value[k] = value;
    this.at[k] = at;
    if (at !== Number.NEGATIVE_INFINITY) this.timed = true;
  }

  private grow(): void {
    const size = this.value.length * 2;
    const copy = <T extends Int32Array | Int8Array | Float64Array>(old: T, fresh: T) => (
      fresh.set(old),
      fresh
    );
    this.participant = copy(this.participant, new Int32Array(size));
    this.statement = copy(this.statement, new Int32Array(size));
    this.value = copy(this.value, new Int8Array(size));
    this.at = copy(this.at, new Float64Array(size));
  }

  statementIds(): string[] {
    return this.statementIds_.texts();
  }

  /**
   * The engine's table with participants and statements sorted by `compare` (Polis ids are
   * integers in order of arrival), votes kept in file order; `statements` supplies the flags.
   */
  toTable(
    statements: readonly StatementInput[],
    compare: (a: string, b: string) => number,
  ): VoteTable {
    const byId = new Map(statements.map((s) => [s.id, s]));
    // Integer ids compare as numbers without a string (what `compare` does with Polis's numeric ids).
    const order = (ids: readonly (string | number)[]) =>
      ids
        .map((_, i) => i)
        .sort((a, b) => {
          const x = ids[a];
          const y = ids[b];
          return typeof x === 'number' && typeof y === 'number'
            ? x - y
            : compare(String(x), String(y));
        });
    const participantOrder = order(this.participantIds.ids);
    const statementOrder = order(this.statementIds_.ids);
    const participantIds = this.participantIds.texts();
    const statementIds = this.statementIds_.texts();
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
      participants: participantOrder.map((i) => participantIds[i]),
      statements: statementOrder.map((j) => byId.get(statementIds[j]) ?? { id: statementIds[j] }),
      participant,
      statement,
      value: this.value.slice(0, n),
      at: this.timed ? this.at.slice(0, n) : undefined,
    };
  }
}
