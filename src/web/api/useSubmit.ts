import { useState } from 'react';
import { ApiError } from './client.ts';

/** The state of one form's submission: busy, the last error, and its field errors by name. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const fields: Record<string, string> = error instanceof ApiError ? error.fieldErrors : {};
  return { busy, error, fields, run, clear: () => setError(null) };
}
