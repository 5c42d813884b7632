/**
 * Stages an addresses.csv record: the account's SHIPS_TO edge to the normalised address, and
 * the Address itself the first time its key is seen in the import; a typo'd street (planned in
 * memory.addressInto) links to the address it is a slip of, which it stages until that
 * address's own spelling is read.
 */
import { toAddress } from "../to-entities.ts";
import type { Stager } from "./stager.ts";

export const stageAddress: Stager = (values, rows, memory) => {
  const { address, shipsTo } = toAddress(values);
  // A typo'd spelling links to the address it slipped from and never names it (the file holds that spelling too).
  const into = memory.addressInto.get(address.id);
  if (into !== undefined) {
    shipsTo.addressId = into;
    // The spelling it loads as may come later in the file, after this batch is written: the
    // Address is staged now under that key, and its own row names it when read (a later batch
    // merges over this one; the same batch replaces it). Without it the link has no end.
    if (!memory.addresses.has(into) && !memory.slipNamed.has(into)) {
      memory.slipNamed.add(into);
      rows.Address.set(into, { ...address, id: into });
    }
  }
  // The first spelling seen names the address; later variants only link to it.
  else if (!memory.addresses.has(address.id)) {
    memory.addresses.add(address.id);
    rows.Address.set(address.id, address);
  }
  const key = `${shipsTo.accountId}\u0000${shipsTo.addressId}\u0000${shipsTo.type}`;
  rows.SHIPS_TO.set(key, shipsTo);
  return { key, content: 0, placeholder: false };
};
