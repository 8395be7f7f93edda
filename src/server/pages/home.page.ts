import type {
  AttributionRule,
  OrganisationPart,
  RoundStatus,
  SessionKind,
} from '../../domain/enums.ts';
import { PUBLIC } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { participationsPolicy } from '../policies/participations.policy.ts';
import { roundsPolicy } from '../policies/rounds.policy.ts';
import { seriesPolicy } from '../policies/series.policy.ts';
import { sessionsPolicy } from '../policies/sessions.policy.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { participationsRepo } from '../repositories/participations.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { html, htmlDocument, type SafeHtml } from './html.ts';
import { HOME_STYLE } from './home.style.ts';

/** What the home page shows: only what is announced in public; people only as the delegates a published report names. */
export interface HomeView {
  series: Array<{
    /** For the link to the series' public page (/series/{slug}). */
    slug: string;
    title: string;
    trackLabel: string;
    description: string;
    organisations: Array<{ part: OrganisationPart; name: string; shortName: string }>;
    delegations: string[];
    rounds: Array<{
      number: number;
      city: string;
      country: string;
      venue: string;
      startsOn: string;
      endsOn: string;
      status: RoundStatus;
      umbrellaTheme: string;
      sessions: Array<{ kind: SessionKind; title: string; attributionRule: AttributionRule }>;
      /** Named only once the round's report is published. */
      delegates: Array<{ delegation: string; names: string[] }>;
    }>;
  }>;
}

const EVERYTHING = { limit: 200, offset: 0 };

/** Loads every series with its rounds and sessions, as the anonymous public may see them. */
export async function loadHomeView(deps: Deps): Promise<HomeView> {
  const db = deps.db.kysely;
  if (!seriesPolicy.read(PUBLIC)) return { series: [] };
  const { rows } = await seriesRepo.list(db, EVERYTHING);
  const ids = rows.map((s) => s.id);
  const [delegations, organisations] = await Promise.all([
    seriesRepo.delegations(db, ids),
    seriesRepo.organisations(db, ids),
  ]);
  const series: HomeView['series'] = [];
  for (const s of rows) {
    const rounds = roundsPolicy.read(PUBLIC)
      ? (await roundsRepo.listBySeries(db, s.id, EVERYTHING)).rows
      : [];
    series.push({
      slug: s.slug,
      title: s.title,
      trackLabel: s.track_label,
      description: s.description,
      organisations: organisations
        .filter((o) => o.series_id === s.id)
        .map((o) => ({ part: o.part as OrganisationPart, name: o.name, shortName: o.short_name })),
      delegations: delegations.filter((d) => d.series_id === s.id).map((d) => d.name),
      rounds: await Promise.all(
        rounds.map(async (r) => ({
          number: r.number,
          city: r.city,
          country: r.country,
          venue: r.venue,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          status: r.status as RoundStatus,
          umbrellaTheme: r.umbrella_theme,
          sessions: sessionsPolicy.read(PUBLIC)
            ? (await dialogueSessionsRepo.listByRound(db, r.id, EVERYTHING)).rows.map((x) => ({
                kind: x.kind as SessionKind,
                title: x.title,
                attributionRule: x.attribution_rule as AttributionRule,
              }))
            : [],
          delegates: participationsPolicy.readPublishedDelegates(r)
            ? groupDelegates(await participationsRepo.delegatesOf(db, r.id))
            : [],
        })),
      ),
    });
  }
  return { series };
}

