/**
 * Stages a devices.csv record: the Device and the account's USES edge unless the device id is
 * a placeholder, and the account's use of the IP it was seen from; remembers the device when
 * contacts.csv follows, so a contact from it does not clear its ip and user agent.
 */
import { hash53 } from "../../domain/hash.ts";
import { identifierValue, toDevice } from "../to-entities.ts";
import { stageIdentifierUse } from "./stage-identifier-use.ts";
import type { Stager } from "./stager.ts";

export const stageDevice: Stager = (values, rows, memory) => {
  const { device, uses } = toDevice(values);
  const key = `${uses.accountId}\u0000${uses.deviceId}`;
  const real = identifierValue("device", device.id, null) !== null;
  if (real) {
    rows.Device.set(device.id, device);
    rows.USES.set(key, uses);
    if (memory.contacts) memory.devices.add(device.id);
  }
  const ip = stageIdentifierUse(rows, "ip", uses.accountId, device.ip, null, `${uses.accountId}\u0000${device.ip ?? ""}`);
  return { key, content: hash53(JSON.stringify([device, uses])), placeholder: !real || !ip };
};
