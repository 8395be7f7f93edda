import type { z } from 'zod';
import {
  REPORT_LANGUAGES,
  type PublishReportInput,
  type ReportLanguage,
  type ReportPatch,
  type ReportText,
} from '../../domain/reports.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { reportsPolicy } from '../policies/reports.policy.ts';
import { presentPublished, presentReport } from '../presenters/reports.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { reportsRepo } from '../repositories/reports.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { guard } from './guard.ts';
import { loadQuoteGuard, refuseQuotations } from './quoting/guard.ts';
import { composeReportText } from './reports.compose.ts';
import { loadReportFacts } from './reports.facts.ts';

async function loadRound(deps: Deps, roundId: string) {
  const round = await roundsRepo.find(deps.db.kysely, roundId);
  if (!round) throw notFound('round');
  return round;
}

async function loadReport(deps: Deps, id: string) {
  const row = await reportsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('report');
  return row;
}

async function present(deps: Deps, id: string) {
  const row = (await reportsRepo.find(deps.db.kysely, id))!;
  return presentReport(row, await reportsRepo.latestPublishedNumber(deps.db.kysely, id));
}

const stale = (current: number) =>
  conflict(
    `The report was changed by someone else (now version ${current}); reload it and apply your edit again.`,
    [{ field: 'body.baseVersion', message: `current version is ${current}` }],
  );

/** Every text of the report in one language, each named by its field in a PATCH. */
const reportPassages = (lang: ReportLanguage, text: ReportText) => [
  { field: `body.${lang}.headline`, text: text.headline },
  ...text.sections.flatMap((s, i) => [
    { field: `body.${lang}.sections.${i}.heading`, text: s.heading },
    { field: `body.${lang}.sections.${i}.markdown`, text: s.markdown },
  ]),
];

/** The stored texts of a report against its round's Chatham House Rule Plus statements (409 when one reproduces one). */
const refuseQuotes = (
  deps: Deps,
  roundId: string,
  texts: Partial<Record<ReportLanguage, ReportText>>,
) =>
  refuseQuotations(
    deps.db.kysely,
    roundId,
    'The public report',
    REPORT_LANGUAGES.flatMap((lang) => {
      const text = texts[lang];
      return text ? reportPassages(lang, text) : [];
    }),
  );

const storedTexts = (row: { text_en: string; text_ur: string }) => ({
  en: JSON.parse(row.text_en) as ReportText,
  ur: JSON.parse(row.text_ur) as ReportText,
});

/**
 * Composes the round's report from its data in every language. A new report is created; an
 * existing one gets a freshly composed draft (a new edit version, approval withdrawn).
 */
export async function composeReport(deps: Deps, actor: Actor, roundId: string) {
  const round = await loadRound(deps, roundId);
  guard(reportsPolicy.compose(actor, round.series_id), actor);
  const db = deps.db.kysely;
  const [facts, quotes] = await Promise.all([
    loadReportFacts(db, round),
    loadQuoteGuard(db, roundId),
  ]);
  // An outcome text that reproduces a Chatham House Rule Plus statement (one said after its
  // approval) refers to the statement by number instead.
  const composed = (lang: ReportLanguage) =>
    JSON.stringify(
      composeReportText(
        {
          ...facts,
          outcomes: facts.outcomes.map((o) => ({ ...o, text: quotes.redact(o.text, lang) })),
        },
        lang,
      ),
    );
  const at = deps.now().toISOString();
  const texts = { text_en: composed('en'), text_ur: composed('ur') };
  const existing = await reportsRepo.findByRound(db, roundId);
  const id = existing?.id ?? newId();
  if (existing) {
    if (
      !(await reportsRepo.updateIfVersion(db, id, existing.edit_version, {
        ...texts,
        status: 'draft',
        approved_by: null,
        approved_at: null,
        updated_at: at,
      }))
    ) {
      throw stale(existing.edit_version + 1);
    }
  } else {
    await reportsRepo.insert(db, {
      id,
      round_id: roundId,
      status: 'draft',
      edit_version: 1,
      ...texts,
      approved_by: null,
      approved_at: null,
      created_at: at,
      updated_at: at,
    });
  }
  await audit.record(db, deps.now(), {
    actorUserId: actor.user?.id ?? null,
    action: 'report.composed',
    resourceType: 'report',
    resourceId: id,
    seriesId: round.series_id,
  });
  return present(deps, id);
}

export async function getReport(deps: Deps, actor: Actor, id: string) {
  const row = await loadReport(deps, id);
  guard(reportsPolicy.readDraft(actor, row.series_id), actor, { confidential: 'report' });
  return present(deps, id);
}

