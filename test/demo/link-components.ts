/**
 * Test helper: connected components of accounts linked through shared devices (identical ids)
 * and addresses (folded by foldAddress), leaving out hub identifiers used by more than
 * `hubAbove` accounts — the minimal detector every planted ring must be visible to.
 */
import { foldAddress, type AddressCells } from "./fold-address.ts";

export interface LinkComponents {
  /** Representative of an account's component. */
  componentOf: (accountId: string) => number;
  sizeOf: (accountId: string) => number;
  /** Accounts per identifier (`A:<folded address>` or `D:<device id>`). */
  users: Map<string, Set<string>>;
}

type Row = Record<string, string>;

export function linkComponents(accounts: Row[], addresses: Row[], devices: Row[], hubAbove: number): LinkComponents {
  const index = new Map(accounts.map((row, i) => [row.account_id as string, i]));
  const parent = accounts.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const users = new Map<string, Set<string>>();
  const use = (key: string, accountId: string) => {
    const set = users.get(key) ?? new Set<string>();
    set.add(accountId);
    users.set(key, set);
  };
  for (const row of addresses) use(`A:${foldAddress(row as unknown as AddressCells)}`, row.account_id as string);
  for (const row of devices) use(`D:${row.device_id}`, row.account_id as string);
  for (const members of users.values()) {
    if (members.size > hubAbove) continue;
    const [first, ...rest] = [...members].map((id) => index.get(id) as number);
    for (const other of rest) parent[find(other)] = find(first as number);
  }
  const sizes = new Map<number, number>();
  for (let i = 0; i < accounts.length; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  const componentOf = (accountId: string) => find(index.get(accountId) as number);
  return { componentOf, sizeOf: (accountId) => sizes.get(componentOf(accountId)) ?? 0, users };
}
