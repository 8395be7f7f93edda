/**
 * Stable group ids. A cold run numbers groups 0..k-1 by size (largest first, ties by position).
 * A warm run gives each new group the id of the previous group it shares the most members with,
 * maximising the total overlap over all one-to-one matchings (k <= 5, so exhaustive search is
 * cheap); groups matching nothing get ids above every previous id. Labels therefore never swap.
 */
export function assignGroupIds(
  members: readonly (readonly string[])[],
  centres: readonly (readonly [number, number])[],
  previous?: readonly { id: number; members: readonly string[] }[],
): number[] {
  const k = members.length;
  if (!previous || previous.length === 0) return coldIds(members, centres);
  const previousOf = new Map<string, number>();
  previous.forEach((group, index) => group.members.forEach((id) => previousOf.set(id, index)));
  const overlap = members.map((group) => {
    const row = new Array<number>(previous.length).fill(0);
    for (const id of group) {
      const p = previousOf.get(id);
      if (p !== undefined) row[p]++;
    }
    return row;
  });
  const match = bestMatching(overlap, previous.length);
  let next = Math.max(...previous.map((g) => g.id)) + 1;
  const ids = new Array<number>(k);
  const order = coldOrder(members, centres);
  for (const g of order) ids[g] = match[g] >= 0 ? previous[match[g]].id : next++;
  return ids;
}

function coldOrder(
  members: readonly (readonly string[])[],
  centres: readonly (readonly [number, number])[],
): number[] {
  return members
    .map((_, g) => g)
    .sort(
      (a, b) =>
        members[b].length - members[a].length ||
        centres[a][0] - centres[b][0] ||
        centres[a][1] - centres[b][1] ||
        a - b,
    );
}

function coldIds(
  members: readonly (readonly string[])[],
  centres: readonly (readonly [number, number])[],
): number[] {
  const ids = new Array<number>(members.length);
  coldOrder(members, centres).forEach((g, rank) => (ids[g] = rank));
  return ids;
}

/** For each new group, the previous group it is matched to (-1 for none), maximising total overlap; only positive overlaps match. */
function bestMatching(overlap: readonly number[][], previousCount: number): number[] {
  const k = overlap.length;
  let best = new Array<number>(k).fill(-1);
  let bestScore = -1;
  const current = new Array<number>(k).fill(-1);
  const used = new Array<boolean>(previousCount).fill(false);
  const search = (g: number, score: number) => {
    if (g === k) {
      if (score > bestScore) {
        bestScore = score;
        best = [...current];
      }
      return;
    }
    current[g] = -1;
    search(g + 1, score);
    for (let p = 0; p < previousCount; p++) {
      if (used[p] || overlap[g][p] === 0) continue;
      used[p] = true;
      current[g] = p;
      search(g + 1, score + overlap[g][p]);
      used[p] = false;
      current[g] = -1;
    }
  };
  search(0, 0);
  return best;
}
