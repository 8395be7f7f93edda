import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams } from '../../domain/common.ts';
import {
  RapporteurReport,
  RapporteurReportInput,
  ReviewComment,
  ReviewCommentInput,
  ReviewInput,
  Revision,
} from '../../domain/outcomes.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as report from '../services/rapporteur-report.service.ts';

const tags = ['outcomes'];
const base = '/api/v1/rounds/{id}/rapporteur-report';

/** The rapporteur's report: draft → in_review (private comments) → approved_for_publication → published. */
export function rapporteurReportRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'GET',
    url: base,
    summary: "The rapporteur's report (participants: once in review)",
    tags,
    params: IdParams,
    response: RapporteurReport,
    handler: ({ actor, params }) => report.getRapporteurReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PUT',
    url: base,
    summary: "Write the rapporteur's report (rapporteurs; baseVersion 0 for the first draft)",
    tags,
    params: IdParams,
    body: RapporteurReportInput,
    response: RapporteurReport,
    handler: ({ actor, params, body }) => report.saveRapporteurReport(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: `${base}/review`,
    summary: 'Open the review window for participants',
    tags,
    params: IdParams,
    body: ReviewInput,
    response: RapporteurReport,
    handler: ({ actor, params, body }) =>
      report.openReview(deps, actor, params.id, body.reviewEndsAt),
  });
  route(app, api, {
    method: 'POST',
    url: `${base}/approval`,
    summary:
      'Approve for publication after the review (organisers; Chatham House Plus quoting check)',
    tags,
    params: IdParams,
    response: RapporteurReport,
    handler: ({ actor, params }) => report.approveRapporteurReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'POST',
    url: `${base}/publication`,
    summary: 'Publish the approved report (organisers; without approval: 409)',
    tags,
    params: IdParams,
    response: RapporteurReport,
    handler: ({ actor, params }) => report.publishRapporteurReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: `${base}/comments`,
    summary: 'Review comments (your own; rapporteurs and organisers: all)',
    tags,
    params: IdParams,
    response: z.object({ items: z.array(ReviewComment) }),
    handler: ({ actor, params }) => report.listReviewComments(deps, actor, params.id),
  });
  route(app, api, {
    method: 'POST',
    url: `${base}/comments`,
    summary: 'Comment privately during the review window',
    tags,
    params: IdParams,
    body: ReviewCommentInput,
    response: ReviewComment,
    status: 201,
    handler: ({ actor, params, body }) =>
      report.addReviewComment(deps, actor, params.id, body.body),
  });
  route(app, api, {
    method: 'GET',
    url: `${base}/revisions`,
    summary: "Every version of the rapporteur's report",
    tags,
    params: IdParams,
    response: z.object({ items: z.array(Revision) }),
    handler: ({ actor, params }) => report.listReportRevisions(deps, actor, params.id),
  });
}
