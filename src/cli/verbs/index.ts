import type { Verb } from '../verb.ts';
import { analyzeVerb } from './analyze.ts';
import { serveVerb } from './serve.ts';
import { dbMigrateVerb } from './db-migrate.ts';
import { demoVerb } from './demo.ts';
import { exportVerb } from './export.ts';
import { importVerb } from './import.ts';
import { backupVerb } from './backup.ts';
import { userCreateVerb } from './user-create.ts';
import { inviteVerb } from './invite.ts';
import { polisImportVerb } from './polis-import.ts';

/** Every verb of the `parley` command, in the order `--help` lists them. */
export const verbs: Verb[] = [
  analyzeVerb,
  serveVerb,
  dbMigrateVerb,
  demoVerb,
  exportVerb,
  importVerb,
  polisImportVerb,
  backupVerb,
  userCreateVerb,
  inviteVerb,
];
