import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CommentInput, CommentsQuery } from '../../domain/reports.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { badRequest, HttpError, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { commentsPolicy } from '../policies/comments.policy.ts';
import { presentComment } from '../presenters/comments.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { commentsRepo } from '../repositories/comments.repository.ts';
import { reportsRepo } from '../repositories/reports.repository.ts';
import { guard } from './guard.ts';

/** At most this many comments per address in the window: enough for a person, too few for a flood. */
export const COMMENT_LIMIT = { max: 5, windowMinutes: 10 };
/** More links than this and a comment is refused: link spam is the usual kind. */
export const MAX_LINKS = 2;
export const HELD_MESSAGE =
  'Thank you. Your comment is held for moderation and will appear once an organiser approves it.';

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
export const countLinks = (text: string) => text.match(LINK)?.length ?? 0;

/** Addresses are kept only as a hash, for the rate limit. */
const hashAddress = (address: string) =>
  createHash('sha256').update(`parley-comment-address:${address}`).digest('hex');

/** A report the public can comment on: it has a published version. */
async function loadPublishedReport(deps: Deps, reportId: string) {
  const report = await reportsRepo.find(deps.db.kysely, reportId);
  if (!report || !(await reportsRepo.latestPublishedNumber(deps.db.kysely, reportId)))
    throw notFound('report');
  return report;
}

/**
 * Leaves a comment on a published report, held for moderation. A filled honeypot is answered
 * as a success and dropped (a bot learns nothing); too many links → 400; a flood → 429.
 */
export async function addComment(
  deps: Deps,
  actor: Actor,
  reportId: string,
  input: z.output<typeof CommentInput>,
  address: string,
) {
  guard(commentsPolicy.create(actor), actor);
  await loadPublishedReport(deps, reportId);
  const held = { status: 'pending' as const, message: HELD_MESSAGE };
  if (input.website?.trim()) return held;
  if (countLinks(input.text) > MAX_LINKS) {
    throw badRequest(`A comment may contain at most ${MAX_LINKS} links.`, [
      { field: 'body.text', message: `more than ${MAX_LINKS} links` },
    ]);
  }
  const db = deps.db.kysely;
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await commentsRepo.find(db, input.parentId);
    if (!parent || parent.report_id !== reportId || parent.status !== 'approved') {
      throw badRequest('You can reply only to a published comment on this report.', [
        { field: 'body.parentId', message: 'no such comment here' },
      ]);
    }
    // One level of replies: a reply to a reply joins the thread of the top-level comment.
    parentId = parent.parent_id ?? parent.id;
  }
  const addressHash = hashAddress(address);
  const now = deps.now();
  const since = new Date(now.getTime() - COMMENT_LIMIT.windowMinutes * 60_000).toISOString();
  if ((await commentsRepo.countFromAddressSince(db, addressHash, since)) >= COMMENT_LIMIT.max) {
    throw new HttpError(
      429,
      'Too Many Requests',
      `Too many comments from your address: at most ${COMMENT_LIMIT.max} in ${COMMENT_LIMIT.windowMinutes} minutes. Please try again later.`,
      undefined,
      {
        'retry-after': String(COMMENT_LIMIT.windowMinutes * 60),
      },
    );
  }
  await commentsRepo.insert(db, {
    id: newId(),
    report_id: reportId,
    parent_id: parentId,
    author_name: input.name,
    author_email: input.email ?? '',
    body: input.text,
    status: 'pending',
    address_hash: addressHash,
    created_at: now.toISOString(),
    moderated_by: null,
    moderated_at: null,
  });
  return held;
}

export async function listComments(
  deps: Deps,
  actor: Actor,
  reportId: string,
  query: z.output<typeof CommentsQuery>,
) {
  const report = await reportsRepo.find(deps.db.kysely, reportId);
  if (!report) throw notFound('report');
  guard(commentsPolicy.readHeld(actor, report.series_id), actor, { confidential: 'report' });
  const { rows, total } = await commentsRepo.listByStatus(
    deps.db.kysely,
    reportId,
    query.status,
    query,
  );
  return { items: rows.map(presentComment), total, limit: query.limit, offset: query.offset };
}

export async function moderateComment(
  deps: Deps,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
) {
  const db = deps.db.kysely;
  const row = await commentsRepo.find(db, id);
  if (!row) throw notFound('comment');
  guard(commentsPolicy.moderate(actor, row.series_id), actor, { confidential: 'comment' });
  const status = decision === 'approve' ? 'approved' : 'rejected';
  await commentsRepo.setStatus(db, id, status, actor.user?.id ?? null, deps.now().toISOString());
  await audit.record(db, deps.now(), {
    actorUserId: actor.user?.id ?? null,
    action: `comment.${status}`,
    resourceType: 'comment',
    resourceId: id,
    seriesId: row.series_id,
  });
  const { series_id: _series, ...comment } = row;
  return presentComment({ ...comment, status });
}

export interface CommentThread {
  id: string;
  name: string;
  text: string;
  createdAt: string;
  replies: Array<{ id: string; name: string; text: string; createdAt: string }>;
}

/** Approved comments in order, each top-level comment with its approved replies. */
export async function approvedThreads(deps: Deps, reportId: string): Promise<CommentThread[]> {
  const rows = await commentsRepo.approved(deps.db.kysely, reportId);
  const top = rows.filter((r) => !r.parent_id);
  const view = (r: (typeof rows)[number]) => ({
    id: r.id,
    name: r.author_name,
    text: r.body,
    createdAt: r.created_at,
  });
  return top.map((t) => ({
    ...view(t),
    replies: rows.filter((r) => r.parent_id === t.id).map(view),
  }));
}
