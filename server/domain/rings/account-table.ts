/**
 * Per-account facts in arrays aligned with the link index (creation time, country) and each
 * account's refunds as a compressed list, so ring measurements read them by account index.
 * Pure; imports only domain types.
 */
import type { AnalysisInput, RefundFact } from "../analysis-types.ts";
import type { LinkIndex } from "./link-index.ts";

export interface AccountTable {
  /** Epoch ms; NaN when unknown or the account has no facts. */
  createdAt: Float64Array;
  country: (string | null)[];
  refunds: readonly RefundFact[];
  /** refundOrder.subarray(refundStart[a], refundStart[a + 1]): positions in `refunds` of account a's refunds. */
  refundStart: Int32Array;
  refundOrder: Int32Array;
}

/** Refunds of accounts the index does not know are left out: they cannot be ring members. */
export function tabulateAccounts(index: LinkIndex, input: Pick<AnalysisInput, "accounts" | "refunds">): AccountTable {
  const n = index.accountIds.length;
  const createdAt = new Float64Array(n).fill(Number.NaN);
  const country: (string | null)[] = new Array<string | null>(n).fill(null);
  input.accounts.forEach((account, position) => {
    // indexLinks interns input.accounts first, in order: position is the index unless ids repeat.
    const a = index.accountIds[position] === account.id ? position : index.accounts.indexOf(account.id);
    if (a === -1) return;
    if (account.createdAt !== null) createdAt[a] = account.createdAt;
    country[a] = account.country;
  });

  const refunds = input.refunds;
  const owner = new Int32Array(refunds.length);
  const refundStart = new Int32Array(n + 1);
  let previousAccountId: string | null = null;
  let a = -1;
  for (let r = 0; r < refunds.length; r++) {
    if (refunds[r].accountId !== previousAccountId) {
      previousAccountId = refunds[r].accountId;
      a = index.accounts.indexOf(previousAccountId);
    }
    owner[r] = a;
    if (a >= 0) refundStart[a + 1]++;
  }
  for (let a = 0; a < n; a++) refundStart[a + 1] += refundStart[a];
  const refundOrder = new Int32Array(refundStart[n]);
  const fill = refundStart.slice(0, n);
  for (let r = 0; r < refunds.length; r++) if (owner[r] >= 0) refundOrder[fill[owner[r]]++] = r;
  return { createdAt, country, refunds, refundStart, refundOrder };
}

/** All refunds of the given accounts. */
export function refundsOf(table: AccountTable, accounts: ArrayLike<number>): RefundFact[] {
  const out: RefundFact[] = [];
  for (let j = 0; j < accounts.length; j++) {
    const a = accounts[j];
    for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) out.push(table.refunds[table.refundOrder[k]]);
  }
  return out;
}
