import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';

interface ChunkInfo {
  type: 'chunk';
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** The entry chunk and every chunk it imports statically: what the first screen runs. */
function shellFiles(bundle: Record<string, { type: string }>): string[] {
  const chunks = new Map(
    Object.entries(bundle).filter(([, item]) => item.type === 'chunk') as Array<
      [string, ChunkInfo]
    >,
  );
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || files.has(name)) return;
    files.add(name);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    chunk.imports.forEach(visit);
  };
  for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
  return [...files].sort();
}

/**
 * Builds the service worker (src/web/sw/service-worker.ts) into the output's root as sw.js,
 * with the shell to cache (index.html, the entry's chunks and CSS) and a version compiled in.
 * The version is a hash of the shell's hashed file names (and PARLEY_BUILD_ID when set, to tell
 * apart builds of the same sources), so any change to what the participant loads makes a new
 * sw.js, which browsers pick up at their next visit. index.html carries the same version in
 * <meta name="parley-build">.
 */
export function serviceWorkerPlugin(options: { entry: string }): Plugin {
  let outDir = '';
  let base = '/';
  let shell: string[] = [];
  let version = '';
  return {
    name: 'parley-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
      base = config.base;
    },
    generateBundle(_output, bundle) {
      const files = shellFiles(bundle);
      shell = [base, ...files.map((f) => `${base}${f}`)];
      version = createHash('sha256')
        .update(JSON.stringify(shell))
        .update(process.env.PARLEY_BUILD_ID ?? '')
        .digest('hex')
        .slice(0, 16);
      const html = bundle['index.html'];
      if (html?.type === 'asset')
        html.source = String(html.source).replace(
          '<meta charset="utf-8" />',
          `<meta charset="utf-8" />\n    <meta name="parley-build" content="${version}" />`,
        );
    },
    async writeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        define: {
          PARLEY_SHELL: JSON.stringify(shell),
          PARLEY_VERSION: JSON.stringify(version),
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          lib: {
            entry: options.entry,
            formats: ['iife'],
            name: 'parleyServiceWorker',
            fileName: () => 'sw.js',
          },
        },
      });
    },
  };
}
