import { useEffect, useEffectEvent, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** A refused stream (429 with too many tabs open, 503) is tried again after this long, as Retry-After says. */
const REOPEN_MS = 30_000;

/**
 * Follows a session's server-sent events. The browser's EventSource reconnects by itself when a
 * stream ends (the server ends each one after its lifetime) and sends Last-Event-ID, so the server
 * replays whatever was missed. It gives up on a refusal, though: then a new one is opened later,
 * from the last event seen. `onEvent` gets each event's type and parsed data; the latest callback
 * is used without reconnecting.
 */
export function useSessionEvents(
  sessionId: string,
  types: readonly string[],
  onEvent: (type: string, data: unknown) => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handle = useEffectEvent(onEvent);
  const typeKey = types.join(',');

  useEffect(() => {
    const base = `/api/v1/sessions/${encodeURIComponent(sessionId)}/events`;
    let source: EventSource | null = null;
    let lastId = '';
    let reopen: number | undefined;
    const listener = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId = event.lastEventId;
      try {
        handle(event.type, JSON.parse(event.data));
      } catch {
        // a malformed event is skipped; the next one carries the current state anyway
      }
    };
    const open = () => {
      const current = new EventSource(
        lastId ? `${base}?after=${encodeURIComponent(lastId)}` : base,
      );
      source = current;
      current.onopen = () => setState('live');
      current.onerror = () => {
        setState('reconnecting');
        if (current.readyState === EventSource.CLOSED) reopen = window.setTimeout(open, REOPEN_MS);
      };
      for (const type of typeKey.split(',')) current.addEventListener(type, listener);
    };
    open();
    return () => {
      window.clearTimeout(reopen);
      source?.close();
    };
  }, [sessionId, typeKey]);
  return state;
}
