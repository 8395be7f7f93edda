import { useCallback, useEffect, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads something when its key changes; `reload` fetches it again (after a write, say). */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // `key` stands for everything `load` reads, so a new closure with the same key is not a new request.
  const stableLoad = useCallback(load, [key]);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    stableLoad().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [stableLoad, generation]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: () => setGeneration((g) => g + 1),
  };
}
