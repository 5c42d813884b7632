/**
 * The two forms of analysis links, one into the other: facts (one object per link; tests and
 * small stores) and columns (one block of typed arrays per kind; bulk reads). Pure.
 */
import type { AccountFact, AnalysisInput, LinkBlock, LinkFact } from "../analysis-types.ts";
import type { LinkLabel } from "../model.ts";
import { StringInterner } from "./string-interner.ts";

/**
 * Link facts as columns: one block per kind (kinds in order of first appearance), accounts named
 * only by links appended to the listed ones with no facts.
 */
export function columnsOfFacts(
  listed: readonly AccountFact[],
  links: readonly LinkFact[],
): { accounts: AccountFact[]; blocks: LinkBlock[] } {
  const accounts = [...listed];
  const positions = new StringInterner();
  // Interned index → position in `accounts` (a repeated listed id keeps its first position).
  const positionOf: number[] = [];
  for (let p = 0; p < listed.length; p++) {
    if (positions.intern(listed[p]!.id) === positionOf.length) positionOf.push(p);
  }
  const kinds: LinkLabel[] = [];
  const parts: { ids: StringInterner; accounts: number[]; identifiers: number[] }[] = [];
  // Exports list an account's links together; reusing the previous lookup skips most probes.
  let previousAccountId: string | null = null;
  let previousAccount = -1;
  for (const link of links) {
    let kind = kinds.indexOf(link.kind);
    if (kind === -1) {
      kind = kinds.length;
      kinds.push(link.kind);
      parts.push({ ids: new StringInterner(), accounts: [], identifiers: [] });
    }
    if (link.accountId !== previousAccountId) {
      previousAccountId = link.accountId;
      const interned = positions.intern(link.accountId);
      if (interned === positionOf.length) {
        positionOf.push(accounts.length);
        accounts.push({ id: link.accountId, createdAt: null, country: null });
      }
      previousAccount = positionOf[interned]!;
    }
    const part = parts[kind]!;
    part.accounts.push(previousAccount);
    part.identifiers.push(part.ids.intern(link.identifierId));
  }
  return {
    accounts,
    blocks: parts.map((part, k) => ({
      kind: kinds[k]!,
      identifierIds: part.ids.keys,
      accounts: Int32Array.from(part.accounts),
      identifiers: Int32Array.from(part.identifiers),
    })),
  };
}

/** Every link as a fact, in block order, one at a time (no array of a million facts). */
export function* eachLinkFact(input: Pick<AnalysisInput, "accounts" | "links">): Generator<LinkFact> {
  if (Array.isArray(input.links)) {
    yield* input.links;
    return;
  }
  for (const block of input.links.blocks) {
    for (let l = 0; l < block.accounts.length; l++) {
      yield {
        accountId: input.accounts[block.accounts[l]!]!.id,
        kind: block.kind,
        identifierId: block.identifierIds[block.identifiers[l]!]!,
      };
    }
  }
}

/** Every link as a fact, in block order (for reports and tests; a bulk analysis never needs it). */
export function factsOf(input: Pick<AnalysisInput, "accounts" | "links">): LinkFact[] {
  return Array.isArray(input.links) ? input.links : [...eachLinkFact(input)];
}
