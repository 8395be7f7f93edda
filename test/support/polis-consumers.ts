import { parse } from 'csv-parse/sync';

/**
 * Three consumers of Polis exports, each reading the files the way its documentation and code
 * describe (written from them here, not copied), so a test can hand them Parley's export and
 * see what they would see. Files are given as name → CSV text. csv-parse is the parser
 * Sensemaker's own loader uses; Python's csv.DictReader and pandas split fields alike (RFC 4180).
 */
export type PolisFiles = Record<string, string>;
type Row = Record<string, string>;

/** The file's rows as header-keyed records (csv.DictReader, pandas.read_csv with strings kept). */
export const records = (text: string): Row[] =>
  parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false }) as Row[];

/** The header row as written. */
export const header = (text: string): string[] => (parse(text, { to: 1 }) as string[][])[0];

/** summary.csv: key, value rows, no header. */
export const summaryRows = (text: string): [string, string][] =>
  (parse(text) as string[][]).map((r) => [r[0], r.slice(1).join(',')]);

/** The same CSV with one column emptied on every row (to show what a consumer makes of a blank). */
export function blankColumn(text: string, column: string): string {
  const [head, ...rows] = parse(text) as string[][];
  const at = head.indexOf(column);
  return toCsv([head, ...rows.map((r) => r.map((cell, i) => (i === at ? '' : cell)))]);
}

class ConsumerRefused extends Error {}

/** pandas' astype(int) on a column read from CSV: an integer text, nothing else. */
function pandasInt(value: string, what: string): number {
  if (!/^-?\d+(\.0*)?$/.test(value.trim()))
    throw new ConsumerRefused(`${what}: ${JSON.stringify(value)} is not an integer`);
  return Math.trunc(Number(value));
}

export interface SensemakerTally {
  agrees: number;
  disagrees: number;
  passes: number;
}
export interface SensemakerComment {
  id: string;
  text: string;
  /** Per group name ("Group-1", …, "Group-none" for the ungrouped). */
  voteInfo: Record<string, SensemakerTally>;
}

/**
 * Jigsaw Sensemaker: `library/bin/process_polis_data.py` (participants-votes.csv and
 * comments.csv: comment-id cast to int; group-id NaN for the ungrouped, who become
 * "Group-none" or, with --exclude-ungrouped-participants, are dropped; other groups become
 * Group-<id+1>; vote columns are the headers that are all digits; per group and comment the
 * -1/0/1 values are counted; merged with comments on comment-id; only comments moderated in,
 * or unmoderated with more than one vote, are kept), then `getCommentsFromCsv` on its output
 * (group names from the `-agree-count` headers, read with csv-parse).
 */
export function sensemaker(
  files: PolisFiles,
  options: { excludeUngrouped?: boolean } = {},
): SensemakerComment[] {
  const votes = records(files['participants-votes.csv']);
  const comments = records(files['comments.csv']);
  const voteColumns = header(files['participants-votes.csv']).filter((h) => /^\d+$/.test(h));
  const grouped = votes
    .filter((v) => !options.excludeUngrouped || v['group-id'] !== '')
    .map((v) => ({
      v,
      group: v['group-id'] === '' ? 0 : pandasInt(v['group-id'], 'group-id') + 1,
    }));
  const groupIds = [...new Set(grouped.map((g) => g.group))].sort((a, b) => a - b);
  const name = (g: number) => `Group-${g === 0 ? 'none' : g}`;
  const tallies = new Map<number, Map<number, SensemakerTally>>();
  for (const column of voteColumns) {
    const byGroup = new Map(groupIds.map((g) => [g, { agrees: 0, disagrees: 0, passes: 0 }]));
    for (const { v, group } of grouped) {
      const cell = v[column];
      if (cell === '') continue;
      const value = pandasInt(cell, `participants-votes.csv column ${column}`);
      const tally = byGroup.get(group)!;
      if (value === 1) tally.agrees++;
      else if (value === -1) tally.disagrees++;
      else if (value === 0) tally.passes++;
      else throw new ConsumerRefused(`vote ${value} in column ${column}`);
    }
    tallies.set(Number(column), byGroup);
  }
  const processed: Row[] = [];
  for (const c of comments) {
    const id = pandasInt(c['comment-id'], 'comment-id');
    const byGroup = tallies.get(id);
    if (!byGroup) continue; // the inner merge on comment-id
    const total = [...byGroup.values()].reduce((n, t) => n + t.agrees + t.disagrees + t.passes, 0);
    const moderated = pandasInt(c.moderated, 'moderated');
    if (!(moderated === 1 || (moderated === 0 && total > 1))) continue;
    const row: Row = { 'comment-id': String(id), comment_text: c['comment-body'] };
    for (const [g, t] of byGroup) {
      row[`${name(g)}-disagree-count`] = String(t.disagrees);
      row[`${name(g)}-pass-count`] = String(t.passes);
      row[`${name(g)}-agree-count`] = String(t.agrees);
    }
    processed.push(row);
  }
  return getCommentsFromCsv(processedCsv(processed));
}

function toCsv(rows: string[][]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\n');
}

/** process_polis_data.py's output file (pandas to_csv of the kept comments). */
function processedCsv(rows: Row[]): string {
  const keys = rows.length > 0 ? Object.keys(rows[0]) : ['comment-id', 'comment_text'];
  return toCsv([keys, ...rows.map((r) => keys.map((k) => r[k]))]);
}

