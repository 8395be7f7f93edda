import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows a session's server-sent events. The browser's EventSource reconnects by itself and
 * sends Last-Event-ID, so the server replays whatever was missed. `onEvent` gets each event's
 * type and parsed data; the latest callback is used without reconnecting.
 */
export function useSessionEvents(
  sessionId: string,
  types: readonly string[],
  onEvent: (type: string, data: unknown) => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typeKey = types.join(',');

  useEffect(() => {
    const source = new EventSource(`/api/v1/sessions/${encodeURIComponent(sessionId)}/events`);
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    const listeners = typeKey.split(',').map((type) => {
      const listener = (event: MessageEvent<string>) => {
        try {
          handler.current(type, JSON.parse(event.data));
        } catch {
          // a malformed event is skipped; the next one carries the current state anyway
        }
      };
      source.addEventListener(type, listener);
      return listener;
    });
    return () => {
      listeners.forEach((l, i) => source.removeEventListener(typeKey.split(',')[i], l));
      source.close();
    };
  }, [sessionId, typeKey]);
  return state;
}
