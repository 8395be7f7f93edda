import type { FastifyInstance, FastifyReply } from 'fastify';
import { CommentInput } from '../../domain/reports.ts';
import type { Deps } from '../deps.ts';
import { HttpError } from '../http/errors.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { zodFieldErrors } from '../http/problem.ts';
import type { CommentFormState } from '../pages/report.comments.ts';
import { languageOf } from '../pages/report.i18n.ts';
import { renderReportForPrint, renderReportPage, roundPath } from '../pages/report.page.ts';
import { renderSeriesPage } from '../pages/series.page.ts';
import { PdfRenderer } from '../pdf/pdf-renderer.ts';
import { addComment } from '../services/comments.service.ts';
import { loadReportView, loadSeriesView } from '../services/public-site.service.ts';

interface SeriesParams {
  slug: string;
}
interface RoundParams {
  slug: string;
  number: string;
}

const roundNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : null);
const notFoundPage = (reply: FastifyReply) =>
  reply
    .status(404)
    .type('text/html; charset=utf-8')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Parley</title></head><body><main><h1>Not found</h1><p><a href="/">Parley home page</a></p></main></body></html>',
    );

/**
 * The public site, server-rendered and usable without JavaScript: a series page, each round's
 * published report (English, or Urdu with ?lang=ur) with its comments, and the report as PDF.
 * HTML pages, so not in the OpenAPI document.
 */
export function publicSiteRoutes(app: FastifyInstance, _api: OpenApiRegistry, deps: Deps) {
  const pdf = new PdfRenderer(process.env.CHROMIUM_PATH);
  app.addHook('onClose', () => pdf.close());

  app.get<{ Params: SeriesParams }>('/series/:slug', async (request, reply) => {
    const lang = languageOf(request.query);
    const view = await loadSeriesView(deps, request.params.slug, lang);
    if (!view) return notFoundPage(reply);
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderSeriesPage(view, lang));
  });

  async function reportPage(
    reply: FastifyReply,
    params: RoundParams,
    query: unknown,
    csrfToken: string | null,
    status: number,
    form: CommentFormState,
  ) {
    const lang = languageOf(query);
    const number = roundNumber(params.number);
    const view = number === null ? null : await loadReportView(deps, params.slug, number, lang);
    if (!view) return notFoundPage(reply);
    const page = renderReportPage(view, {
      lang,
      publicUrl: deps.config.publicUrl,
      csrfToken,
      form,
    });
    // A signed-in reader's page carries their CSRF token: never cache it in a shared cache.
    return reply
      .status(status)
      .header('cache-control', csrfToken ? 'private, no-store' : 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page);
  }

  app.get<{ Params: RoundParams; Querystring: { comment?: string; replyTo?: string } }>(
    '/series/:slug/rounds/:number',
    async (request, reply) => {
      const { comment, replyTo } = request.query;
      const form = {
        held: comment === 'held',
        replyTo: typeof replyTo === 'string' ? replyTo.slice(0, 64) : undefined,
      };
      return reportPage(reply, request.params, request.query, request.actor.csrfToken, 200, form);
    },
  );

  // The "Leave a comment" form: held for moderation, then back to the page with a notice (303).
  app.post<{ Params: RoundParams }>(
    '/series/:slug/rounds/:number/comments',
    async (request, reply) => {
      const lang = languageOf(request.query);
      const number = roundNumber(request.params.number);
      const view =
        number === null ? null : await loadReportView(deps, request.params.slug, number, lang);
      if (!view) return notFoundPage(reply);
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const text = (name: string) =>
        typeof raw[name] === 'string' ? (raw[name] as string).slice(0, 5000) : '';
      const values = { name: text('name'), email: text('email'), text: text('text') };
      const replyTo = text('parentId') || undefined;
      const parsed = CommentInput.safeParse({
        ...values,
        email: values.email.trim(),
        parentId: replyTo,
        website: text('website'),
      });
      if (!parsed.success)
        return reportPage(reply, request.params, request.query, request.actor.csrfToken, 400, {
          values,
          replyTo,
          errors: zodFieldErrors(parsed.error, 'body'),
        });
      try {
        await addComment(deps, request.actor, view.reportId, parsed.data, request.ip);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
        return reportPage(
          reply,
          request.params,
          request.query,
          request.actor.csrfToken,
          error.status,
          { values, replyTo, errors: error.errors, message: error.detail },
        );
      }
      const path = roundPath(request.params.slug, number!);
      return reply.redirect(`${path}?${lang === 'ur' ? 'lang=ur&' : ''}comment=held#comments`, 303);
    },
  );

  app.get<{ Params: RoundParams }>(
    '/series/:slug/rounds/:number/report.pdf',
    async (request, reply) => {
      const lang = languageOf(request.query);
      const number = roundNumber(request.params.number);
      const view =
        number === null ? null : await loadReportView(deps, request.params.slug, number, lang);
      if (!view) return notFoundPage(reply);
      let file: Buffer;
      try {
        file = await pdf.render(
          `${view.reportId}:${view.version}:${lang}`,
          renderReportForPrint(view, lang),
        );
      } catch (error) {
        // No Chromium, or it crashed: say so plainly; the HTML report stays available.
        request.log.error({ err: error }, 'PDF rendering failed');
        return reply
          .status(503)
          .header('retry-after', '60')
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PDF unavailable · Parley</title></head><body><main><h1>The PDF cannot be made right now</h1><p>Please read the report on its page, or try again in a minute.</p></main></body></html>',
          );
      }
      const name = `${view.series.slug}-round-${view.round.number}-${lang}-v${view.version}.pdf`;
      return reply
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'public, max-age=300')
        .type('application/pdf')
        .send(file);
    },
  );
}
