import type { Kysely } from 'kysely';
import type { ReportLanguage } from '../../../domain/reports.ts';
import type { Database } from '../../db/schema.ts';
import { HttpError } from '../../http/errors.ts';
import { outcomesRepo } from '../../repositories/outcomes.repository.ts';
import { QuoteDetector } from './detector.ts';

/**
 * A Chatham House Rule Plus statement as people know it: its number in its session (the order
 * of approval, as the analysis pages show it; only approved statements have one), never its author.
 */
export interface QuotedStatement {
  statementId: string;
  number: number | null;
  status: string;
  session: string;
}

export const describeStatement = (s: QuotedStatement) =>
  s.number !== null
    ? `statement ${s.number} of session “${s.session}”`
    : `a ${s.status} statement of session “${s.session}”`;

/** How much of the offending passage a refusal shows. */
const SHOWN = 200;
const shown = (passage: string) =>
  passage.length > SHOWN ? `${passage.slice(0, SHOWN).trimEnd()}…` : passage;

/** 409: the text reproduces a statement said under Chatham House Rule Plus. Names the field, the statement and the passage. */
export class QuotationRefused extends HttpError {
  constructor(
    what: string,
    readonly quotation: { field: string; statement: QuotedStatement; passage: string },
  ) {
    const statement = describeStatement(quotation.statement);
    const passage = shown(quotation.passage);
    super(
      409,
      'Conflict',
      `${what} reproduces ${statement}, said under Chatham House Rule Plus: nothing said there may be quoted, whole or in part, even with a few words changed (“${passage}”). Put it in your own words, or refer to the statement by its number.`,
      [{ field: quotation.field, message: `reproduces ${statement}: “${passage}”` }],
    );
  }

  override toProblem() {
    return { ...super.toProblem(), quotation: this.quotation };
  }
}

/** How a composed public report refers to a statement instead of quoting it (its status stays internal). */
const REFERENCE: Record<ReportLanguage, (s: QuotedStatement) => string> = {
  en: (s) =>
    `(${s.number !== null ? `statement ${s.number}` : 'a statement'} of session “${s.session}”, not quoted: Chatham House Rule Plus)`,
  ur: (s) =>
    `(${s.number !== null ? `اجلاس “${s.session}” کا بیان نمبر ${s.number}` : `اجلاس “${s.session}” کا ایک بیان`}، چیٹم ہاؤس رول پلس کے تحت نقل نہیں کیا گیا)`,
};

/** The round's Chatham House Rule Plus statements, ready to check texts against. */
export class QuoteGuard {
  constructor(private readonly detector: QuoteDetector<QuotedStatement>) {}

  /** Refuses (409) the first of the passages that reproduces a statement. */
  refuse(what: string, passages: ReadonlyArray<{ field: string; text: string }>): void {
    for (const { field, text } of passages) {
      const found = this.detector.find(text);
      if (found)
        throw new QuotationRefused(what, { field, statement: found.key, passage: found.passage });
    }
  }

  /** The text with every reproduction replaced by a reference to the statement by its number. */
  redact(text: string, lang: ReportLanguage): string {
    // A reference could itself spell a short statement (a session's title): a few passes at most.
    for (let pass = 0; pass < 3; pass++) {
      const found = this.detector.findAll(text);
      if (!found.length) break;
      for (const r of found.reverse())
        text = text.slice(0, r.from) + REFERENCE[lang](r.key) + text.slice(r.to);
    }
    return text;
  }
}

/** Loads the Chatham House Rule Plus statements of the round, with their texts, translations and earlier wordings. */
export async function loadQuoteGuard(db: Kysely<Database>, roundId: string): Promise<QuoteGuard> {
  const [rows, revisions] = await Promise.all([
    outcomesRepo.nonQuotableStatements(db, roundId),
    outcomesRepo.nonQuotableRevisions(db, roundId),
  ]);
  const numbers = new Map<string, number>();
  const approved = rows
    .filter((r) => r.status === 'approved')
    .sort(
      (a, b) =>
        a.session_id.localeCompare(b.session_id) ||
        Number(a.position) - Number(b.position) ||
        a.created_at.localeCompare(b.created_at),
    );
  approved.forEach((r, i) => {
    const previous = approved[i - 1];
    const n = previous?.session_id === r.session_id ? numbers.get(previous.id)! + 1 : 1;
    numbers.set(r.id, n);
  });
  const earlier = new Map<string, string[]>();
  for (const r of revisions)
    earlier.set(r.statement_id, [...(earlier.get(r.statement_id) ?? []), r.text, r.translation]);
  return new QuoteGuard(
    new QuoteDetector(
      rows.map((r) => ({
        key: {
          statementId: r.id,
          number: numbers.get(r.id) ?? null,
          status: r.status,
          session: r.session_title,
        },
        wordings: [r.text, r.translation, ...(earlier.get(r.id) ?? [])],
      })),
    ),
  );
}

/** A title and body are checked apart (naming the field) and together (a quotation across both). */
export const titledPassages = (title: string, body: string) => [
  { field: 'body.title', text: title },
  { field: 'body.body', text: body },
  { field: 'body.body', text: `${title}\n${body}` },
];

/** Refuses (409) a text of the round that reproduces one of its Chatham House Rule Plus statements. */
export async function refuseQuotations(
  db: Kysely<Database>,
  roundId: string,
  what: string,
  passages: ReadonlyArray<{ field: string; text: string }>,
): Promise<void> {
  (await loadQuoteGuard(db, roundId)).refuse(what, passages);
}
