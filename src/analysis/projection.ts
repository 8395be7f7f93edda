import type { VoteMatrix } from './types.ts';

export interface Positions {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

function excludedCount(matrix: VoteMatrix): number {
  let n = 0;
  for (let j = 0; j < matrix.excluded.length; j++) n += matrix.excluded[j];
  return n;
}

/**
 * Sparse-voter-aware projection. Participant i lands at
 *   sqrt(n / max(m_i, 1)) * sum over voted cells j of C_ij * (pc1_j, pc2_j),
 * (C_ij = v_ij - mean_j) where n is the number of statements and m_i the cells i voted on, the excluded (zeroed) columns
 * counting as voted. Someone who voted on few statements would otherwise sit near the centre
 * just for lack of data; the factor pushes them outward in proportion.
 */
export function projectParticipants(
  matrix: VoteMatrix,
  mean: Float64Array,
  components: readonly [ArrayLike<number>, ArrayLike<number>],
): Positions {
  const rows = matrix.participants.length;
  const nCols = matrix.statements.length;
  const zeroed = excludedCount(matrix);
  const pc1 = Float64Array.from(components[0]);
  const pc2 = Float64Array.from(components[1]);
  const { rowStart, statementIndex, value, excluded } = matrix;
  const x = new Float64Array(rows);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sx = 0;
    let sy = 0;
    let voted = zeroed;
    const end = rowStart[i + 1];
    for (let p = rowStart[i]; p < end; p++) {
      const j = statementIndex[p];
      if (excluded[j]) continue;
      voted++;
      const c = value[p] - mean[j];
      sx += c * pc1[j];
      sy += c * pc2[j];
    }
    const scale = Math.sqrt(nCols / Math.max(voted, 1));
    x[i] = sx * scale;
    y[i] = sy * scale;
  }
  return { x, y };
}

/**
 * Statement j is placed where a participant who agreed with j alone would be projected:
 * (1 - mean_j) * (pc1_j, pc2_j) * sqrt(n / (1 + zeroed)). Its extremity is that vector's length:
 * how strongly agreeing with it pulls someone away from the centre of opinion.
 */
export function projectStatements(
  matrix: VoteMatrix,
  center: readonly number[],
  components: readonly [readonly number[], readonly number[]],
) {
  const nCols = matrix.statements.length;
  const scale = Math.sqrt(nCols / (1 + excludedCount(matrix)));
  const x = new Float64Array(nCols);
  const y = new Float64Array(nCols);
  const extremity = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    if (matrix.excluded[j]) continue;
    const c = (1 - center[j]) * scale;
    x[j] = c * components[0][j];
    y[j] = c * components[1][j];
    extremity[j] = Math.hypot(x[j], y[j]);
  }
  return { x, y, extremity };
}
