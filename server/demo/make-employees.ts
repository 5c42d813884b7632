/**
 * Support employees: teams, sites and employment dates, and a heavy-tailed (Zipf) workload so a
 * few agents handle a large share of all refunds — the baseline an insider must stand out from.
 * Pure; the rows go to employees.csv, the staff list feeds ApproverPicker.
 */
import type { EmployeeRow } from "./demo-columns.ts";
import { DAY, DEMO_END, isoDate } from "./demo-time.ts";
import { countryOf } from "./countries.ts";
import { makePerson } from "./make-person.ts";
import type { Random } from "./random.ts";

export interface Staff {
  id: string;
  hiredAt: number;
  leftAt: number | null;
  /** Relative workload; rank 1 is the busiest agent. */
  weight: number;
  rank: number;
}

const SITES = [
  ["Manila", "PH", 22],
  ["Cebu", "PH", 10],
  ["Austin", "US", 14],
  ["Leeds", "GB", 12],
  ["Cork", "IE", 8],
  ["Kaunas", "LT", 8],
  ["Athens", "GR", 8],
  ["Toronto", "CA", 10],
  ["Kraków", "PL", 8],
] as const;
const TEAMS = [
  ["Tier 1", 50],
  ["Tier 2", 20],
  ["Returns", 15],
  ["Escalations", 10],
  ["VIP Care", 5],
] as const;
/** Zipf exponent of agent workload. */
const WORKLOAD_EXPONENT = 0.9;
const FIRST_HIRE = Date.UTC(2015, 0, 1);

export function employeeCount(accounts: number): number {
  return Math.max(20, Math.round(accounts / 200));
}

/** @example makeEmployees(rng, 100).rows[0] // → { employee_id: "E0001", team: "Tier 1", site: "Manila", … } */
export function makeEmployees(rng: Random, count: number): { rows: EmployeeRow[]; staff: Staff[] } {
  const width = Math.max(4, String(count).length);
  const ranks = rng.shuffle(Array.from({ length: count }, (_, i) => i + 1));
  const rows: EmployeeRow[] = [];
  const staff: Staff[] = [];
  for (let i = 0; i < count; i++) {
    const [site, country] = rng.weighted(SITES.map(([name, code, weight]) => [[name, code], weight] as const));
    const person = makePerson(rng, personStyle(country));
    const hiredAt = FIRST_HIRE + Math.floor(rng.next() * (DEMO_END - 120 * DAY - FIRST_HIRE));
    const leaves = hiredAt + rng.int(120, 5 * 365) * DAY;
    const leftAt = rng.chance(0.15) && leaves < DEMO_END - DAY ? leaves : null;
    const rank = ranks[i] as number;
    const id = `E${String(i + 1).padStart(width, "0")}`;
    rows.push({
      employee_id: id,
      name: person.display,
      team: rng.weighted(TEAMS),
      site,
      country,
      hired_at: isoDate(hiredAt),
      left_at: leftAt === null ? "" : isoDate(leftAt),
    });
    staff.push({ id, hiredAt, leftAt, weight: 1 / rank ** WORKLOAD_EXPONENT, rank });
  }
  return { rows, staff };
}

function personStyle(country: string) {
  return country === "LT" || country === "GR" ? countryOf(country).style : "en";
}
