import type { ConversationInput, VoteInput } from '../../src/analysis/types.ts';

/** A conversation from a grid of votes: rows are participants p0.., columns statements s0..; null = not voted. */
export function fromGrid(
  grid: readonly (readonly (number | null)[])[],
  extra: Partial<ConversationInput> = {},
): ConversationInput {
  const votes: VoteInput[] = [];
  grid.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value !== null) votes.push({ participant: `p${i}`, statement: `s${j}`, value });
    }),
  );
  const statements = Array.from({ length: Math.max(0, ...grid.map((r) => r.length)) }, (_, j) => ({
    id: `s${j}`,
  }));
  return { participants: grid.map((_, i) => `p${i}`), statements, votes, ...extra };
}

/** Two clear camps of `size` each over `statements` statements: camp A agrees where camp B disagrees, with a little noise. */
export function twoCamps(size: number, statements: number): (number | null)[][] {
  const grid: (number | null)[][] = [];
  for (let i = 0; i < 2 * size; i++) {
    const camp = i < size ? 1 : -1;
    grid.push(
      Array.from({ length: statements }, (_, j) =>
        (i * 7 + j * 3) % 11 === 0 ? 0 : j % 2 === 0 ? camp : j % 3 === 0 ? 1 : -camp,
      ),
    );
  }
  return grid;
}
