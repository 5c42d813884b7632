/**
 * The import's bookkeeping for typo'd addresses (domain/normalise/street-slips.ts): a first
 * pass over addresses.csv counts each normalised key per bucket (house number, flat, city,
 * postal code, region, country), then decides once, for the whole file, which keys load as
 * which. Memory: one entry per distinct bucket (keyed by a 30-bit hash of it, a small integer
 * in V8, so no boxed number per entry) holding its one key and count; only buckets with two or
 * more keys (rare) keep them all with their counts. Buckets whose hashes collide are told apart
 * again by their text when the plan is made, so a collision never merges two houses.
 */
import { hash53 } from "../domain/hash.ts";
import { type AddressMerge, canonicalKeys, splitAddressKey } from "../domain/normalise/street-slips.ts";

const BUCKET_SPACE = 2 ** 30;

export class AddressSlips {
  private readonly sole = new Map<number, string>();
  private readonly soleCount = new Map<number, number>();
  /** Buckets holding two or more keys: each key with its count. */
  private readonly crowded = new Map<number, Map<string, number>>();

  /** Counts one row's normalised address key. */
  add(key: string): void {
    const parts = splitAddressKey(key);
    if (parts === null) return;
    const h = hash53(parts.bucket) % BUCKET_SPACE;
    const crowded = this.crowded.get(h);
    if (crowded) {
      crowded.set(key, (crowded.get(key) ?? 0) + 1);
      return;
    }
    const sole = this.sole.get(h);
    if (sole === undefined) {
      this.sole.set(h, key);
      this.soleCount.set(h, 1);
    } else if (sole === key) {
      this.soleCount.set(h, this.soleCount.get(h)! + 1);
    } else {
      const keys = new Map([
        [sole, this.soleCount.get(h)!],
        [key, 1],
      ]);
      this.crowded.set(h, keys);
      this.sole.delete(h);
      this.soleCount.delete(h);
    }
  }

  /**
   * Key → the key it loads as, for every merged spelling, and the merges for the report (in key order).
   * @example const { into, merges } = slips.plan(); into.get("12 bakre st|…") // "12 baker st|…"
   */
  plan(): { into: Map<string, string>; merges: AddressMerge[] } {
    const into = new Map<string, string>();
    const merges: AddressMerge[] = [];
    for (const shared of this.crowded.values()) {
      for (const keys of byBucket(shared).values()) {
        for (const [from, to] of canonicalKeys(keys)) {
          into.set(from, to);
          merges.push({ from, to, rows: keys.get(from)! });
        }
      }
    }
    merges.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
    return { into, merges };
  }
}

/** The keys of one hash slot grouped by their real bucket (a hash collision gives several). */
function byBucket(keys: Map<string, number>): Map<string, Map<string, number>> {
  const buckets = new Map<string, Map<string, number>>();
  for (const [key, count] of keys) {
    const bucket = splitAddressKey(key)!.bucket;
    const group = buckets.get(bucket);
    if (group) group.set(key, count);
    else buckets.set(bucket, new Map([[key, count]]));
  }
  return buckets;
}
