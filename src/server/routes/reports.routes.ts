import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../domain/common.ts';
import {
  ApproveReportInput,
  ComposeReportInput,
  PublishedReport,
  PublishReportInput,
  Report,
  ReportPatch,
} from '../../domain/reports.ts';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { route } from '../http/route.ts';
import * as reports from '../services/reports.service.ts';

const tags = ['reports'];

/** The public outcome report of a round: composed from data, edited, approved and published by organisers. */
export function reportsRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  route(app, api, {
    method: 'POST',
    url: '/api/v1/rounds/{id}/report/compose',
    summary: "Compose (or re-compose) the draft of the round's public report, in English and Urdu",
    tags,
    params: IdParams,
    body: ComposeReportInput,
    response: Report,
    status: 201,
    handler: ({ actor, params }) => reports.composeReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/rounds/{id}/report',
    summary: "The round's public report as organisers edit it",
    tags,
    params: IdParams,
    response: Report,
    handler: ({ actor, params }) => reports.getRoundReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'GET',
    url: '/api/v1/reports/{id}',
    summary: 'A public report as organisers edit it',
    tags,
    params: IdParams,
    response: Report,
    handler: ({ actor, params }) => reports.getReport(deps, actor, params.id),
  });
  route(app, api, {
    method: 'PATCH',
    url: '/api/v1/reports/{id}',
    summary: 'Edit the report (based on the version read; a stale edit is refused with 409)',
    tags,
    params: IdParams,
    body: ReportPatch,
    response: Report,
    handler: ({ actor, params, body }) => reports.updateReport(deps, actor, params.id, body),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/reports/{id}/approve',
    summary: 'Approve the version read for publication',
    tags,
    params: IdParams,
    body: ApproveReportInput,
    response: Report,
    handler: ({ actor, params, body }) =>
      reports.approveReport(deps, actor, params.id, body.version),
  });
  route(app, api, {
    method: 'POST',
    url: '/api/v1/reports/{id}/publish',
    summary: 'Publish the approved text as the next public version (409 without approval)',
    tags,
    params: IdParams,
    body: PublishReportInput,
    response: PublishedReport,
    status: 201,
    handler: ({ actor, params, body }) => reports.publishReport(deps, actor, params.id, body),
  });
}
