/**
 * Support contacts of the demo (contacts.csv). Honest customers mostly write or call without
 * leaving a device (most rows name none), some from their own device or phone, and hundreds
 * from the few store kiosks, whose device and IP every contact there shares. A contact drafted
 * for a service ring's refund (plan-service-rings.ts) is emitted with its refund. Pure.
 */
import type { ContactRow, DemoChunk, RefundRow } from "./demo-columns.ts";
import type { DemoIds } from "./demo-ids.ts";
import { MINUTE, isoSeconds } from "./demo-time.ts";
import type { DeviceHub } from "./make-hubs.ts";
import type { Random } from "./random.ts";

/** A contact's cells but the ids given when it is emitted with its refund. */
export type ContactDraft = Omit<ContactRow, "contact_id" | "account_id" | "refund_id">;

/** Share of honest refunds that come with a support contact, and of those made at a store kiosk. */
const CONTACT_SHARE = 0.45;
const KIOSK_SHARE = 0.12;

const NO_PARTY = { device_id: "", ip: "", phone: "", email: "", handle: "" };

/** The contact row of a refund, with a fresh contact id. */
export function contactRow(ids: DemoIds, refund: Pick<RefundRow, "refund_id" | "account_id">, draft: ContactDraft): ContactRow {
  return { contact_id: ids.nextContact(), account_id: refund.account_id, refund_id: refund.refund_id, ...draft };
}

/**
 * Adds honest contacts for the refunds of a chunk, except those of `skip` (accounts whose
 * contacts were drafted with their refunds). Draws only from `rng`, the contacts' own stream.
 */
export function addHonestContacts(
  rng: Random,
  ids: DemoIds,
  chunk: DemoChunk,
  kiosks: readonly DeviceHub[],
  skip: ReadonlySet<string>,
): void {
  const deviceOf = new Map<string, { device_id: string; ip: string }>();
  for (const d of chunk.devices) if (!deviceOf.has(d.account_id)) deviceOf.set(d.account_id, d);
  const accountOf = new Map(chunk.accounts.map((a) => [a.account_id, a]));
  for (const refund of chunk.refunds) {
    if (skip.has(refund.account_id) || !rng.chance(CONTACT_SHARE)) continue;
    const at = isoSeconds(Date.parse(refund.requested_at) - rng.int(1, 120) * MINUTE);
    const base = { employee_id: refund.employee_id, channel: refund.channel || "chat", at };
    chunk.contacts.push(
      contactRow(ids, refund, {
        ...base,
        ...honestParty(rng, base.channel, kiosks, deviceOf.get(refund.account_id), accountOf.get(refund.account_id)),
      }),
    );
  }
}

function honestParty(
  rng: Random,
  channel: string,
  kiosks: readonly DeviceHub[],
  device: { device_id: string; ip: string } | undefined,
  account: { phone: string; email: string } | undefined,
): Omit<ContactDraft, "employee_id" | "channel" | "at"> {
  if (kiosks.length > 0 && rng.chance(KIOSK_SHARE)) {
    const kiosk = rng.pick(kiosks);
    return { ...NO_PARTY, device_id: kiosk.deviceId, ip: kiosk.ip };
  }
  if (channel === "phone") return { ...NO_PARTY, phone: rng.chance(0.6) ? (account?.phone ?? "") : "" };
  if (channel === "email") return { ...NO_PARTY, email: rng.chance(0.7) ? (account?.email ?? "") : "" };
  if (device && rng.chance(0.3)) return { ...NO_PARTY, device_id: device.device_id, ip: device.ip };
  return NO_PARTY;
}
