/**
 * Names shared by the app and its service worker: caches, and the API reads a participant's
 * first screen makes (so the worker can start them at navigation and the page's own requests
 * find them).
 */

/** The app shell of one build: index.html and the participant's JavaScript and CSS. */
export const SHELL_CACHE_PREFIX = 'parley-shell-';
/** One person's participant data (see offlineData.ts): never read for anyone else. */
export const DATA_CACHE_PREFIX = 'parley-data-';
export const dataCacheName = (userId: string) => `${DATA_CACHE_PREFIX}${userId}`;

/** The reads of the voting page, as the page makes them (paths under /api/v1). */
export function votingPaths(sessionId: string) {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return {
    session: base,
    statements: `${base}/statements?status=approved&limit=200`,
    myVotes: `${base}/my-votes`,
    next: `${base}/next`,
  };
}

/** The agenda's reads (paths under /api/v1). */
export function agendaPaths(roundId: string) {
  const base = `/rounds/${encodeURIComponent(roundId)}`;
  return { round: base, sessions: `${base}/sessions?limit=200` };
}

const VOTE_PAGE = /^\/app\/sessions\/([^/]+)\/vote$/;

/** The API reads (paths under /api/v1) a page of the app makes first, by its address. */
export function firstScreenReads(appPath: string): string[] {
  const vote = VOTE_PAGE.exec(appPath);
  if (!vote) return ['/me'];
  return ['/me', ...Object.values(votingPaths(decodeURIComponent(vote[1])))];
}

const KEPT = [
  /^\/me$/,
  /^\/sessions\/[^/?]+(\/statements\?status=approved&limit=200|\/my-votes|\/next)?$/,
  /^\/rounds\/[^/?]+(\/sessions\?limit=200)?$/,
];

/**
 * The reads kept for a signed-in participant to reload on a dead network: who they are, their
 * agendas and the voting page of a session. Nothing an organiser, moderator or rapporteur
 * reads is kept, and nothing is kept for a visitor who is not signed in.
 */
export const keptOffline = (path: string) => KEPT.some((pattern) => pattern.test(path));
