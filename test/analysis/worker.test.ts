import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { startAnalysisWorker } from '../../src/analysis-worker/client.ts';
import { fromGrid, twoCamps } from './helpers.ts';

describe('analysis worker', () => {
  it('runs the engine in a worker thread (TypeScript loaded through the bootstrap) with the same result', async () => {
    const worker = startAnalysisWorker();
    try {
      const input = fromGrid(twoCamps(10, 8));
      expect(await worker.analyze(input)).toEqual(analyze(input));
      await expect(
        worker.analyze({ statements: [], votes: [{ participant: 'a', statement: 's', value: 5 }] }),
      ).rejects.toThrow(/not -1, 0 or 1/);
    } finally {
      await worker.close();
    }
  });
});
