/**
 * Disjoint-set forest over the integers 0..n-1, kept in typed arrays so that a million
 * accounts cost a few megabytes and no objects. Pure; imports nothing.
 *
 * Reference: R. E. Tarjan, "Efficiency of a Good But Not Linear Set Union Algorithm",
 * JACM 22(2), 1975; Tarjan & van Leeuwen, "Worst-case analysis of set union algorithms",
 * JACM 31(2), 1984 (union by size + path halving: O(m·α(n)) for m operations).
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(readonly count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /**
   * The representative of x's set. Path halving: every visited node is pointed at its
   * grandparent, which flattens the tree without a second pass or recursion.
   */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const grandparent = parent[parent[x]];
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /**
   * Merges the sets of a and b (the smaller tree goes under the larger one).
   * Returns false when they were already in the same set.
   *
   * @example
   *   const uf = new UnionFind(3); uf.union(0, 2); uf.find(2) === uf.find(0); // true
   */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }

  /** Number of elements in x's set. */
  sizeOf(x: number): number {
    return this.size[this.find(x)];
  }
}

/**
 * Groups the elements of a union-find into sets of at least `minSize` members, as one flat
 * buffer plus offsets (`members.subarray(start[g], start[g + 1])` is group g). Groups come in
 * order of their smallest element; members ascend within a group.
 */
export function groupsOf(uf: UnionFind, minSize: number): { start: Int32Array; members: Int32Array } {
  const n = uf.count;
  const groupOfRoot = new Int32Array(n).fill(-1);
  const counts: number[] = [];
  const rootOf = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    const root = uf.find(x);
    rootOf[x] = root;
    if (groupOfRoot[root] === -1 && uf.sizeOf(root) >= minSize) {
      groupOfRoot[root] = counts.length;
      counts.push(uf.sizeOf(root));
    }
  }
  const start = new Int32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) start[g + 1] = start[g] + counts[g];
  const members = new Int32Array(start[counts.length]);
  const fill = start.slice(0, counts.length);
  for (let x = 0; x < n; x++) {
    const g = groupOfRoot[rootOf[x]];
    if (g >= 0) members[fill[g]++] = x;
  }
  return { start, members };
}
