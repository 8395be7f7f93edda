import { useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads something when its key changes; `reload` fetches it again (after a write, say). */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [generation, setGeneration] = useState(0);
  // `key` stands for everything `load` reads, so a new closure with the same key is not a new request.
  const request = `${generation}:${key}`;
  const [answer, setAnswer] = useState<{ request?: string; data?: T; error?: unknown }>({});
  const loadLatest = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    loadLatest().then(
      (data) => live && setAnswer({ request, data }),
      (error: unknown) => live && setAnswer({ request, error }),
    );
    return () => {
      live = false;
    };
  }, [request]);
  return {
    // While a new request runs, the last answer stays on screen.
    data: answer.data,
    error: answer.error,
    loading: answer.request !== request,
    reload: () => setGeneration((g) => g + 1),
  };
}
