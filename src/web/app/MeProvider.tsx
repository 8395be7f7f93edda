import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../domain/accounts.ts';
import { api, rememberCsrf } from '../api/client.ts';
import { offlineData } from '../offline/offlineData.ts';

interface MeState {
  /** Null until the first answer of GET /api/v1/me. */
  me: Me | null;
  /** Set after a network failure loading /me, so the shell can say so instead of spinning. */
  failed: boolean;
  setMe(me: Me): void;
  refresh(): Promise<void>;
}

const MeContext = createContext<MeState | null>(null);

/** Who is signed in, loaded once and refreshed after sign-in, sign-out and accepting invitations. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [failed, setFailed] = useState(false);
  const setMe = useCallback((next: Me) => {
    // Another account's kept data and queued votes go before this one's page shows anything.
    void offlineData.signedInAs(next.user?.id ?? null).catch(() => {});
    setMeState(rememberCsrf(next));
  }, []);
  // Sets state only once /me answers, never while the effect runs.
  const refresh = useCallback(
    () =>
      api.get<Me>('/me').then(
        (loaded) => {
          setMe(loaded);
          setFailed(false);
        },
        () => setFailed(true),
      ),
    [setMe],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <MeContext.Provider value={{ me, failed, setMe, refresh }}>{children}</MeContext.Provider>;
}

export function useMe(): MeState {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside MeProvider');
  return state;
}
