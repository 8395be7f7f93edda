import type { Transaction } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import type { HttpError } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { stale, VersionConflict } from './outcomes.scope.ts';

/** A round's one document with a body edited under optimistic concurrency (conclusions, the rapporteur's report). */
export interface VersionedDocument<
  Row extends { id: string; version: number | string; body: string },
> {
  documentType: 'conclusions' | 'rapporteur_report';
  find(): Promise<Row | undefined>;
  /** Why the text may no longer change (frozen, approved), or null. */
  locked(row: Row): HttpError | null;
  /** Refuses a text that may not be saved (it quotes what may not be quoted), once the edit is current. */
  refuse(body: string): Promise<void>;
  insert(trx: Transaction<Database>, id: string, version: number, now: string): Promise<void>;
  /** False when the stored version is no longer `baseVersion`. */
  updateAtVersion(
    trx: Transaction<Database>,
    id: string,
    baseVersion: number,
    patch: { body: string; version: number; updated_at: string },
  ): Promise<boolean>;
}

/**
 * Drafts (baseVersion 0) or edits the document's body, keeping every version as a revision. A
 * stale base, or losing a race to another writer, is a VersionConflict carrying the current
 * text; a locked document is its own 409, and so is a text `refuse` refuses. Nothing is overwritten.
 */
export async function saveVersioned<
  Row extends { id: string; version: number | string; body: string },
>(
  deps: Deps,
  actor: Actor,
  doc: VersionedDocument<Row>,
  input: { baseVersion: number; body: string },
): Promise<void> {
  const existing = await doc.find();
  const lockedNow = existing && doc.locked(existing);
  if (lockedNow) throw lockedNow;
  const early = stale(
    input.baseVersion,
    existing
      ? { version: Number(existing.version), body: existing.body }
      : { version: 0, body: '' },
  );
  if (early) throw early;
  await doc.refuse(input.body);
  const now = deps.now().toISOString();
  const version = input.baseVersion + 1;
  const id = existing?.id ?? newId();
  const saved = await deps.db.kysely
    .transaction()
    .execute(async (trx) => {
      if (existing) {
        if (
          !(await doc.updateAtVersion(trx, id, input.baseVersion, {
            body: input.body,
            version,
            updated_at: now,
          }))
        )
          return false;
      } else {
        await doc.insert(trx, id, version, now);
      }
      await outcomesRepo.insertRevision(trx, {
        id: newId(),
        document_type: doc.documentType,
        document_id: id,
        version,
        title: '',
        body: input.body,
        edited_by: actor.user!.id,
        at: now,
      });
      return true;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return false; // Two first drafts at once: the other one won.
      throw error;
    });
  if (saved) return;
  const winner = (await doc.find())!;
  throw (
    doc.locked(winner) ??
    new VersionConflict({ version: Number(winner.version), body: winner.body })
  );
}
