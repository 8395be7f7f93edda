import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
}

export interface BundleSizeOptions {
  /** Limits in bytes of compressed JavaScript, by entry source path relative to the web root. */
  budgets: Record<string, number>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every chunk a chunk needs before it can run: itself and its static imports, transitively. */
function closure(
  name: string,
  chunks: Map<string, ChunkInfo>,
  into = new Set<string>(),
): Set<string> {
  if (into.has(name) || !chunks.has(name)) return into;
  into.add(name);
  for (const dep of chunks.get(name)!.imports) closure(dep, chunks, into);
  return into;
}

/**
 * Prints, for the app's entry and for each lazily loaded page, how much compressed JavaScript
 * a browser downloads to show it (a lazy page also needs the entry), and fails the build when a
 * budget is exceeded.
 */
export function bundleSizePlugin(options: BundleSizeOptions): Plugin {
  let root = '';
  return {
    name: 'parley-bundle-size',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_output, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type === 'chunk') chunks.set(fileName, item);
      }
      const gzip = new Map(
        [...chunks].map(([name, c]) => [name, gzipSync(c.code, { level: 9 }).length]),
      );
      const entry = [...chunks].find(([, c]) => c.isEntry)?.[0];
      const entryClosure = entry ? closure(entry, chunks) : new Set<string>();
      const rows: Array<{ source: string; bytes: number }> = [];
      for (const [name, chunk] of chunks) {
        if (!chunk.isEntry && !chunk.isDynamicEntry) continue;
        const files = closure(name, chunks, chunk.isEntry ? new Set() : new Set(entryClosure));
        const bytes = [...files].reduce((sum, f) => sum + (gzip.get(f) ?? 0), 0);
        rows.push({
          source: chunk.facadeModuleId ? relative(root, chunk.facadeModuleId) : name,
          bytes,
        });
      }
      rows.sort((a, b) => a.source.localeCompare(b.source));
      console.log('\nCompressed JavaScript (gzip -9) a browser loads to show each entry:');
      for (const row of rows) console.log(`  ${kb(row.bytes).padStart(9)}  ${row.source}`);
      for (const [source, limit] of Object.entries(options.budgets)) {
        const row = rows.find((r) => r.source === source);
        if (!row) this.error(`bundle budget: no entry ${source}`);
        else if (row.bytes > limit)
          this.error(
            `bundle budget: ${source} loads ${kb(row.bytes)}, over its ${kb(limit)} budget`,
          );
        else console.log(`  budget ok: ${source} ${kb(row.bytes)} of ${kb(limit)}`);
      }
    },
  };
}
