import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, analyze } from '../../src/analysis/index.ts';
import { readPolisExport } from '../../src/polis/read.ts';

/** shared/ sits beside the repository (../shared from /work/main, and likewise in CI). */
const repoRoot = resolve(import.meta.dirname, '../..');
const openData = join(resolve(repoRoot, '../shared'), 'data/polis-opendata');

/**
 * The adjusted Rand index we honestly reach against Polis's own group-id, per conversation
 * (measured, minus a small margin). docs/analysis-validation.md explains every value under 0.8.
 */
const ARI_FLOORS: Record<string, number> = {
  '15-per-hour-seattle': 0.35,
  'american-assembly.bowling-green': 0.42,
  'austria-climate.2vkxcncppn.2022-07-07': 0.9,
  'austria-climate.5twd2jsnkf.2022-08-08': 0.95,
  'bg2050-volunteers': 0.16,
  'brexit-consensus': 0.52,
  'football-concussions': 0.08,
  'london.youth.policing': 0.14,
  'scoop-hivemind.affordable-housing': 0.04,
  'scoop-hivemind.freshwater': 0.1,
  'scoop-hivemind.taxes': 0.89,
  'scoop-hivemind.ubi': 0.06,
};

const withVotes = existsSync(openData)
  ? readdirSync(openData, { withFileTypes: true })
      .filter((d) => d.isDirectory() && ['votes.csv', 'participants-votes.csv'].some((f) => existsSync(join(openData, d.name, f))))
      .map((d) => d.name)
      .sort()
  : [];

describe.skipIf(withVotes.length === 0)('real Polis conversations', () => {
  it('covers every conversation that has votes', () => {
    expect(withVotes.sort()).toEqual(Object.keys(ARI_FLOORS).sort());
  });

  for (const name of withVotes) {
    it(`${name}: agrees with Polis's groups at least at its floor, and warm equals cold`, async () => {
      const data = await readPolisExport(join(openData, name));
      const result = analyze(data.table);
      const ours: number[] = [];
      const theirs: string[] = [];
      result.participants.ids.forEach((id, i) => {
        const polis = data.polisGroups.get(id);
        if (polis !== undefined && result.participants.group[i] >= 0) {
          ours.push(result.participants.group[i]);
          theirs.push(polis);
        }
      });
      expect(ours.length).toBeGreaterThan(10);
      expect(adjustedRandIndex(ours, theirs)).toBeGreaterThanOrEqual(ARI_FLOORS[name]);
      const warm = analyze(data.table, { previous: result });
      expect(warm.participants.group).toEqual(result.participants.group);
    });
  }
});
