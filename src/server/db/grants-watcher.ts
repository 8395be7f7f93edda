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
const GRANT_TABLES = new Set(['users', 'auth_sessions', 'series_members', 'participations', 'rounds', 'series']);

function tablesOf(node: OperationNode | undefined): string[] {
  if (!node) return [];
  if (TableNode.is(node)) return [node.table.identifier.name];
  if (node.kind === 'AliasNode') return tablesOf((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'FromNode') return (node as unknown as { froms: OperationNode[] }).froms.flatMap(tablesOf);
  return [];
}

function writtenTables(node: OperationNode): string[] {
  if (InsertQueryNode.is(node)) return tablesOf(node.into);
  if (UpdateQueryNode.is(node)) return tablesOf(node.table);
  if (DeleteQueryNode.is(node)) return tablesOf(node.from);
  return [];
}

/**
 * Counts writes to the grant tables, so a cache of actors (see auth/actor-cache.ts) can drop
 * what a write may have changed: a new role, a revoked one, a logout. Bumped after the write ran.
 */
export class GrantsWatcher implements KyselyPlugin {
  generation = 0;
  private readonly pending = new WeakSet<object>();

  transformQuery(args: PluginTransformQueryArgs) {
    if (writtenTables(args.node).some((t) => GRANT_TABLES.has(t))) {
      this.pending.add(args.queryId);
      this.generation++;
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.pending.has(args.queryId)) this.generation++;
    return args.result;
  }
}