/** Sensemaker's `getCommentsFromCsv`: one Comment per row, vote tallies per `-agree-count` group. */
function getCommentsFromCsv(text: string): SensemakerComment[] {
  const groupNames = text
    .split('\n')[0]
    .split(',')
    .filter((h) => h.includes('-agree-count'))
    .map((h) => h.replace('-agree-count', ''))
    .sort();
  return records(text).map((row) => ({
    id: row['comment-id'],
    text: row.comment_text,
    voteInfo: Object.fromEntries(
      groupNames.map((g) => [
        g,
        {
          agrees: Number(row[`${g}-agree-count`]),
          disagrees: Number(row[`${g}-disagree-count`]),
          passes: Number(row[`${g}-pass-count`]),
        },
      ]),
    ),
  }));
}

/** pydantic's NonNegativeInt in lax mode, from CSV text. */
function nonNegativeInt(value: string | undefined, field: string): number {
  if (value === undefined || !/^\s*\+?\d+\s*$/.test(value))
    throw new ConsumerRefused(`${field}: ${JSON.stringify(value)} is not a non-negative integer`);
  return Number(value);
}

/** An IntEnum field: an integer text whose value is one of the members. */
function intEnum(value: string | undefined, members: readonly number[], field: string): number {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value) || !members.includes(Number(value)))
    throw new ConsumerRefused(`${field}: ${JSON.stringify(value)} is not one of ${members}`);
  return Number(value);
}

/**
 * pydantic's datetime from a string: an int or float text is Unix time, in seconds when its
 * magnitude is at most 2e10 and in milliseconds above; otherwise an ISO 8601 date-time.
 * Returns epoch milliseconds.
 */
function pydanticDatetime(value: string | undefined, field: string): number {
  if (value !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    const n = Number(value);
    return Math.abs(n) > 2e10 ? n : n * 1000;
  }
  const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
  if (value === undefined || !iso.test(value))
    throw new ConsumerRefused(`${field}: ${JSON.stringify(value)} is not a datetime`);
  return Date.parse(value);
}

export interface RedDwarfVote {
  participant_id: number;
  statement_id: number;
  vote: number;
  modified: number;
}
export interface RedDwarfStatement {
  txt: string;
  statement_id: number;
  created: number;
  participant_id: number;
  moderated: number;
  agree_count: number | null;
  disagree_count: number | null;
}

/**
 * polis-community red-dwarf: `Loader(filepaths=[votes.csv, comments.csv])` reads each file with
 * csv.DictReader and validates every row into its pydantic models. `Vote`: participant_id
 * (alias voter-id) and statement_id (comment-id) NonNegativeInt, vote a VoteEnum (-1, 0, 1),
 * modified (alias timestamp) a datetime. `Statement`: txt (comment-body), statement_id
 * (comment-id) and participant_id (author-id) NonNegativeInt, created (timestamp) a datetime,
 * moderated a ModeratedEnum (-1, 0, 1), agree/disagree counts (agrees, disagrees) optional
 * NonNegativeInt. One invalid row and the whole load fails.
 */
export function redDwarf(files: PolisFiles): {
  votes: RedDwarfVote[];
  statements: RedDwarfStatement[];
} {
  const optionalCount = (v: string | undefined, f: string) =>
    v === undefined ? null : nonNegativeInt(v, f);
  return {
    votes: records(files['votes.csv']).map((r) => ({
      participant_id: nonNegativeInt(r['voter-id'], 'Vote.participant_id'),
      statement_id: nonNegativeInt(r['comment-id'], 'Vote.statement_id'),
      vote: intEnum(r.vote, [-1, 0, 1], 'Vote.vote'),
      modified: pydanticDatetime(r.timestamp, 'Vote.modified'),
    })),
    statements: records(files['comments.csv']).map((r) => ({
      txt: r['comment-body'],
      statement_id: nonNegativeInt(r['comment-id'], 'Statement.statement_id'),
      created: pydanticDatetime(r.timestamp, 'Statement.created'),
      participant_id: nonNegativeInt(r['author-id'], 'Statement.participant_id'),
      moderated: intEnum(r.moderated, [-1, 0, 1], 'Statement.moderated'),
      agree_count: optionalCount(r.agrees, 'Statement.agree_count'),
      disagree_count: optionalCount(r.disagrees, 'Statement.disagree_count'),
    })),
  };
}

/**
 * The columns Polis itself writes (its export code, and the exports in its open data):
 * comments.csv and votes.csv headers, participants-votes.csv's leading columns, and the rows
 * of summary.csv in order. The datetime column is Java's Date.toString, as in the open data.
 */
export const POLIS_COLUMNS = {
  comments: [
    'timestamp',
    'datetime',
    'comment-id',
    'author-id',
    'agrees',
    'disagrees',
    'moderated',
    'comment-body',
  ],
  votes: ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
  participantsVotes: ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'],
  summary: [
    'topic',
    'url',
    'views',
    'voters',
    'voters-in-conv',
    'commenters',
    'comments',
    'groups',
    'conversation-description',
  ],
  datetime:
    /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [A-Z]{2,5} \d{4}$/,
} as const;
