/**
 * The baseline for ringlens' components phase: the textbook disjoint-set forest over
 * account–identifier pairs already in memory as two Int32Arrays, with nothing around it
 * (no index, no classes): union by size with path halving, then one find per account and a
 * count of the groups with at least `minSize` accounts. Pure.
 *
 * Reference: Tarjan & van Leeuwen, "Worst-case analysis of set union algorithms", JACM 31(2),
 * 1984.
 */

/**
 * Accounts are 0..accounts-1, identifiers accounts..accounts+identifiers-1.
 *
 * @example bareUnionFind(2, 1, Int32Array.of(0, 1), Int32Array.of(0, 0), 2) // 1 group
 */
export function bareUnionFind(
  accounts: number,
  identifiers: number,
  linkAccount: Int32Array,
  linkIdentifier: Int32Array,
  minSize: number,
): number {
  const n = accounts + identifiers;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let l = 0; l < linkAccount.length; l++) {
    const a = find(linkAccount[l]);
    const b = find(accounts + linkIdentifier[l]);
    if (a === b) continue;
    const big = size[a] < size[b] ? b : a;
    const small = big === a ? b : a;
    parent[small] = big;
    size[big] += size[small];
  }
  // Group sizes counted in accounts only: identifiers are not members.
  const members = new Int32Array(n);
  for (let x = 0; x < accounts; x++) members[find(x)]++;
  let groups = 0;
  for (let r = 0; r < n; r++) if (members[r] >= minSize) groups++;
  return groups;
}
