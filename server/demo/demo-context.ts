/**
 * What the population generators share while streaming: the random stream, id counters, the
 * hubs and the approver picker. Plain data passed down explicitly; no module state.
 */
import type { ApproverPicker } from "./approver-picker.ts";
import type { DemoIds } from "./demo-ids.ts";
import type { Hubs } from "./make-hubs.ts";
import type { Random } from "./random.ts";

export interface DemoContext {
  rng: Random;
  /** The stream of payment instruments (its own, so the other draws stay as they were). */
  payments: Random;
  /** The stream of honest support contacts (its own, likewise). */
  contacts: Random;
  ids: DemoIds;
  hubs: Hubs;
  approvers: ApproverPicker;
}
