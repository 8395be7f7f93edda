import { z } from 'zod';
import { Email } from '../../domain/accounts.ts';
import { Id } from '../../domain/common.ts';
import { TRANSFER_TABLES } from './tables.ts';

export const FORMAT = 'parley.series';
export const FORMAT_VERSION = 1;

/**
 * The accounts a series refers to (series roles, nominations, authors), by email. Passwords
 * never leave the database: an account created by an import has none until it is invited.
 */
export const AccountEntry = z.strictObject({
  email: Email,
  displayName: z.string().min(1).max(200),
  personId: Id.nullable(),
});
export type AccountEntry = z.infer<typeof AccountEntry>;

function tableShapes() {
  const shape: Record<string, z.ZodType> = {};
  for (const table of TRANSFER_TABLES) {
    const list = table.single ? table.row : z.array(table.row);
    shape[table.key] = table.optional ? (list as z.ZodArray).default([]) : list;
  }
  return shape;
}

/** `{ "format": "parley.series", "version": 1, series, organisations, ..., accounts }`. */
export const SeriesDocument = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  ...tableShapes(),
  accounts: z.array(AccountEntry),
});

/** A validated document: every table's rows keyed by the table's key, plus the accounts. */
export type SeriesDocument = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  accounts: AccountEntry[];
} & Record<string, unknown>;

/** A problem with a document, located by its JSON path, e.g. `rounds[1].startsOn`. */
export interface DocumentProblem {
  path: string;
  message: string;
}

/** Refusal to import: the document is malformed, inconsistent or clashes with the database. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly problems: DocumentProblem[] = [],
  ) {
    super(
      problems.length
        ? `${message}\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`
        : message,
    );
  }
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(document)';
}

/** Stable text of a document: two exports of the same data are byte-identical. */
export const serializeDocument = (document: SeriesDocument): string =>
  `${JSON.stringify(document, null, 2)}\n`;
