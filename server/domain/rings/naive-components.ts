/**
 * The baseline ring detection is measured against: plain connected components over every
 * link, with no hub policy and no split. Same groups shape as detection, for evaluation only.
 * Pure.
 */
import type { AnalysisInput } from "../analysis-types.ts";
import { compareStrings } from "./compare-strings.ts";
import { findComponents, groupList } from "./find-components.ts";
import { indexLinks } from "./link-index.ts";

/**
 * Groups of at least `minSize` accounts connected through any shared identifier; members sorted
 * by id, groups by their first member.
 *
 * @example naiveComponents({ accounts, links }).length
 */
export function naiveComponents(input: Pick<AnalysisInput, "accounts" | "links">, minSize = 2): string[][] {
  const index = indexLinks(input);
  return groupList(findComponents(index, null, minSize))
    .map((group) => Array.from(group, (a) => index.accountIds[a]).sort(compareStrings))
    .sort((a, b) => compareStrings(a[0], b[0]));
}
