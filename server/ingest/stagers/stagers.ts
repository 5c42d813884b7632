/**
 * The stager of every input file kind. Typed by FileKind, so a kind added to file-specs.ts
 * does not compile until it has a stager here. A new kind is its columns in file-specs.ts
 * (placed in FILE_KINDS after the kinds it references), a stage-<kind>.ts beside this file and
 * its entry below; file location, mapping keys, checks, accounting and batching follow.
 */
import type { FileKind } from "../file-specs.ts";
import { stageAccount } from "./stage-account.ts";
import { stageAddress } from "./stage-address.ts";
import { stageContact } from "./stage-contact.ts";
import { stageDevice } from "./stage-device.ts";
import { stageEmployee } from "./stage-employee.ts";
import { stageExtraIdentifier } from "./stage-extra-identifier.ts";
import { stagePayment } from "./stage-payment.ts";
import { stageRefund } from "./stage-refund.ts";
import type { Stager } from "./stager.ts";

export const STAGERS: Record<FileKind, Stager> = {
  accounts: stageAccount,
  employees: stageEmployee,
  addresses: stageAddress,
  devices: stageDevice,
  payments: stagePayment,
  identifiers: stageExtraIdentifier,
  refunds: stageRefund,
  contacts: stageContact,
};
