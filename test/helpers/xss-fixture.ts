/**
 * Writes a hostile data set in the input format (docs/input-format.md) into a folder: one ring
 * of four accounts sharing a device, an address and a card, whose refunds never came back and
 * were all approved by one employee, where every column that can hold free text holds its own
 * XSS payload (ids included). Thirty honest accounts refunding through a second employee (whose
 * fields are payloads too) give the insider a low baseline; those accounts and their refunds
 * carry plain text and stay out of the ring view.
 *
 * Columns whose values are case-folded on import (countries, currencies upper; emails,
 * categories, channels, payment types lower) get payloads already in that case, so what the
 * viewer shows must equal the input exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { normaliseAddressKey } from "../../server/domain/normalise/address-key.ts";
import { FILE_SPECS, type FileKind } from "../../server/ingest/file-specs.ts";
import { PAYLOADS, type PayloadStyle } from "./xss-payloads.ts";

/**
 * Every column of every file, and whether it carries a payload. Those that cannot are
 * validated or rewritten on import, so no text survives to reach the viewer:
 * dates (ISO 8601 or rejected), amount (a number), booleans, enums (a fixed word list),
 * phone numbers (rewritten to `+` and digits; a text "phone" is a placeholder and dropped),
 * references (`account_id`, `employee_id` in other files must equal an id, so they carry the
 * payload of that id, not one of their own). An Address node's id is its folded key: the
 * street, city and region parts lose everything but letters and digits, while the country part
 * is kept (lower-cased), so the address id carries the country's payload.
 */
export const COVERAGE: Record<FileKind, Record<string, string>> = {
  accounts: {
    account_id: "payload",
    name: "payload",
    email: "payload",
    country: "payload",
    created_at: "date",
    phone: "normalised to E.164 digits",
    status: "enum",
  },
  employees: {
    employee_id: "payload",
    name: "payload",
    team: "payload",
    site: "payload",
    country: "payload",
    hired_at: "date",
    left_at: "date",
  },
  addresses: {
    line1: "payload",
    line2: "payload",
    city: "payload",
    postal_code: "payload",
    region: "payload",
    country: "payload",
    account_id: "reference",
    type: "enum",
  },
  devices: {
    device_id: "payload",
    ip: "payload",
    user_agent: "payload",
    account_id: "reference",
    first_seen: "date",
    last_seen: "date",
  },
  payments: {
    payment_id: "payload",
    type: "payload",
    last4: "payload",
    account_id: "reference",
    first_seen: "date",
  },
  identifiers: {
    value: "payload (email, ip, payment rows; the phone row is normalised)",
    account_id: "reference",
    type: "enum",
  },
  refunds: {
    refund_id: "payload",
    order_id: "payload",
    currency: "payload",
    item: "payload",
    category: "payload",
    channel: "payload",
    account_id: "reference",
    employee_id: "reference",
    amount: "amount",
    requested_at: "date",
    approved_at: "date",
    returned: "boolean",
    status: "enum",
  },
  contacts: {
    contact_id: "payload",
    channel: "payload",
    device_id: "payload",
    ip: "payload",
    email: "payload",
    handle: "payload (lower-case, no leading @: what normalising keeps)",
    phone: "normalised to E.164 digits",
    account_id: "reference",
    refund_id: "reference",
    employee_id: "reference",
    at: "date",
  },
};

type Row = Record<string, string>;

export interface XssFixture {
  folder: string;
  rows: Record<FileKind, Row[]>;
  /** The ring's four account ids, in file order. */
  accounts: string[];
  insider: string;
  honestEmployee: string;
  device: string;
  payment: string;
  /** The shared address's node id: its folded key, which no payload survives. */
  address: string;
  /** Properties as the API stores them (camelCase), per node key: what the details panel must show verbatim. */
  properties: Map<string, Record<string, string>>;
}

const p = (style: PayloadStyle, tag: string) => PAYLOADS[style](tag);
const ROTATION: PayloadStyle[] = ["img", "svg", "attr", "entity", "script", "jsUrl", "anchor", "iframe"];
const rotate = (i: number, tag: string) => p(ROTATION[i % ROTATION.length]!, tag);
const email = (style: PayloadStyle, tag: string) => `${p(style, tag).toLowerCase()}@x.test`;

