/**
 * Devices as an export records them: a fingerprint id (random-looking hex), the last IP seen and
 * a user agent. IPs are drawn from a large public-looking space so honest households rarely
 * collide by chance. Pure.
 */
import type { DeviceRow } from "./demo-columns.ts";
import { DEMO_END, DAY, HOUR, isoSeconds } from "./demo-time.ts";
import type { Random } from "./random.ts";

export interface DeviceInfo {
  deviceId: string;
  ip: string;
  userAgent: string;
}

const USER_AGENTS = [
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    28,
  ],
  ["Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36", 22],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36", 22],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", 12],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0", 6],
  ["ShopApp/8.14.2 (iPhone; iOS 17.4; Scale/3.00)", 6],
  ["ShopApp/8.14.0 (Android 14; Pixel 8)", 4],
] as const;

/** First octets of large consumer ISP blocks; avoids private and documentation ranges. */
const FIRST_OCTETS = [24, 50, 68, 71, 73, 76, 81, 86, 90, 92, 98, 109, 151, 176, 185, 188, 212, 213, 217];

export function randomIp(rng: Random): string {
  return `${rng.pick(FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** @example makeDevice(rng, "81.2.69.142").deviceId // → "9f1c0a7e…" (32 hex digits) */
export function makeDevice(rng: Random, ip: string = randomIp(rng)): DeviceInfo {
  return { deviceId: rng.hex(32), ip, userAgent: rng.weighted(USER_AGENTS) };
}

/** One account's use of a device: first seen within a month of opening, last seen before `until`. */
export function deviceUse(rng: Random, device: DeviceInfo, createdAt: number, until = DEMO_END): Omit<DeviceRow, "account_id"> {
  const end = Math.min(until, DEMO_END);
  const firstSeen = Math.min(createdAt + Math.floor(rng.next() * 30 * DAY), end - HOUR);
  const lastSeen = firstSeen + Math.floor(rng.next() * (end - firstSeen));
  return {
    device_id: device.deviceId,
    ip: device.ip,
    user_agent: device.userAgent,
    first_seen: isoSeconds(firstSeen),
    last_seen: isoSeconds(lastSeen),
  };
}
