/**
 * Writes an input folder whose refunds.csv has a given size (1 GB and more), streamed with
 * back-pressure so the writer's own memory stays small. Deterministic. Planted among the
 * refunds: identical repeats, changed repeats (the later row wins) and rows with a bad date
 * or amount, so the accounting read = loaded + rejected + duplicates is checked at scale.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { mulberry32 } from "../../server/domain/rings/seeded-rng.ts";

export interface BigFolderOptions {
  /** Target size of refunds.csv in bytes (the file ends at the first row past it). */
  refundBytes: number;
  accounts?: number;
  employees?: number;
}

export interface BigFolderSummary {
  refundBytes: number;
  refundRows: number;
  /** Rows that repeat an earlier refund_id unchanged, and with a changed amount. */
  identicalRepeats: number;
  changedRepeats: number;
  /** Rows with a date or amount the loader must reject. */
  badRows: number;
  accounts: number;
  employees: number;
}

const ITEMS = [
  ["MacBook Pro 14", "laptop"],
  ["iPhone 15 Pro", "phone"],
  ["PlayStation 5", "console"],
  ["Gold coin 1 oz", "bullion"],
  ["Wool sweater", "apparel"],
  ["Coffee beans 1 kg", "grocery"],
] as const;
const CHANNELS = ["chat", "email", "phone", "web"] as const;

const accountId = (i: number) => `A${String(i).padStart(8, "0")}`;
const employeeId = (i: number) => `E${String(i).padStart(5, "0")}`;

class LineWriter {
  private readonly stream: fs.WriteStream;
  private chunk: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(file: string) {
    this.stream = fs.createWriteStream(file);
  }
  async line(text: string): Promise<void> {
    this.chunk.push(text);
    this.size += text.length + 1;
    this.bytes += Buffer.byteLength(text) + 1;
    if (this.size >= 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const ok = this.stream.write(`${this.chunk.join("\n")}\n`);
    this.chunk = [];
    this.size = 0;
    if (!ok) await once(this.stream, "drain");
  }
  async close(): Promise<void> {
    if (this.chunk.length > 0) await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

export async function writeBigFolder(dir: string, options: BigFolderOptions): Promise<BigFolderSummary> {
  const accounts = options.accounts ?? 200_000;
  const employees = options.employees ?? 2_000;
  fs.mkdirSync(dir, { recursive: true });
  const rand = mulberry32(7);

  const staff = new LineWriter(path.join(dir, "employees.csv"));
  await staff.line("employee_id,name,team,site,country,hired_at,left_at");
  for (let i = 1; i <= employees; i++)
    await staff.line(`${employeeId(i)},Agent ${i},tier${1 + (i % 3)},Site ${i % 17},US,2020-01-${String(1 + (i % 28)).padStart(2, "0")},`);
  await staff.close();

  const people = new LineWriter(path.join(dir, "accounts.csv"));
  await people.line("account_id,created_at,country,email,phone,name,status");
  for (let i = 1; i <= accounts; i++)
    await people.line(`${accountId(i)},2023-0${1 + (i % 9)}-1${i % 10},US,user${i}@mail.test,,Customer ${i},active`);
  await people.close();

  const refunds = new LineWriter(path.join(dir, "refunds.csv"));
  await refunds.line(
    "refund_id,account_id,order_id,employee_id,amount,currency,item,category,requested_at,approved_at,returned,channel,status",
  );
  const summary: BigFolderSummary = {
    refundBytes: 0,
    refundRows: 0,
    identicalRepeats: 0,
    changedRepeats: 0,
    badRows: 0,
    accounts,
    employees,
  };
  const row = (n: number, amountCents: number, day: string) => {
    const [item, category] = ITEMS[n % ITEMS.length]!;
    const account = accountId(1 + ((Math.imul(n, 2654435761) >>> 0) % accounts));
    const employee = n % 10 === 0 ? "" : employeeId(1 + (n % employees));
    return `RF${String(n).padStart(10, "0")},${account},${100 + (n % 900)}-${String(n).padStart(7, "0")}-${String(n % 9_999_999).padStart(7, "0")},${employee},${(amountCents / 100).toFixed(2)},USD,${item},${category},2024-${day}T10:00:00Z,2024-${day}T12:30:00Z,${n % 3 === 0},${CHANNELS[n % 4]},approved`;
  };
  const dayOf = (n: number) => `${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`;
  const amountOf = (n: number) => 500 + ((n * 7919) % 250_000);
  // Slots by n % 1000: 0 repeats an earlier row unchanged, 250 is a bad row, 500 (every
  // 5000th) repeats the row before it with a changed amount, anything else is a new refund.
  let n = 0;
  while (refunds.bytes < options.refundBytes) {
    n++;
    const slot = n % 1000;
    summary.refundRows++;
    if (slot === 0 && n > 1000) {
      const earlier = n - 1 - Math.floor(rand() * 200);
      await refunds.line(row(earlier, amountOf(earlier), dayOf(earlier)));
      summary.identicalRepeats++;
    } else if (slot === 500 && n % 5000 === 500) {
      await refunds.line(row(n - 1, amountOf(n - 1) + 1, dayOf(n - 1)));
      summary.changedRepeats++;
    } else if (slot === 250) {
      const good = row(n, amountOf(n), dayOf(n));
      await refunds.line(
        (n / 1000) % 2 < 1 ? good.replace(/2024-\d\d-\d\dT10/, "2024-02-30T10") : good.replace(/,(\d+)\.(\d\d),USD,/, ',"$1,$2",USD,'),
      );
      summary.badRows++;
    } else {
      await refunds.line(row(n, amountOf(n), dayOf(n)));
    }
  }
  await refunds.close();
  summary.refundBytes = refunds.bytes;
  return summary;
}
