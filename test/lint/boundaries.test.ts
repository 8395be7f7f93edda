import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of eslint.boundaries.js, checked by linting probe files with the
 * project's own configuration (eslint.config.js) at the paths where they would sit. Each probe
 * must fail lint with the rule named, and its allowed twin must pass, so a boundary cannot
 * quietly stop holding, nor a rule refuse everything.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const REFUSED: Array<[string, string, string, string]> = [
  // [what, probe file, its code, the rule that refuses it]
  [
    'the web app importing the server, three folders up',
    'src/web/pages/outcomes/probe.ts',
    "import { newId } from '../../../server/ids.ts';\nexport const x = newId;\n",
    'boundaries/imports',
  ],
  [
    'the web app importing the CLI',
    'src/web/probe.ts',
    "export { main } from '../cli/main.ts';\n",
    'boundaries/imports',
  ],
  [
    'the web app importing a Node module',
    'src/web/components/probe.tsx',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    'boundaries/imports',
  ],
  [
    'the web app importing the query builder',
    'src/web/api/probe.ts',
    "import { sql } from 'kysely';\nexport const x = sql;\n",
    'boundaries/imports',
  ],
  [
    'the domain importing the server',
    'src/domain/probe.ts',
    "import type { Deps } from '../server/deps.ts';\nexport type X = Deps;\n",
    'boundaries/imports',
  ],
  [
    'the domain importing the web app',
    'src/domain/probe.ts',
    "export * from '../web/i18n/labels.ts';\n",
    'boundaries/imports',
  ],
  [
    'the domain importing the engine',
    'src/domain/probe.ts',
    "import type { AnalysisResult } from '../analysis/types.ts';\nexport type X = AnalysisResult;\n",
    'boundaries/imports',
  ],
  [
    'the domain importing a package other than zod',
    'src/domain/probe.ts',
    "import Fastify from 'fastify';\nexport const x = Fastify;\n",
    'boundaries/imports',
  ],
  [
    'the engine importing the Polis reader (which does I/O)',
    'src/analysis/probe.ts',
    "import * as polis from '../polis/read.ts';\nexport const x = polis;\n",
    'boundaries/imports',
  ],
  [
    'the engine importing the domain',
    'src/analysis/probe.ts',
    "import { VOTE_VALUES } from '../domain/enums.ts';\nexport const x = VOTE_VALUES;\n",
    'boundaries/imports',
  ],
  [
    'the engine importing a Node module',
    'src/analysis/probe.ts',
    "const fs = await import('node:fs');\nexport const x = fs;\n",
    'boundaries/imports',
  ],
  [
    'a service importing the query builder',
    'src/server/services/probe.service.ts',
    "import { sql } from 'kysely';\nexport const x = sql;\n",
    '@typescript-eslint/no-restricted-imports',
  ],
  [
    'a service building a query',
    'src/server/services/probe.service.ts',
    "import type { Kysely } from 'kysely';\nexport const x = (db: Kysely<any>) => db.selectFrom('users').selectAll().execute();\n",
    'no-restricted-syntax',
  ],
  [
    'a route running SQL',
    'src/server/routes/probe.routes.ts',
    "import type { Kysely } from 'kysely';\ndeclare const sql: (s: TemplateStringsArray) => { execute(db: Kysely<any>): unknown };\nexport const x = (db: Kysely<any>) => sql`select 1`.execute(db);\n",
    'no-restricted-syntax',
  ],
  [
    'the series transfer writing past its repository',
    'src/server/transfer/probe.ts',
    "import type { Kysely } from 'kysely';\nexport const x = (db: Kysely<any>, t: string) => db.insertInto(t).values({}).execute();\n",
    'no-restricted-syntax',
  ],
  [
    'a hook called conditionally in the web app',
    'src/web/components/Probe.tsx',
    "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
    'react-hooks/rules-of-hooks',
  ],
];

const ALLOWED: Array<[string, string, string]> = [
  [
    'the web app importing the domain',
    'src/web/pages/outcomes/probe.ts',
    "import { VOTE_VALUES } from '../../../domain/enums.ts';\nexport const x = VOTE_VALUES;\n",
  ],
  [
    'the web build configuration importing Node',
    'src/web/build/probe.ts',
    "import { join } from 'node:path';\nexport const x = join;\n",
  ],
  [
    'the domain importing zod and itself',
    'src/domain/probe.ts',
    "import { z } from 'zod';\nimport { Id } from './common.ts';\nexport const X = z.object({ id: Id });\n",
  ],
  [
    'the engine importing itself',
    'src/analysis/probe.ts',
    "import type { AnalysisResult } from './types.ts';\nexport type X = AnalysisResult;\n",
  ],
  [
    'a repository building a query',
    'src/server/repositories/probe.repository.ts',
    "import { sql, type Kysely } from 'kysely';\nexport const x = (db: Kysely<any>) => [db.selectFrom('users').selectAll().execute(), sql`select 1`.execute(db)];\n",
  ],
  [
    'a service taking a connection by its type',
    'src/server/services/probe.service.ts',
    "import type { Kysely } from 'kysely';\nimport { usersRepo } from '../repositories/users.repository.ts';\nexport const x = (db: Kysely<any>) => usersRepo.find(db, 'id');\n",
  ],
];

describe('lint boundaries (eslint.boundaries.js)', () => {
  it.each(REFUSED)('refuses %s', async (_what, path, code, rule) => {
    expect((await problems(path, code)).join('\n')).toContain(`${rule}:`);
  });

  it.each(ALLOWED)('allows %s', async (_what, path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});
