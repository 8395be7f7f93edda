import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import type { OpenApiRegistry } from '../http/openapi.ts';
import { authRoutes } from './auth.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { seriesRoutes } from './series.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { membersRoutes } from './members.routes.ts';
import { invitationsRoutes } from './invitations.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { organisationsRoutes } from './organisations.routes.ts';
import { roundsRoutes } from './rounds.routes.ts';
import { dialogueSessionsRoutes } from './dialogue-sessions.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { participationsRoutes } from './participations.routes.ts';
import { liveRoutes } from './live.routes.ts';
import { analysisRoutes } from './analysis.routes.ts';
import { statementsRoutes } from './statements.routes.ts';
import { votesRoutes } from './votes.routes.ts';
import { webRoutes } from './web.routes.ts';
import { homeRoutes } from './home.routes.ts';

/** Every route module, registered in one place. Append new modules here. */
export async function registerRoutes(app: FastifyInstance, api: OpenApiRegistry, deps: Deps) {
  healthRoutes(app, api, deps);
  authRoutes(app, api, deps);
  seriesRoutes(app, api, deps);
  usersRoutes(app, api, deps);
  membersRoutes(app, api, deps);
  invitationsRoutes(app, api, deps);
  auditRoutes(app, api, deps);
  organisationsRoutes(app, api, deps);
  roundsRoutes(app, api, deps);
  dialogueSessionsRoutes(app, api, deps);
  peopleRoutes(app, api, deps);
  participationsRoutes(app, api, deps);
  liveRoutes(app, api, deps);
  analysisRoutes(app, api, deps);
  statementsRoutes(app, api, deps);
  votesRoutes(app, api, deps);
  webRoutes(app, api, deps);
  homeRoutes(app, api, deps);
}
