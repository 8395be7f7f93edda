import { areasOfUncertainty, groupInformedConsensus, majorityOpinion } from './consensus.ts';
import { convergenceReport } from './delegations.ts';
import {
  candidateGroupCounts,
  chooseK,
  clusterBase,
  fitGroups,
  selectInConv,
  type GroupFit,
  type KSelection,
} from './groups.ts';
import { assignGroupIds } from './labels.ts';
import { buildVoteMatrix, columnCounts } from './matrix.ts';
import { columnMeans, principalComponents } from './pca.ts';
import { projectParticipants, projectStatements } from './projection.ts';
import { countByGroup, representativeStatements } from './repness.ts';
import { routingPriorities } from './routing.ts';
import { pairwiseDistances } from './silhouette.ts';
import type {
  AnalysisInputLike,
  AnalysisOptions,
  AnalysisResult,
  GroupResult,
  RepStatement,
  VoteMatrix,
} from './types.ts';

export type * from './types.ts';
export { adjustedRandIndex } from './ari.ts';
export { AnalysisInputError, buildVoteMatrix, toVoteTable } from './matrix.ts';
export {
  DEFAULT_REPLAY_SCHEDULE,
  replay,
  replayCuts,
  type ReplayOptions,
  type ReplayResult,
  type ReplaySchedule,
} from './replay.ts';

/** Below this first-axis variance the votes carry no opinion structure worth clustering. */
export const MIN_VARIANCE = 1e-10;

/** Previous components re-indexed by statement id, so statements added since the last run start at 0. */
function alignedComponents(
  matrix: VoteMatrix,
  previous: AnalysisResult | undefined,
): [number[], number[]] | undefined {
  if (!previous || previous.pca.variances[0] <= MIN_VARIANCE) return undefined;
  const at = new Map(previous.statements.ids.map((id, j) => [id, j]));
  const pick = (component: readonly number[]) =>
    matrix.statements.map((s) => component[at.get(s.id) ?? -1] ?? 0);
  return [pick(previous.pca.components[0]), pick(previous.pca.components[1])];
}

/** Interleaved x, y as pairs. */
function pairs(flat: Float64Array): [number, number][] {
  return Array.from(
    { length: flat.length / 2 },
    (_, c) => [flat[2 * c], flat[2 * c + 1]] as [number, number],
  );
}

/**
 * The warm start of the group fit for k: that k's centres from the previous update (every
 * candidate k is kept in `selection.centres`), or, for results without them, the previous groups'
 * centres when there were k groups. Undefined means a cold start.
 */
function warmStart(previous: AnalysisResult | undefined, k: number): Float64Array | undefined {
  if (!previous || previous.groups.length === 0) return undefined;
  const kept = previous.selection.centres?.[String(k)];
  if (kept && kept.length === k) return Float64Array.from(kept.flat());
  if (previous.groups.length === k)
    return Float64Array.from(previous.groups.flatMap((g) => g.centre));
  return undefined;
}

interface Clustering {
  readonly groups: GroupResult[];
  readonly groupOfRow: Int32Array;
  readonly selection: AnalysisResult['selection'];
  readonly baseClusters: AnalysisResult['baseClusters'];
}

function cluster(
  matrix: VoteMatrix,
  x: Float64Array,
  y: Float64Array,
  inConv: Uint8Array,
  options: AnalysisOptions,
): Clustering | undefined {
  const rows: number[] = [];
  for (let i = 0; i < inConv.length; i++) if (inConv[i]) rows.push(i);
  const xs = Float64Array.from(rows, (i) => x[i]);
  const ys = Float64Array.from(rows, (i) => y[i]);
  const previous = options.previous;
  const base = clusterBase(
    xs,
    ys,
    previous && { centres: previous.baseClusters.centres, inConv: previous.counts.inConv },
  );
  const nBase = base.weights.length;
  const bx = Float64Array.from({ length: nBase }, (_, c) => base.centres[2 * c]);
  const by = Float64Array.from({ length: nBase }, (_, c) => base.centres[2 * c + 1]);
  const ks =
    options.groupCount !== undefined
      ? [Math.max(1, Math.min(Math.floor(options.groupCount), nBase))]
      : candidateGroupCounts(nBase);
  if (ks.length === 0) return undefined;
  const distances = pairwiseDistances(bx, by);
  const fits: GroupFit[] = ks.map((k) =>
    fitGroups(bx, by, base.weights, k, warmStart(previous, k), options.groupStart, distances),
  );
  const previousSelection: KSelection | undefined =
    previous && previous.groups.length > 0 ? previous.selection : undefined;
  const selection = chooseK(fits, previousSelection, options.kSwitchUpdates ?? 4);
  const chosen = fits.find((f) => f.k === selection.k) as GroupFit;
  const groupCount = chosen.result.weights.length;
  const memberRows: number[][] = Array.from({ length: groupCount }, () => []);
  rows.forEach((row, t) => memberRows[chosen.result.assignment[base.assignment[t]]].push(row));
  const members = memberRows.map((list) => list.map((row) => matrix.participants[row]));
  const centres = memberRows.map(
    (_, g) => [chosen.result.centres[2 * g], chosen.result.centres[2 * g + 1]] as [number, number],
  );
  const ids = assignGroupIds(members, centres, previous?.groups);
  const groupOfRow = new Int32Array(matrix.participants.length).fill(-1);
  memberRows.forEach((list, g) => list.forEach((row) => (groupOfRow[row] = g)));
  const groups = members.map((m, g) => ({ id: ids[g], members: m, centre: centres[g] }));
  return {
    groups,
    groupOfRow,
    selection: {
      ...selection,
      silhouettes: Object.fromEntries(fits.map((f) => [String(f.k), f.silhouette])),
      centres: Object.fromEntries(fits.map((f) => [String(f.k), pairs(f.result.centres)])),
    },
    baseClusters: {
      centres: Array.from({ length: nBase }, (_, c) => [bx[c], by[c]] as [number, number]),
      sizes: Array.from(base.weights),
    },
  };
}

