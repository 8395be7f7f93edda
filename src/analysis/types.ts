/**
 * Shared types of the convergence engine. Everything here is plain data: inputs may hold typed
 * arrays (structured-clone friendly for a worker thread), outputs are JSON-serialisable.
 * Vote sign follows the Polis exports: 1 = agree, -1 = disagree, 0 = pass.
 */

/** A vote value in export sign: 1 agree, -1 disagree, 0 pass. */
export type VoteValue = -1 | 0 | 1;

export interface StatementInput {
  readonly id: string;
  /** Rejected by a moderator: its column is zero for everyone and it is never reported. */
  readonly moderatedOut?: boolean;
  /** A meta statement (about the process): excluded from the maths like a moderated-out one, but routed with priority 49. */
  readonly meta?: boolean;
}

export interface VoteInput {
  readonly participant: string;
  readonly statement: string;
  readonly value: number;
  /** Time of the vote (any monotonic number). The later vote wins; without `at`, the later one in input order wins. */
  readonly at?: number;
}

/** A participant -> category lookup (delegation or background). */
export type CategoryLookup = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/**
 * The simple, server-friendly input: ids as strings, one object per vote.
 * Participants appearing only in `votes` are appended after `participants` in order of first vote;
 * statements voted on but not listed are appended likewise (as active statements).
 */
export interface ConversationInput {
  readonly participants?: readonly string[];
  readonly statements: readonly StatementInput[];
  readonly votes: readonly VoteInput[];
  readonly delegations?: CategoryLookup;
  readonly backgrounds?: CategoryLookup;
}

/**
 * The compact bulk input (used by the Polis reader): votes as parallel typed arrays of indices
 * into `participants` and `statements`. Rows are in time order unless `at` says otherwise.
 */
export interface VoteTable {
  readonly kind: 'vote-table';
  readonly participants: readonly string[];
  readonly statements: readonly StatementInput[];
  readonly participant: Int32Array;
  readonly statement: Int32Array;
  readonly value: Int8Array;
  readonly at?: Float64Array;
  readonly delegations?: CategoryLookup;
  readonly backgrounds?: CategoryLookup;
}

/**
 * The vote matrix in compressed sparse row form: row i's votes are
 * `statementIndex[rowStart[i] .. rowStart[i+1])` with values `value[...]`, sorted by statement.
 * Duplicates are already resolved (the later vote wins). Votes on excluded statements are kept
 * (they count as seen for reporting) but every maths step skips excluded columns.
 */
export interface VoteMatrix {
  readonly kind: 'vote-matrix';
  readonly participants: readonly string[];
  readonly statements: readonly StatementInput[];
  readonly rowStart: Int32Array;
  readonly statementIndex: Int32Array;
  readonly value: Int8Array;
  /** 1 where the statement is moderated out or meta (excluded from the maths). */
  readonly excluded: Uint8Array;
  readonly delegations?: CategoryLookup;
  readonly backgrounds?: CategoryLookup;
}

export type AnalysisInputLike = ConversationInput | VoteTable | VoteMatrix;

export interface AnalysisOptions {
  /** The previous result for a warm start: reuses its PCA components and group centres, keeps group ids. */
  readonly previous?: AnalysisResult;
  /** Seed of the deterministic PCA start vector. Default 1. */
  readonly seed?: number;
  /** Minimum size of a reported delegation/background breakdown (non-attribution). Default 3. */
  readonly kAnonymity?: number;
  /** Updates a new k must win in a row before a warm run switches to it (Polis uses 4). Default 4. */
  readonly kSwitchUpdates?: number;
  /** Fixed number of opinion groups instead of choosing k by silhouette. */
  readonly groupCount?: number;
  /**
   * How a cold group fit starts: `lower-inertia` (the default: the first k distinct base-cluster
   * centres and farthest-point seeding, keeping the tighter fit) or `first-distinct` (Polis's rule:
   * the first k distinct base-cluster centres in order). Warm fits always start from the previous
   * centres for the same k. docs/analysis-validation.md compares the two.
   */
  readonly groupStart?: 'first-distinct' | 'lower-inertia';
}

/** Two principal axes over the statements (columns), each unit length, mutually orthogonal. */
export interface PcaResult {
  readonly components: [number[], number[]];
  /** Column means over the votes actually cast (0 for excluded or unvoted columns). */
  readonly center: number[];
  /** Rayleigh quotients v^T C^T C v / n for each component. */
  readonly variances: [number, number];
  readonly iterations: number;
}

