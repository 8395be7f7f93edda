// The codebase's import boundaries, as lint rules (eslint.config.js applies them, and
// test/lint/boundaries.test.ts checks that an import across one fails lint):
// - src/domain (shared schemas) imports only itself and zod: no server, web, CLI or engine;
// - src/analysis (the engine) imports only itself: no I/O, no package, not even ../polis;
// - src/web never imports the server, the CLI or Node's modules (its build config aside);
// - the query builder is the repositories' (and db/'s): elsewhere `kysely` is imported for its
//   types only and no query is built (selectFrom, insertInto, sql`…`, …).
// Relative imports are resolved from the importing file, so `../../../server/x.ts` from
// src/web/pages/outcomes/ is caught as surely as `../server/x.ts`.
import { dirname, relative, resolve } from 'node:path';

const ROOT = dirname(new URL(import.meta.url).pathname);
const NODE_BUILTIN = /^node:/;

/** The root-relative path an import points to, or null for a package. */
function target(filename, source) {
  if (!source.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(filename), source));
}

const inside = (path, dir) => path === dir || path.startsWith(`${dir}/`);

const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Which folders and packages a folder may import (eslint.boundaries.js).' },
    schema: [
      {
        type: 'object',
        properties: {
          zone: { type: 'string' },
          folders: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          deniedPackages: { type: 'array', items: { type: 'string' } },
          nodeBuiltins: { type: 'boolean' },
        },
        required: ['zone', 'folders'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const {
      zone,
      folders,
      packages,
      deniedPackages = [],
      nodeBuiltins = false,
    } = context.options[0];
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const path = target(context.filename, source);
      if (path !== null) {
        if (!folders.some((dir) => inside(path, dir)))
          context.report({
            node,
            message: `${zone} may import only ${folders.join(', ')}: '${source}' is ${path}`,
          });
        return;
      }
      const name = source.startsWith('@')
        ? source.split('/').slice(0, 2).join('/')
        : source.split('/')[0];
      const refused = NODE_BUILTIN.test(source)
        ? !nodeBuiltins
        : packages
          ? !packages.includes(name)
          : deniedPackages.includes(name);
      if (refused) context.report({ node, message: `${zone} may not import '${source}'` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const boundariesPlugin = { rules: { imports: importBoundaries } };

/** Packages only the server runs: a browser bundle must never pull one in. */
const SERVER_PACKAGES = [
  'kysely',
  'fastify',
  '@fastify/cookie',
  '@fastify/formbody',
  '@fastify/rate-limit',
  '@fastify/static',
  'pg',
  'better-sqlite3',
  '@node-rs/argon2',
  'nodemailer',
  'playwright-core',
  'helmet',
  'sanitize-html',
];

/** Where queries may be built: the repositories, and db/ (connections, migrations, watchers). */
const QUERY_FILES = ['src/server/repositories/**/*.ts', 'src/server/db/**/*.ts'];
const QUERY_METHODS =
  'selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto';

export const boundaries = [
  {
    files: ['src/domain/**/*.ts'],
    plugins: { boundaries: boundariesPlugin },
    rules: {
      'boundaries/imports': [
        'error',
        { zone: 'src/domain', folders: ['src/domain'], packages: ['zod'] },
      ],
    },
  },
  {
    files: ['src/analysis/**/*.ts'],
    plugins: { boundaries: boundariesPlugin },
    rules: {
      'boundaries/imports': [
        'error',
        { zone: 'src/analysis', folders: ['src/analysis'], packages: [] },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/vite.config.ts', 'src/web/build/**'],
    plugins: { boundaries: boundariesPlugin },
    rules: {
      'boundaries/imports': [
        'error',
        { zone: 'src/web', folders: ['src/web', 'src/domain'], deniedPackages: SERVER_PACKAGES },
      ],
    },
  },
  {
    // The web app's build configuration runs in Node: it may use Node, never the server.
    files: ['src/web/vite.config.ts', 'src/web/build/**/*.ts'],
    plugins: { boundaries: boundariesPlugin },
    rules: {
      'boundaries/imports': [
        'error',
        { zone: 'src/web build', folders: ['src/web'], nodeBuiltins: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: QUERY_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              allowTypeImports: true,
              message: 'Queries are written in repositories (src/server/repositories).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${QUERY_METHODS})$/]`,
          message: 'Queries are written in repositories (src/server/repositories).',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'Queries are written in repositories (src/server/repositories).',
        },
      ],
    },
  },
];