// Countries with `;` and `&…;` included: a ring's countries once came back split on `;`.
const COUNTRY_STYLES: PayloadStyle[] = ["entity", "attr", "script", "svg"];
const HONEST_ACCOUNTS = 30;
const RING_SIZE = 4;
const REFUNDS_PER_ACCOUNT = 3;

export function writeXssFixture(folder: string): XssFixture {
  const rows: Record<FileKind, Row[]> = {
    accounts: [],
    employees: [],
    addresses: [],
    devices: [],
    payments: [],
    identifiers: [],
    refunds: [],
    contacts: [],
  };
  const properties = new Map<string, Record<string, string>>();

  const insider = p("svg", "employees.employee_id.0");
  const honestEmployee = p("entity", "employees.employee_id.1");
  rows.employees.push(
    {
      employee_id: insider,
      name: p("img", "employees.name.0"),
      team: p("script", "employees.team.0"),
      site: p("anchor", "employees.site.0"),
      country: p("iframe", "employees.country.0").toUpperCase(),
      hired_at: "2021-01-10",
      left_at: "",
    },
    {
      employee_id: honestEmployee,
      name: p("img", "employees.name.1"),
      team: p("jsUrl", "employees.team.1"),
      site: p("svg", "employees.site.1"),
      country: p("attr", "employees.country.1").toUpperCase(),
      hired_at: "2019-03-01",
      left_at: "2024-12-31",
    },
  );
  for (const e of rows.employees) {
    properties.set(`Employee:${e.employee_id}`, { name: e.name!, team: e.team!, site: e.site!, country: e.country! });
  }

  const address = {
    line1: p("img", "addresses.line1"),
    line2: p("script", "addresses.line2"),
    city: p("svg", "addresses.city"),
    postal_code: p("attr", "addresses.postal_code"),
    region: p("anchor", "addresses.region"),
    country: p("svg", "addresses.country").toUpperCase(),
    type: "shipping",
  };
  const device = p("img", "devices.device_id");
  const deviceUse = {
    device_id: device,
    ip: p("svg", "devices.ip"),
    user_agent: p("script", "devices.user_agent"),
    first_seen: "2024-05-01",
    last_seen: "2024-06-01",
  };
  const payment = p("jsUrl", "payments.payment_id");
  const paymentUse = {
    payment_id: payment,
    type: p("anchor", "payments.type").toLowerCase(),
    last4: p("attr", "payments.last4"),
    first_seen: "2024-05-01",
  };

  const accounts: string[] = [];
  for (let i = 0; i < RING_SIZE; i++) {
    const id = rotate(i, `accounts.account_id.${i}`);
    accounts.push(id);
    rows.accounts.push({
      account_id: id,
      created_at: `2024-05-0${i + 1}`,
      country: p(COUNTRY_STYLES[i]!, `accounts.country.${i}`).toUpperCase(),
      email: email(ROTATION[(i + 2) % ROTATION.length]!, `accounts.email.${i}`),
      phone: `+1 202 555 01${43 + i}`,
      name: p("img", `accounts.name.${i}`),
      status: "active",
    });
    rows.addresses.push({ account_id: id, ...address });
    rows.devices.push({ account_id: id, ...deviceUse });
    rows.payments.push({ account_id: id, ...paymentUse });
    rows.identifiers.push(
      { account_id: id, type: "email", value: email(ROTATION[(i + 5) % ROTATION.length]!, `identifiers.email.${i}`) },
      { account_id: id, type: "ip", value: p("iframe", `identifiers.ip.${i}`) },
      { account_id: id, type: "payment", value: p("svg", `identifiers.payment.${i}`) },
      { account_id: id, type: "phone", value: `+44 20 7946 0${100 + i}` },
    );
    for (let r = 0; r < REFUNDS_PER_ACCOUNT; r++) {
      const tag = `${i}.${r}`;
      rows.refunds.push({
        refund_id: rotate(i + r, `refunds.refund_id.${tag}`),
        account_id: id,
        order_id: p("script", `refunds.order_id.${tag}`),
        employee_id: insider,
        amount: "1299.00",
        currency: p("jsUrl", `refunds.currency.${tag}`).toUpperCase(),
        item: p("anchor", `refunds.item.${tag}`),
        category: p("iframe", `refunds.category.${tag}`).toLowerCase(),
        requested_at: `2024-05-1${r}`,
        approved_at: `2024-05-1${r}`,
        returned: "false",
        channel: p("svg", `refunds.channel.${tag}`).toLowerCase(),
        status: "approved",
      });
    }
  }
  // The ring's operator contacted support for every member from one device, IP, mailbox and handle.
  const contactDevice = p("anchor", "contacts.device_id");
  const contactIp = p("attr", "contacts.ip");
  const contactEmail = email("iframe", "contacts.email");
  const contactHandle = p("svg", "contacts.handle").toLowerCase();
  accounts.forEach((id, i) => {
    const contactId = rotate(i + 3, `contacts.contact_id.${i}`);
    const channel = p("img", `contacts.channel.${i}`).toLowerCase();
    rows.contacts.push({
      contact_id: contactId,
      account_id: id,
      refund_id: rows.refunds.find((f) => f.account_id === id)!.refund_id!,
      employee_id: insider,
      channel,
      at: `2024-05-1${i}T10:00:00Z`,
      device_id: contactDevice,
      ip: contactIp,
      phone: "+1 202 555 0199",
      email: contactEmail,
      handle: contactHandle,
    });
    properties.set(`Contact:${contactId}`, { id: contactId, channel });
  });
  properties.set(`Device:${contactDevice}`, { id: contactDevice });
  properties.set(`IP:${contactIp}`, { id: contactIp });
  properties.set(`Email:${contactEmail}`, { id: contactEmail });
  properties.set(`Handle:${contactHandle}`, { id: contactHandle });
  for (const a of rows.accounts)
    properties.set(`Account:${a.account_id}`, { id: a.account_id!, name: a.name!, email: a.email!, country: a.country! });
  for (const f of rows.refunds) {
    properties.set(`Refund:${f.refund_id}`, {
      id: f.refund_id!,
      orderId: f.order_id!,
      currency: f.currency!,
      item: f.item!,
      category: f.category!,
      channel: f.channel!,
    });
  }
  properties.set(`Device:${device}`, { id: device, ip: deviceUse.ip, userAgent: deviceUse.user_agent });
  properties.set(`Payment:${payment}`, { id: payment, type: paymentUse.type, last4: paymentUse.last4 });
  const ips = [deviceUse.ip, ...rows.identifiers.filter((r) => r.type === "ip").map((r) => r.value!)];
  for (const ip of ips) properties.set(`IP:${ip}`, { id: ip });
  for (const e of [...rows.accounts.map((a) => a.email!), ...rows.identifiers.filter((r) => r.type === "email").map((r) => r.value!)]) {
    properties.set(`Email:${e}`, { id: e });
  }
  for (const r of rows.identifiers.filter((r) => r.type === "payment")) properties.set(`Payment:${r.value}`, { id: r.value! });
  const addressKey = normaliseAddressKey({ ...address, postalCode: address.postal_code });
  properties.set(`Address:${addressKey}`, {
    id: addressKey,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    postalCode: address.postal_code,
    region: address.region,
    country: address.country,
  });

  for (let n = 0; n < HONEST_ACCOUNTS; n++) {
    const id = `H${String(n).padStart(3, "0")}`;
    rows.accounts.push({
      account_id: id,
      created_at: "2023-01-15",
      country: "US",
      email: "",
      phone: "",
      name: `Honest ${n}`,
      status: "active",
    });
    for (let r = 0; r < REFUNDS_PER_ACCOUNT; r++) {
      rows.refunds.push({
        refund_id: `HR-${n}-${r}`,
        account_id: id,
        order_id: `HO-${n}-${r}`,
        employee_id: honestEmployee,
        amount: "19.00",
        currency: "USD",
        item: "Socks",
        category: "apparel",
        requested_at: "2024-04-01",
        approved_at: "2024-04-02",
        returned: "true",
        channel: "chat",
        status: "approved",
      });
    }
  }

  fs.mkdirSync(folder, { recursive: true });
  for (const [kind, records] of Object.entries(rows) as [FileKind, Row[]][]) {
    const columns = FILE_SPECS[kind].map((c) => c.name);
    fs.writeFileSync(path.join(folder, `${kind}.csv`), stringify(records, { header: true, columns }));
  }
  return { folder, rows, accounts, insider, honestEmployee, device, payment, address: addressKey, properties };
}
