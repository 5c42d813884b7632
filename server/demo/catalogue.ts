/**
 * What gets refunded: categories with their items, USD price ranges and how often honest
 * customers ask for them, and the high-value goods REKK-style rings go for (laptops, phones,
 * consoles, gold coins). Prices are converted to the account's currency by the caller. Pure.
 */
import type { Random } from "./random.ts";

export interface Purchase {
  item: string;
  category: string;
  usd: number;
}

interface Category {
  name: string;
  items: readonly string[];
  min: number;
  max: number;
}

const cat = (name: string, min: number, max: number, items: string[]): Category => ({ name, items, min, max });

const APPAREL = cat("apparel", 12, 180, [
  "Running shoes",
  "Denim jacket",
  "Wool sweater",
  "Summer dress",
  "Winter coat",
  "T-shirt 3-pack",
  "Hiking boots",
]);
const GROCERY = cat("grocery", 4, 90, [
  "Organic coffee beans 1 kg",
  "Fresh produce box",
  "Olive oil 1 l",
  "Baby formula 6-pack",
  "Frozen meal bundle",
]);
const HOME = cat("home", 15, 420, ["Bedding set", "Desk lamp", "Cookware set", "Cordless vacuum", "Air fryer"]);
const BOOKS = cat("books", 6, 60, ["Hardcover novel", "Cookbook", "Children's picture book", "Textbook"]);
const TOYS = cat("toys", 10, 130, ["Building blocks set", "Board game", "Remote-control car", "Plush toy"]);
const BEAUTY = cat("beauty", 8, 95, ["Perfume 50 ml", "Skincare set", "Hair dryer"]);
const ELECTRONICS = cat("electronics", 20, 650, [
  "Wireless earbuds",
  "Bluetooth speaker",
  "Smartwatch",
  "USB-C hub",
  'Monitor 27"',
  "E-reader",
]);
const LAPTOP = cat("laptop", 850, 3300, [
  "MacBook Pro 14",
  "MacBook Pro 16",
  "MacBook Air 13",
  "Dell XPS 15",
  "ThinkPad X1 Carbon",
  "HP Spectre x360",
]);
const PHONE = cat("phone", 650, 1600, ["iPhone 15 Pro", "iPhone 15 Pro Max", "Galaxy S24 Ultra", "Pixel 8 Pro"]);
const CONSOLE = cat("console", 300, 720, ["PlayStation 5", "Xbox Series X", "Nintendo Switch OLED", "Steam Deck OLED"]);
const TABLET = cat("tablet", 420, 1500, ["iPad Pro 12.9", "iPad Air", "Galaxy Tab S9"]);
const CAMERA = cat("camera", 380, 2700, ["Sony A7 IV", "Canon EOS R6", "GoPro Hero 12"]);
const JEWELRY = cat("jewelry", 60, 1600, ["Silver necklace", "Diamond stud earrings", "Gold bracelet"]);
/** One troy ounce of 24k gold over 2023–2025, in USD. */
const GOLD_COIN = { item: "24k gold coin 1 oz", min: 1850, max: 2650 };

const HONEST: readonly (readonly [Category, number])[] = [
  [APPAREL, 28],
  [GROCERY, 15],
  [HOME, 12],
  [BOOKS, 8],
  [TOYS, 7],
  [BEAUTY, 6],
  [ELECTRONICS, 10],
  [LAPTOP, 3],
  [PHONE, 4],
  [CONSOLE, 2],
  [TABLET, 2],
  [CAMERA, 1],
  [JEWELRY, 1.6],
];
const RING_HIGH_VALUE: readonly (readonly [Category | "gold", number])[] = [
  [LAPTOP, 30],
  [PHONE, 28],
  [CONSOLE, 14],
  ["gold", 16],
  [TABLET, 7],
  [CAMERA, 5],
];

/** An ordinary customer's refund: mostly everyday goods, now and then something expensive. */
export function honestPurchase(rng: Random): Purchase {
  if (rng.chance(0.004)) return goldCoin(rng);
  return fromCategory(rng, rng.weighted(HONEST));
}

/** A ring's refund: high-value goods, with a few cheap ones mixed in to look ordinary. */
export function ringPurchase(rng: Random): Purchase {
  if (rng.chance(0.08)) return fromCategory(rng, rng.pick([APPAREL, ELECTRONICS, HOME]));
  const choice = rng.weighted(RING_HIGH_VALUE);
  return choice === "gold" ? goldCoin(rng) : fromCategory(rng, choice);
}

function fromCategory(rng: Random, category: Category): Purchase {
  // Prices skew towards the cheap end of each range, as real baskets do.
  const usd = category.min + (category.max - category.min) * rng.next() ** 1.6;
  return { item: rng.pick(category.items), category: category.name, usd };
}

function goldCoin(rng: Random): Purchase {
  // Exports file bullion under either name; both must count as high value.
  return { item: GOLD_COIN.item, category: rng.chance(0.5) ? "gold" : "jewelry", usd: rng.float(GOLD_COIN.min, GOLD_COIN.max) };
}
