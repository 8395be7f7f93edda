import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { PolisImportInput } from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { authoriseImport, importPolisSession } from './polis-import.service.ts';

/** The API's import: the uploaded files go to a private temporary folder for the Polis reader. */
export async function importPolisFiles(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof PolisImportInput>,
) {
  // Checked before anything is written: only organisers' uploads reach the disk.
  await authoriseImport(deps, actor, roundId);
  const folder = await mkdtemp(join(tmpdir(), 'parley-polis-import-'));
  try {
    for (const [name, text] of Object.entries(input.files))
      if (text !== undefined) await writeFile(join(folder, name), text);
    return await importPolisSession(deps, actor, roundId, folder, input);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
