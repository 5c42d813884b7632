import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccountFact, LinkBlock, LinkFact } from "../../../server/domain/analysis-types.ts";
import type { IdentifierLabel } from "../../../server/domain/model.ts";
import { columnsOfFacts, factsOf } from "../../../server/domain/rings/link-columns.ts";
import { indexLinks, type LinkIndex } from "../../../server/domain/rings/link-index.ts";

/** What detection reads of an index: its accounts, identifiers and adjacency. */
const view = (index: LinkIndex) => ({
  accountIds: index.accountIds,
  identifiers: index.identifierIds.map((id, i) => `${index.identifierKinds[i]}:${id}`),
  identStart: Array.from(index.identStart),
  identAccounts: Array.from(index.identAccounts),
  accountStart: Array.from(index.accountStart),
  accountIdents: Array.from(index.accountIdents),
});

/** The index as its doc describes it (an identifier's accounts in order of their first link), built the obvious way: the reference both forms must match. */
function expectedView(accounts: AccountFact[], links: LinkFact[]) {
  const accountIds = [...new Set([...accounts.map((a) => a.id), ...links.map((l) => l.accountId)])];
  const kinds = [...new Set(links.map((l) => l.kind))];
  const identifiers = kinds.flatMap((k) => [...new Set(links.filter((l) => l.kind === k).map((l) => `${k}:${l.identifierId}`))]);
  const users = identifiers.map((key) => [
    ...new Set(links.filter((l) => `${l.kind}:${l.identifierId}` === key).map((l) => accountIds.indexOf(l.accountId))),
  ]);
  const uses = accountIds.map((_, a) => identifiers.map((_, i) => i).filter((i) => users[i]!.includes(a)));
  const starts = (lists: number[][]) => {
    const out = [0];
    for (const list of lists) out.push(out.at(-1)! + list.length);
    return out;
  };
  return {
    accountIds,
    identifiers,
    identStart: starts(users),
    identAccounts: users.flat(),
    accountStart: starts(uses),
    accountIdents: uses.flat(),
  };
}

const account = (id: string): AccountFact => ({ id, createdAt: null, country: null });
const KINDS: IdentifierLabel[] = ["Device", "Address", "Phone"];

describe("links in columns", () => {
  it("index as the same links given one fact each, and as the index's own description says, whatever the links", () => {
    const facts = fc.array(
      fc.record({
        accountId: fc.constantFrom("a", "b", "c", "d", "e"),
        kind: fc.constantFrom(...KINDS),
        identifierId: fc.constantFrom("x", "y", "z"),
      }),
      { maxLength: 40 },
    );
    const listed = fc.array(fc.constantFrom("a", "b", "c", "f"), { maxLength: 5 }).map((ids) => ids.map(account));
    fc.assert(
      fc.property(listed, facts, (accounts, links: LinkFact[]) => {
        const columns = columnsOfFacts(accounts, links);
        const expected = expectedView(accounts, links);
        expect(view(indexLinks({ accounts, links }))).toEqual(expected);
        expect(view(indexLinks({ accounts: columns.accounts, links: { blocks: columns.blocks } }))).toEqual(expected);
        const sorted = (xs: LinkFact[]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(sorted(factsOf({ accounts: columns.accounts, links: { blocks: columns.blocks } }))).toEqual(sorted(links));
      }),
    );
  });

  it("merge two blocks of one kind by identifier id, as a store exporting links in parts gives them", () => {
    const accounts = ["a", "b", "c"].map(account);
    const block = (identifierIds: string[], pairs: [number, number][]): LinkBlock => ({
      kind: "Device",
      identifierIds,
      accounts: Int32Array.from(pairs.map((p) => p[0])),
      identifiers: Int32Array.from(pairs.map((p) => p[1])),
    });
    const index = indexLinks({
      accounts,
      links: {
        blocks: [
          block(
            ["kiosk", "own"],
            [
              [0, 0],
              [1, 1],
            ],
          ),
          block(
            ["own", "kiosk"],
            [
              [2, 1],
              [2, 0],
            ],
          ),
        ],
      },
    });
    expect(view(index).identifiers).toEqual(["Device:kiosk", "Device:own"]);
    // kiosk is used by a and c, own by b and c: one identifier each, not four.
    expect(view(index).identAccounts).toEqual([0, 2, 1, 2]);
  });
});