export interface GroupResult {
  readonly id: number;
  /** Participant ids, in input order. */
  readonly members: string[];
  readonly centre: [number, number];
}

export interface RepStatement {
  readonly statement: string;
  readonly direction: 'agree' | 'disagree';
  /** Counts inside the group: agrees, disagrees, seen (passes included). */
  readonly agrees: number;
  readonly disagrees: number;
  readonly seen: number;
  /** Smoothed share in `direction` (pa or pd), its ratio to the rest (ra/rd) and the two z-scores. */
  readonly probability: number;
  readonly probabilityTest: number;
  readonly repness: number;
  readonly repnessTest: number;
  readonly metric: number;
}

export interface ConsensusStatement {
  readonly statement: string;
  readonly share: number;
  readonly test: number;
  readonly seen: number;
}

export interface UncertainStatement {
  readonly statement: string;
  readonly passShare: number;
  readonly seen: number;
}

export type Classification =
  'convergence' | 'shared-rejection' | 'divergence' | 'contested-within' | 'uncertain';

export interface CategoryBreakdown {
  readonly category: string;
  readonly agrees: number;
  readonly disagrees: number;
  readonly passes: number;
  readonly seen: number;
  /** Raw agree share agrees / seen (0 when nothing was seen). */
  readonly agreeShare: number;
  /** Wilson 90% interval of the agree share. */
  readonly wilson90: [number, number];
  /** Beta(1,1)-smoothed shares (n + 1) / (seen + 2). */
  readonly smoothedAgree: number;
  readonly smoothedDisagree: number;
  /** True when fewer than `minVotes` of this category saw the statement. */
  readonly tooFewVotes: boolean;
}

export interface StatementConvergence {
  readonly statement: string;
  readonly classification: Classification;
  /** Minimum over delegations of the smoothed agree share: how well every side can live with it. */
  readonly bridging: number;
  readonly delegations: CategoryBreakdown[];
  readonly backgrounds: CategoryBreakdown[];
}

export interface ConvergenceReport {
  /** Delegations and background categories reported (at least k members each). */
  readonly delegations: string[];
  readonly backgrounds: string[];
  /** Categories withheld or merged into "other" because they had fewer than k members. */
  readonly withheld: { delegations: number; backgrounds: number };
  readonly statements: StatementConvergence[];
  /** Active statements ranked by bridging score, uncertain ones left out: the pathways to cooperation. */
  readonly pathways: string[];
}

export interface AnalysisFlags {
  readonly empty: boolean;
  /** No variance to explain (every vote the same, all passes, or too few voters): no groups are formed. */
  readonly noOpinionStructure: boolean;
  readonly reasons: string[];
}

/** The engine's whole output; JSON-serialisable. */
export interface AnalysisResult {
  readonly version: 1;
  readonly counts: {
    participants: number;
    statements: number;
    votes: number;
    inConv: number;
    activeStatements: number;
  };
  readonly flags: AnalysisFlags;
  readonly pca: PcaResult;
  /** Per participant, aligned with `ids`: 2-D position, in-conv flag, opinion group id (-1 when not clustered). */
  readonly participants: {
    ids: string[];
    x: number[];
    y: number[];
    inConv: boolean[];
    group: number[];
  };
  /** Per statement, aligned with `ids`: the position of a lone agreer, its length (extremity), vote counts. */
  readonly statements: {
    ids: string[];
    x: number[];
    y: number[];
    extremity: number[];
    agrees: number[];
    disagrees: number[];
    seen: number[];
  };
  readonly baseClusters: { centres: [number, number][]; sizes: number[] };
  readonly groups: GroupResult[];
  /**
   * Silhouette per candidate k (key = k) and the k-switching state carried between warm runs;
   * `centres` holds every candidate k's group centres (key = k), so a warm run starts each k from
   * where it was (absent in results from before it was added: those k start cold).
   */
  readonly selection: {
    k: number;
    silhouettes: Record<string, number>;
    challenger: number;
    streak: number;
    centres?: Record<string, [number, number][]>;
  };
  /** Representative statements per group id. */
  readonly repness: Record<string, RepStatement[]>;
  readonly consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  /** Group-informed consensus per statement id: product over groups of (agrees + 1) / (seen + 2). */
  readonly groupInformedConsensus: Record<string, number>;
  readonly uncertainty: UncertainStatement[];
  /** Routing priority per statement, aligned with `statements.ids` (0 for moderated-out). */
  readonly routing: number[];
  readonly convergence?: ConvergenceReport;
}
