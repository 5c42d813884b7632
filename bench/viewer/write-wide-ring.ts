/**
 * A synthetic import folder whose accounts form one connected neighbourhood of a given size,
 * for timing the viewer on a large graph: accounts, devices and addresses (3 : 5 : 2 of the
 * nodes), USES and SHIPS_TO (3 : 1 of the edges), every node linked, pairs drawn with a
 * seeded generator. No refunds, employees, e-mails, phones, payments or IPs (each would become
 * a node of its own), so the viewer shows exactly these nodes.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { mulberry32 } from "../../server/domain/rings/seeded-rng.ts";

export interface WideRingPlan {
  nodes: number;
  edges: number;
  seed: number;
}

export interface WideRing {
  folder: string;
  accounts: number;
  devices: number;
  addresses: number;
  uses: number;
  shipsTo: number;
}

/** @example writeWideRing("/tmp/wide", { nodes: 5000, edges: 20000, seed: 1 }) // 1500 accounts, 15000 USES */
export function writeWideRing(folder: string, plan: WideRingPlan): WideRing {
  const accounts = Math.max(2, Math.round(plan.nodes * 0.3));
  const devices = Math.max(1, Math.round(plan.nodes * 0.5));
  const addresses = Math.max(1, plan.nodes - accounts - devices);
  const uses = Math.min(Math.round(plan.edges * 0.75), accounts * devices);
  const shipsTo = Math.min(plan.edges - uses, accounts * addresses);
  const random = mulberry32(plan.seed);
  const usesPairs = drawPairs(accounts, devices, uses, random);
  const shipsPairs = drawPairs(accounts, addresses, shipsTo, random);

  fs.mkdirSync(folder, { recursive: true });
  const accountId = (a: number) => `W${String(a + 1).padStart(7, "0")}`;
  write(
    folder,
    "accounts.csv",
    ["account_id", "created_at", "country", "name", "status"],
    range(accounts).map((a) => [accountId(a), "2024-01-15", "US", `Wide Account ${a + 1}`, "active"]),
  );
  write(
    folder,
    "devices.csv",
    ["account_id", "device_id", "user_agent", "first_seen", "last_seen"],
    usesPairs.map(([a, d]) => [accountId(a), `wd-${d + 1}`, "BenchAgent/1.0", "2024-01-15", "2024-06-01"]),
  );
  write(
    folder,
    "addresses.csv",
    ["account_id", "line1", "city", "postal_code", "country", "type"],
    shipsPairs.map(([a, r]) => [accountId(a), `${r + 1} Bench Street`, "Springfield", "62701", "US", "shipping"]),
  );
  return { folder, accounts, devices, addresses, uses: usesPairs.length, shipsTo: shipsPairs.length };
}

/** `count` distinct (left, right) pairs covering every right node, then every left node. */
function drawPairs(left: number, right: number, count: number, random: () => number): [number, number][] {
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (l: number, r: number) => {
    const key = l * right + r;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([l, r]);
  };
  for (let r = 0; r < right && pairs.length < count; r++) add(r % left, r);
  for (let l = right; l < left && pairs.length < count; l++) add(l, Math.floor(random() * right));
  while (pairs.length < count) add(Math.floor(random() * left), Math.floor(random() * right));
  return pairs;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function write(folder: string, file: string, header: string[], rows: (string | number)[][]): void {
  fs.writeFileSync(path.join(folder, file), stringify([header, ...rows]));
}