/**
 * Analyses one conversation: the vote matrix (later vote wins), two-component sparse PCA, the
 * sparse-voter-aware projection, base clusters and opinion groups (k by silhouette), repness,
 * consensus, group-informed consensus, areas of uncertainty, routing priorities and, when
 * delegations or backgrounds are given, Parley's convergence report. Pure and deterministic;
 * pass the previous result as `options.previous` to warm-start and keep group ids stable.
 */
export function analyze(input: AnalysisInputLike, options: AnalysisOptions = {}): AnalysisResult {
  const matrix = buildVoteMatrix(input);
  const rows = matrix.participants.length;
  const nCols = matrix.statements.length;
  const counts = columnCounts(matrix);
  const center = columnMeans(matrix, counts);
  const pca = principalComponents(matrix, center, counts, {
    seed: options.seed,
    previous: alignedComponents(matrix, options.previous),
  });
  const { x, y } = projectParticipants(matrix, center, pca.components);
  const statementPositions = projectStatements(matrix, pca.center, pca.components);
  const inConv = selectInConv(matrix);
  const inConvCount = inConv.reduce((s, v) => s + v, 0);

  const reasons: string[] = [];
  const empty = rows === 0 || matrix.value.length === 0;
  if (empty) reasons.push('no votes');
  else if (pca.variances[0] <= MIN_VARIANCE)
    reasons.push('no variance: every voter voted alike (or only passed)');
  else if (inConvCount < 2) reasons.push('fewer than two participants to cluster');
  const clustering = reasons.length === 0 ? cluster(matrix, x, y, inConv, options) : undefined;
  if (reasons.length === 0 && !clustering)
    reasons.push('fewer than two distinct opinion positions');

  const groupCount = clustering?.groups.length ?? 0;
  const byGroup = countByGroup(
    matrix,
    clustering?.groupOfRow ?? new Int32Array(rows).fill(-1),
    groupCount,
  );
  const repness: Record<string, RepStatement[]> = {};
  representativeStatements(matrix, byGroup).forEach(
    (list, g) => (repness[String(clustering?.groups[g].id)] = list),
  );
  const idOfIndex = clustering?.groups.map((g) => g.id) ?? [];
  const activeStatements = matrix.excluded.reduce((s, e) => s + (e ? 0 : 1), 0);

  return {
    version: 1,
    counts: {
      participants: rows,
      statements: nCols,
      votes: matrix.value.length,
      inConv: inConvCount,
      activeStatements,
    },
    flags: { empty, noOpinionStructure: reasons.length > 0, reasons },
    pca,
    participants: {
      ids: [...matrix.participants],
      x: Array.from(x),
      y: Array.from(y),
      inConv: Array.from(inConv, (v) => v === 1),
      group: Array.from(clustering?.groupOfRow ?? new Int32Array(rows).fill(-1), (g) =>
        g < 0 ? -1 : idOfIndex[g],
      ),
    },
    statements: {
      ids: matrix.statements.map((s) => s.id),
      x: Array.from(statementPositions.x),
      y: Array.from(statementPositions.y),
      extremity: Array.from(statementPositions.extremity),
      agrees: Array.from(counts.agrees),
      disagrees: Array.from(counts.disagrees),
      seen: Array.from(counts.seen),
    },
    baseClusters: clustering?.baseClusters ?? { centres: [], sizes: [] },
    groups: [...(clustering?.groups ?? [])].sort((a, b) => a.id - b.id),
    selection: clustering?.selection ?? { k: 0, silhouettes: {}, challenger: -1, streak: 0 },
    repness,
    consensus: majorityOpinion(matrix, counts),
    groupInformedConsensus: groupInformedConsensus(matrix, byGroup, counts),
    uncertainty: areasOfUncertainty(matrix, counts),
    routing: routingPriorities(matrix, counts, statementPositions.extremity),
    convergence: convergenceReport(matrix, {
      k: options.kAnonymity ?? 3,
      minVotes: options.kAnonymity ?? 3,
    }),
  };
}
