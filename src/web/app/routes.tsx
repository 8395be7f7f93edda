import { lazy, type ComponentType, type ReactNode } from 'react';
import { loadAllMessages } from '../i18n/catalogs.ts';
import { AgendaPage } from '../pages/AgendaPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { InvitationPage } from '../pages/InvitationPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { VotePage } from '../pages/VotePage.tsx';

/**
 * A page loaded on demand, with the rest of the message catalogue in parallel (no waterfall).
 * The participant's pages (above) are in the app's entry, one download on poor conference
 * Wi-Fi; the organiser, moderator, room, analysis and outcomes pages, and their words, are not.
 */
function lazyPage<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => Promise.all([load(), loadAllMessages()]).then(([page]) => page));
}

const SeriesListPage = lazyPage(() => import('../pages/organiser/SeriesListPage.tsx'));
const SeriesPage = lazyPage(() => import('../pages/organiser/SeriesPage.tsx'));
const RoundSetupPage = lazyPage(() => import('../pages/organiser/RoundSetupPage.tsx'));
const DelegationPage = lazyPage(() => import('../pages/organiser/DelegationPage.tsx'));
const ModeratePage = lazyPage(() => import('../pages/moderate/ModeratePage.tsx'));
const RoomPage = lazyPage(() => import('../pages/room/RoomPage.tsx'));
const SessionAnalysisPage = lazyPage(() => import('../pages/analysis/SessionAnalysisPage.tsx'));
const RoundAnalysisPage = lazyPage(() => import('../pages/analysis/RoundAnalysisPage.tsx'));
const OutcomesPage = lazyPage(() => import('../pages/outcomes/OutcomesPage.tsx'));
const ContinuityPage = lazyPage(() => import('../pages/outcomes/ContinuityPage.tsx'));

export interface RouteDef {
  pattern: string;
  render(params: Record<string, string>): ReactNode;
  /** Pages that need the full width (tables, charts, the projector view). */
  wide?: boolean;
}

export const ROUTES: RouteDef[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/login', render: () => <LoginPage /> },
  { pattern: '/invitations/:token', render: (p) => <InvitationPage token={p.token} /> },
  { pattern: '/rounds/:id', render: (p) => <AgendaPage roundId={p.id} /> },
  { pattern: '/rounds/:id/setup', render: (p) => <RoundSetupPage roundId={p.id} />, wide: true },
  {
    pattern: '/rounds/:id/delegation',
    render: (p) => <DelegationPage roundId={p.id} />,
    wide: true,
  },
  { pattern: '/sessions/:id/vote', render: (p) => <VotePage sessionId={p.id} /> },
  {
    pattern: '/sessions/:id/moderate',
    render: (p) => <ModeratePage sessionId={p.id} />,
    wide: true,
  },
  { pattern: '/sessions/:id/room', render: (p) => <RoomPage sessionId={p.id} />, wide: true },
  {
    pattern: '/sessions/:id/analysis',
    render: (p) => <SessionAnalysisPage sessionId={p.id} />,
    wide: true,
  },
  {
    pattern: '/rounds/:id/analysis',
    render: (p) => <RoundAnalysisPage roundId={p.id} />,
    wide: true,
  },
  { pattern: '/series', render: () => <SeriesListPage /> },
  { pattern: '/series/new', render: () => <SeriesPage seriesId={null} /> },
  { pattern: '/series/:id', render: (p) => <SeriesPage seriesId={p.id} />, wide: true },
  { pattern: '/rounds/:id/outcomes', render: (p) => <OutcomesPage roundId={p.id} />, wide: true },
  {
    pattern: '/series/:id/continuity',
    render: (p) => <ContinuityPage seriesId={p.id} />,
    wide: true,
  },
];
