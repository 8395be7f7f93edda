import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildVoteMatrix } from '../analysis/matrix.ts';
import { csvField } from './csv-cells.ts';
import { polisDatetime } from './datetime.ts';
import type { PolisExport } from './read.ts';

function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * Writes a Polis export folder with Polis's headers and signs (1 = agree, -1 = disagree, 0 = pass):
 * summary.csv, comments.csv, votes.csv (every vote, in table order) and participants-votes.csv
 * (the latest vote per cell; `groups` fills the group-id column, blank for the unclustered).
 * Text cells are neutralised against formula injection (csv-cells.ts); numbers are written as is.
 */
export async function writePolisExport(
  folder: string,
  data: PolisExport,
  groups: ReadonlyMap<string, string> = data.polisGroups,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const { table } = data;
  await writeFile(
    join(folder, 'summary.csv'),
    Object.entries(data.summary)
      .map(([key, value]) => csvLine([key, value]))
      .join(''),
  );

  const matrix = buildVoteMatrix(table);
  const agrees = new Int32Array(table.statements.length);
  const disagrees = new Int32Array(table.statements.length);
  for (let p = 0; p < matrix.value.length; p++) {
    if (matrix.value[p] > 0) agrees[matrix.statementIndex[p]]++;
    else if (matrix.value[p] < 0) disagrees[matrix.statementIndex[p]]++;
  }
  const column = new Map(table.statements.map((s, j) => [s.id, j]));
  const comments = [
    csvLine([
      'timestamp',
      'datetime',
      'comment-id',
      'author-id',
      'agrees',
      'disagrees',
      'moderated',
      'comment-body',
    ]),
  ];
  for (const c of data.comments) {
    const j = column.get(c.id) ?? -1;
    const datetime = c.timestamp ? polisDatetime(Number(c.timestamp)) : '';
    comments.push(
      csvLine([
        c.timestamp,
        datetime,
        c.id,
        c.authorId,
        agrees[j] ?? 0,
        disagrees[j] ?? 0,
        c.moderated,
        c.body,
      ]),
    );
  }
  await writeFile(join(folder, 'comments.csv'), comments.join(''));

  const votes = [csvLine(['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'])];
  for (let k = 0; k < table.value.length; k++) {
    const at = table.at?.[k];
    const time = at !== undefined && Number.isFinite(at) ? at : '';
    const datetime = time === '' ? '' : polisDatetime(time);
    votes.push(
      csvLine([
        time,
        datetime,
        table.statements[table.statement[k]].id,
        table.participants[table.participant[k]],
        table.value[k],
      ]),
    );
  }
  await writeFile(join(folder, 'votes.csv'), votes.join(''));

  const wide = [
    csvLine([
      'participant',
      'group-id',
      'n-comments',
      'n-votes',
      'n-agree',
      'n-disagree',
      ...table.statements.map((s) => s.id),
    ]),
  ];
  const authored = new Map<string, number>();
  for (const c of data.comments) authored.set(c.authorId, (authored.get(c.authorId) ?? 0) + 1);
  const cells = new Array<number | ''>(table.statements.length);
  for (let i = 0; i < table.participants.length; i++) {
    cells.fill('');
    let [n, a, d] = [0, 0, 0];
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const v = matrix.value[p];
      cells[matrix.statementIndex[p]] = v;
      n++;
      if (v > 0) a++;
      else if (v < 0) d++;
    }
    const id = table.participants[i];
    wide.push(csvLine([id, groups.get(id) ?? '', authored.get(id) ?? 0, n, a, d, ...cells]));
  }
  await writeFile(join(folder, 'participants-votes.csv'), wide.join(''));
}
