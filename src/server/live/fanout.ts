import type { Db } from '../db/connect.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import type { LiveEvent, LiveListener } from './hub.ts';

interface Subscriber {
  listener: LiveListener;
  /** While the stored events are being replayed, live ones wait here. */
  buffer: LiveEvent[] | null;
  closed: boolean;
  /** Events at or below this seq were delivered before the subscriber (re)connected. */
  floor: number;
  /**
   * Seqs this subscriber has had: one event can reach it by replay and again by a late NOTIFY
   * (the channel, and its `recent` set, is dropped while a client reconnects).
   */
  seen: Set<number>;
}

interface SessionChannel {
  subscribers: Set<Subscriber>;
  /** Seqs recently delivered: an event heard both locally and through NOTIFY is pushed once. */
  recent: Set<number>;
  lastSeq: number;
}

const RECENT_SEQS_KEPT = 512;

export const toLiveEvent = (row: {
  seq: number;
  session_id: string;
  type: string;
  payload: string;
  at: string;
}): LiveEvent => ({
  seq: Number(row.seq),
  sessionId: row.session_id,
  type: row.type,
  payload: row.payload,
  at: row.at,
});

/** The subscribers of this process, by session. */
export class LocalFanout {
  private readonly sessions = new Map<string, SessionChannel>();

  constructor(
    private readonly db: Db,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  hasSubscribers(sessionId: string): boolean {
    return (this.sessions.get(sessionId)?.subscribers.size ?? 0) > 0;
  }

  hasDelivered(sessionId: string, seq: number): boolean {
    return this.sessions.get(sessionId)?.recent.has(seq) ?? false;
  }

  /** Sessions with subscribers and the newest seq delivered to them (for catching up after a lost LISTEN connection). */
  watched(): { sessionId: string; lastSeq: number }[] {
    return [...this.sessions]
      .filter(([, c]) => c.subscribers.size > 0)
      .map(([sessionId, c]) => ({ sessionId, lastSeq: c.lastSeq }));
  }

  deliver(event: LiveEvent): void {
    const channel = this.sessions.get(event.sessionId);
    if (!channel || channel.recent.has(event.seq)) return;
    channel.recent.add(event.seq);
    if (channel.recent.size > RECENT_SEQS_KEPT)
      channel.recent.delete(channel.recent.values().next().value as number);
    channel.lastSeq = Math.max(channel.lastSeq, event.seq);
    for (const subscriber of channel.subscribers) {
      if (subscriber.buffer) subscriber.buffer.push(event);
      else this.call(subscriber, event);
    }
  }

  subscribe(sessionId: string, afterSeq: number | null, listener: LiveListener): () => void {
    let channel = this.sessions.get(sessionId);
    if (!channel) {
      channel = { subscribers: new Set(), recent: new Set(), lastSeq: 0 };
      this.sessions.set(sessionId, channel);
    }
    const subscriber: Subscriber = {
      listener,
      buffer: afterSeq === null ? null : [],
      closed: false,
      floor: afterSeq ?? 0,
      seen: new Set(),
    };
    channel.subscribers.add(subscriber);
    if (afterSeq !== null) void this.replay(sessionId, afterSeq, subscriber);
    const owner = channel;
    return () => {
      subscriber.closed = true;
      owner.subscribers.delete(subscriber);
      if (owner.subscribers.size === 0 && this.sessions.get(sessionId) === owner)
        this.sessions.delete(sessionId);
    };
  }

  closeAll(): void {
    for (const channel of this.sessions.values())
      for (const s of channel.subscribers) s.closed = true;
    this.sessions.clear();
  }

  private async replay(sessionId: string, afterSeq: number, subscriber: Subscriber) {
    let last = afterSeq;
    try {
      const rows = await liveEvents.listAfter(this.db.kysely, sessionId, afterSeq);
      for (const row of rows) {
        if (subscriber.closed) return;
        const event = toLiveEvent(row);
        this.call(subscriber, event);
        last = event.seq;
      }
    } catch (error) {
      this.log(`replay of session ${sessionId} failed`, error);
    }
    const waiting = subscriber.buffer ?? [];
    subscriber.buffer = null;
    for (const event of waiting) if (event.seq > last) this.call(subscriber, event);
  }

  private call(subscriber: Subscriber, event: LiveEvent) {
    if (subscriber.closed || event.seq <= subscriber.floor || subscriber.seen.has(event.seq))
      return;
    subscriber.seen.add(event.seq);
    if (subscriber.seen.size > RECENT_SEQS_KEPT)
      subscriber.seen.delete(subscriber.seen.values().next().value as number);
    try {
      subscriber.listener(event);
    } catch (error) {
      this.log('a live listener threw', error);
    }
  }
}