function groupDelegates(rows: Array<{ delegation: string; honorific: string; full_name: string }>) {
  const byDelegation = new Map<string, string[]>();
  for (const r of rows)
    byDelegation.set(r.delegation, [
      ...(byDelegation.get(r.delegation) ?? []),
      [r.honorific, r.full_name].filter(Boolean).join(' '),
    ]);
  return [...byDelegation].map(([delegation, names]) => ({ delegation, names }));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "5–6 April 2026", "30 April – 2 May 2026", "30 December 2026 – 2 January 2027", "5 April 2026". */
export function formatDateRange(startsOn: string, endsOn: string): string {
  const [y1, m1, d1] = startsOn.split('-').map(Number);
  const [y2, m2, d2] = endsOn.split('-').map(Number);
  const full = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;
  if (startsOn === endsOn) return full(y1, m1, d1);
  if (y1 !== y2) return `${full(y1, m1, d1)} – ${full(y2, m2, d2)}`;
  if (m1 !== m2) return `${d1} ${MONTHS[m1 - 1]} – ${full(y2, m2, d2)}`;
  return `${d1}–${full(y2, m2, d2)}`;
}

const STATUS: Record<RoundStatus, string> = {
  planned: 'Planned',
  in_session: 'In session',
  concluded: 'Concluded',
  report_published: 'Report published',
};
const KIND: Record<SessionKind, string> = {
  inaugural: 'Inaugural session',
  working: 'Working session',
  closing: 'Closing session',
  other: 'Session',
};
const RULE: Record<AttributionRule, string> = {
  on_record: 'On the record',
  chatham_house: 'Chatham House Rule',
  chatham_house_plus: 'Chatham House Rule Plus',
  off_record: 'Off the record',
};
const PART: Record<OrganisationPart, string> = {
  convener: 'Convened by',
  partner: 'In partnership with',
  sponsor: 'Supported by',
};

function sessionList(sessions: HomeView['series'][number]['rounds'][number]['sessions']): SafeHtml {
  if (!sessions.length) return html`<p>No sessions have been announced for this round.</p>`;
  let working = 0;
  return html`<ol class="sessions">
    ${sessions.map((s) => {
      const kind = s.kind === 'working' ? `${KIND.working} ${++working}` : KIND[s.kind];
      const title = s.title.trim().toLowerCase() === KIND[s.kind].toLowerCase() ? '' : s.title;
      return html`<li>
        <span class="kind">${kind}</span>${title && html`: ${title}`} <span class="rule">(${RULE[s.attributionRule]})</span>
      </li>`;
    })}
  </ol>`;
}

function roundSection(r: HomeView['series'][number]['rounds'][number]): SafeHtml {
  const place = [r.venue, r.city, r.country].filter(Boolean).join(', ');
  return html`<section class="round" aria-label="Round ${r.number}">
    <h3>Round ${r.number}: ${place}</h3>
    <p class="when">
      <time datetime="${r.startsOn}">${formatDateRange(r.startsOn, r.endsOn)}</time> · <span class="status">${STATUS[r.status]}</span>
    </p>
    ${r.umbrellaTheme && html`<p class="theme">Theme: ${r.umbrellaTheme}</p>`} ${sessionList(r.sessions)}
    ${
      r.delegates.length > 0 &&
      html`<dl class="delegates">
      ${r.delegates.map((d) => html`<dt>Delegates from ${d.delegation}</dt><dd>${d.names.join(', ')}</dd>`)}
    </dl>`
    }
  </section>`;
}

function seriesArticle(s: HomeView['series'][number]): SafeHtml {
  const byPart = (['convener', 'partner', 'sponsor'] as const)
    .map((part) => ({
      part,
      names: s.organisations
        .filter((o) => o.part === part)
        .map((o) => (o.shortName ? `${o.name} (${o.shortName})` : o.name)),
    }))
    .filter((p) => p.names.length);
  return html`<article class="series">
    <h2>${s.title}</h2>
    <p class="series-link"><a href="/series/${encodeURIComponent(s.slug)}">The series page: rounds and published outcome reports</a></p>
    ${s.trackLabel && html`<p class="track">${s.trackLabel}</p>`}
    <dl class="facts">
      ${byPart.map(
        (p) =>
          html`<dt>${PART[p.part]}</dt>
            <dd>${p.names.join('; ')}</dd>`,
      )}
      <dt>Delegations</dt>
      <dd>${s.delegations.join(' · ') || 'none yet'}</dd>
    </dl>
    ${s.description && html`<p>${s.description}</p>`}
    ${s.rounds.length ? s.rounds.map(roundSection) : html`<p>No rounds have been announced yet.</p>`}
  </article>`;
}

/** The public home page: every series with its rounds' places, dates, themes and sessions. */
export function renderHomePage(view: HomeView): string {
  const body = html`<a class="skip" href="#main">Skip to content</a>
    <header>
      <h1>Parley</h1>
      <p>Track-II and Track 1.5 dialogue series</p>
    </header>
    <main id="main">
      ${view.series.length ? view.series.map(seriesArticle) : html`<p>No dialogue series yet. An administrator creates one in the <a href="/app/">Parley app</a>.</p>`}
    </main>
    <footer>
      <p>
        Participants, organisers and focal points sign in to the <a href="/app/">Parley app</a>. The programming interface is described at
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
    </footer>`;
  return htmlDocument({ title: 'Parley: dialogue series', head: HOME_STYLE, body });
}