export async function getRoundReport(deps: Deps, actor: Actor, roundId: string) {
  const round = await loadRound(deps, roundId);
  guard(reportsPolicy.readDraft(actor, round.series_id), actor, { confidential: 'report' });
  const row = await reportsRepo.findByRound(deps.db.kysely, roundId);
  if (!row) throw notFound('report');
  return present(deps, row.id);
}

/** An edit of either language, based on the version the editor read; it withdraws any approval. */
export async function updateReport(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof ReportPatch>,
) {
  const row = await loadReport(deps, id);
  guard(reportsPolicy.edit(actor, row.series_id), actor, { confidential: 'report' });
  if (!patch.en && !patch.ur)
    throw badRequest('Send the text of at least one language.', [
      { field: 'body.en', message: 'give en or ur' },
    ]);
  if (row.edit_version !== patch.baseVersion) throw stale(row.edit_version);
  await refuseQuotes(deps, row.round_id, patch);
  const texts: { text_en?: string; text_ur?: string } = {};
  for (const lang of REPORT_LANGUAGES) {
    const text: ReportText | undefined = patch[lang];
    if (text) texts[lang === 'en' ? 'text_en' : 'text_ur'] = JSON.stringify(text);
  }
  const ok = await reportsRepo.updateIfVersion(deps.db.kysely, id, patch.baseVersion, {
    ...texts,
    status: 'draft',
    approved_by: null,
    approved_at: null,
    updated_at: deps.now().toISOString(),
  });
  if (!ok) throw stale(row.edit_version);
  return present(deps, id);
}

/** A person approves exactly the version they read for publication (not a text quoting a CHR-Plus statement). */
export async function approveReport(deps: Deps, actor: Actor, id: string, version: number) {
  const row = await loadReport(deps, id);
  guard(reportsPolicy.approve(actor, row.series_id), actor, { confidential: 'report' });
  if (row.status === 'published' && row.edit_version === version)
    throw conflict('This version is already published.');
  if (row.edit_version === version) await refuseQuotes(deps, row.round_id, storedTexts(row));
  const at = deps.now().toISOString();
  if (
    !(await reportsRepo.setStatusIfVersion(deps.db.kysely, id, version, {
      status: 'approved',
      approved_by: actor.user?.id ?? null,
      approved_at: at,
      updated_at: at,
    }))
  ) {
    throw stale(row.edit_version);
  }
  await audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor.user?.id ?? null,
    action: 'report.approved',
    resourceType: 'report',
    resourceId: id,
    seriesId: row.series_id,
    detail: { version },
  });
  return present(deps, id);
}

/**
 * Publishes the approved text as the next public version. From the second version on, a
 * correction note is required: the public page says what was corrected and when.
 */
export async function publishReport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.output<typeof PublishReportInput>,
) {
  const row = await loadReport(deps, id);
  guard(reportsPolicy.publish(actor, row.series_id), actor, { confidential: 'report' });
  if (row.status !== 'approved')
    throw conflict(
      row.status === 'published'
        ? 'This text is already published; edit and approve it to publish a correction.'
        : 'The report must be approved before it is published.',
    );
  // Checked again: statements may have come since the approval.
  await refuseQuotes(deps, row.round_id, storedTexts(row));
  const db = deps.db.kysely;
  const version = (await reportsRepo.latestPublishedNumber(db, id)) + 1;
  const note = input?.correctionNote?.trim() ?? '';
  if (version > 1 && !note)
    throw badRequest('A correction needs a note saying what was corrected.', [
      { field: 'body.correctionNote', message: 'required from the second publication on' },
    ]);
  const at = deps.now().toISOString();
  const published = {
    id: newId(),
    report_id: id,
    version,
    text_en: row.text_en,
    text_ur: row.text_ur,
    correction_note: version > 1 ? note : '',
    published_by: actor.user?.id ?? null,
    published_at: at,
  };
  await db.transaction().execute(async (trx) => {
    if (
      !(await reportsRepo.setStatusIfVersion(trx, id, row.edit_version, {
        status: 'published',
        updated_at: at,
      }))
    )
      throw stale(row.edit_version + 1);
    await reportsRepo.insertVersion(trx, published);
    await roundsRepo.update(trx, row.round_id, { status: 'report_published' });
  });
  await audit.record(db, deps.now(), {
    actorUserId: actor.user?.id ?? null,
    action: 'report.published',
    resourceType: 'report',
    resourceId: id,
    seriesId: row.series_id,
    detail: { version },
  });
  return presentPublished(published);
}
