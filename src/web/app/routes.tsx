import { lazy, type ReactNode } from 'react';
import { AgendaPage } from '../pages/AgendaPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { InvitationPage } from '../pages/InvitationPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { VotePage } from '../pages/VotePage.tsx';

/*
 * Participant pages are in the main bundle (one download on poor conference Wi-Fi); the
 * organiser, moderator, room and analysis pages are loaded on demand.
 */
const SeriesListPage = lazy(() => import('../pages/organiser/SeriesListPage.tsx'));
const SeriesPage = lazy(() => import('../pages/organiser/SeriesPage.tsx'));
const RoundSetupPage = lazy(() => import('../pages/organiser/RoundSetupPage.tsx'));
const DelegationPage = lazy(() => import('../pages/organiser/DelegationPage.tsx'));
const ModeratePage = lazy(() => import('../pages/moderate/ModeratePage.tsx'));
const RoomPage = lazy(() => import('../pages/room/RoomPage.tsx'));
const SessionAnalysisPage = lazy(() => import('../pages/analysis/SessionAnalysisPage.tsx'));
const RoundAnalysisPage = lazy(() => import('../pages/analysis/RoundAnalysisPage.tsx'));
const OutcomesPage = lazy(() => import('../pages/outcomes/OutcomesPage.tsx'));
const ContinuityPage = lazy(() => import('../pages/outcomes/ContinuityPage.tsx'));

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
