import {
  DeleteQueryNode,
  InsertQueryNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type UnknownRow,
} from 'kysely';

/** Tables whose rows decide who an actor is and what they may do. */
const GRANT_TABLES = new Set([
  'users',
  'auth_sessions',
  'series_members',
  'participations',
  'rounds',
  'series',
]);

function tablesOf(node: OperationNode | undefined): string[] {
  if (!node) return [];
  if (TableNode.is(node)) return [node.table.identifier.name];
  if (node.kind === 'AliasNode') return tablesOf((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'FromNode')
    return (node as unknown as { froms: OperationNode[] }).froms.flatMap(tablesOf);
  return [];
}

function writtenTables(node: OperationNode): string[] {
  if (InsertQueryNode.is(node)) return tablesOf(node.into);
  if (UpdateQueryNode.is(node)) return tablesOf(node.table);
  if (DeleteQueryNode.is(node)) return tablesOf(node.from);
  return [];
}

/**
 * What other processes changed: a number that moves after another process writes a grant
 * table, and whether it can be relied on right now (a lost LISTEN connection cannot).
 */
export interface RemoteGrantChanges {
  version(): number;
  reliable(): boolean;
}

/**
 * Counts writes to the grant tables, so a cache of actors (see auth/actor-cache.ts) can drop
 * what a write may have changed: a new role, a revoked one, a logout. Bumped after the write ran.
 * Writes by other processes move it too once a source of remote changes is attached (SQLite's
 * data_version, PostgreSQL's NOTIFY from triggers: see connect.ts and grants-listener.ts).
 */
export class GrantsWatcher implements KyselyPlugin {
  private count = 0;
  private remote: RemoteGrantChanges | null = null;
  private lastRemoteVersion = 0;
  private remoteCheckedThisTurn = false;
  private readonly pending = new WeakSet<object>();
  private readonly listeners = new Set<(remote: boolean) => void>();

  get generation(): number {
    if (this.remote && !this.remoteCheckedThisTurn) {
      // Asked once per turn of the event loop: SQLite's data_version costs ~10 us, and a burst of
      // requests handled in one turn cannot tell a write made meanwhile from one made just after.
      this.remoteCheckedThisTurn = true;
      setImmediate(() => (this.remoteCheckedThisTurn = false));
      const version = this.remote.version();
      if (version !== this.lastRemoteVersion) {
        this.lastRemoteVersion = version;
        this.count++;
      }
    }
    return this.count;
  }

  /** True when every write by another process moves the generation (caches may then keep entries long). */
  get seesOtherProcesses(): boolean {
    return this.remote?.reliable() ?? false;
  }

  /**
   * Calls the listener after each grant write of this process has run, and when a source of
   * remote changes reports one (notifyRemoteChange). SQLite's data_version cannot call: whoever
   * needs other processes' writes there reads `generation` now and then. `remote` is false for
   * this process's own writes, which may still be inside an uncommitted transaction. Returns the
   * unsubscribe.
   */
  onChange(listener: (remote: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told by a push source (PostgreSQL's NOTIFY) that another process may have written a grant. */
  notifyRemoteChange() {
    this.changed(true);
  }

  private changed(remote: boolean) {
    for (const listener of [...this.listeners]) {
      try {
        listener(remote);
      } catch (error) {
        // A listener's failure must not fail the write that told it.
        process.emitWarning(`a grants listener threw: ${(error as Error).message}`);
      }
    }
  }

  attachRemote(remote: RemoteGrantChanges | null) {
    this.remote = remote;
    this.count++;
    if (remote) this.lastRemoteVersion = remote.version();
  }

  transformQuery(args: PluginTransformQueryArgs) {
    if (writtenTables(args.node).some((t) => GRANT_TABLES.has(t))) {
      this.pending.add(args.queryId);
      this.count++;
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.pending.has(args.queryId)) {
      this.count++;
      this.changed(false);
    }
    return args.result;
  }
}
