/**
 * Invents a person's name in the naming style of a country, and the display form an export would
 * hold (mostly "First Last", sometimes "Last, First" — which also exercises CSV quoting). Pure.
 */
import type { AddressStyle } from "./countries.ts";
import type { Random } from "./random.ts";

export interface Person {
  first: string;
  last: string;
  /** As written in the name column. */
  display: string;
}

type NameList = { first: readonly string[]; last: readonly string[] };

const NAMES: Record<AddressStyle, NameList> = {
  en: {
    first: [
      "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
      "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
      "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Ava", "Jack", "Sophie", "Harry", "Chloe",
      "Ethan", "Grace", "Priya", "Mohammed", "Wei", "Fatima", "Carlos", "Maria", "Aisha", "Siobhan",
    ],
    last: [
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
      "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson",
      "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King",
      "Wright", "Patel", "Khan", "Singh", "Nguyen", "Chen", "O'Brien", "MacDonald", "Evans", "Roberts",
      "Hughes", "Murphy", "Kelly", "Tremblay", "Gagnon", "Côté", "Byrne",
    ],
  },
  de: {
    first: ["Lukas", "Leon", "Finn", "Paul", "Jonas", "Emma", "Mia", "Hannah", "Sophie", "Lea", "Anna",
      "Felix", "Max", "Julia", "Laura", "Jürgen", "Uwe", "Sabine", "Katrin", "Stefan"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
      "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
      "Braun", "Krüger", "Yılmaz", "Kaya"],
  },
  nl: {
    first: ["Daan", "Sem", "Lucas", "Levi", "Finn", "Emma", "Julia", "Tess", "Sophie", "Anna", "Jan",
      "Pieter", "Willem", "Sanne", "Lotte", "Femke", "Bram", "Thijs", "Ruben", "Noor"],
    last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
      "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
      "van Leeuwen", "Dekker", "Brouwer"],
  },
  gr: {
    first: ["Georgios", "Dimitrios", "Konstantinos", "Ioannis", "Nikolaos", "Panagiotis", "Christos",
      "Vasilios", "Maria", "Eleni", "Aikaterini", "Vasiliki", "Sofia", "Angeliki", "Dimitra", "Georgia",
      "Anastasia", "Ioanna", "Eirini", "Athanasios"],
    last: ["Papadopoulos", "Papadakis", "Georgiou", "Nikolaidis", "Vlachos", "Oikonomou", "Karagiannis",
      "Dimitriou", "Konstantinidis", "Pappas", "Makris", "Angelopoulos", "Ioannou", "Papanikolaou",
      "Christodoulou", "Alexiou", "Antoniou", "Vasileiou", "Theodorou", "Mavridis"],
  },
  lt: {
    first: ["Jonas", "Lukas", "Matas", "Tomas", "Mantas", "Andrius", "Darius", "Paulius", "Rokas",
      "Vytautas", "Emilija", "Gabija", "Austėja", "Ugnė", "Kamilė", "Rūta", "Eglė", "Ieva", "Greta", "Agnė"],
    last: ["Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas",
      "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas", "Navickas", "Ramanauskas", "Savickas",
      "Rimkus", "Baranauskas", "Sakalauskas", "Vaitkus", "Mockus", "Jonaitis", "Petraitis"],
  },
};

/** @example makePerson(rng, "de") // → { first: "Jürgen", last: "Schröder", display: "Jürgen Schröder" } */
export function makePerson(rng: Random, style: AddressStyle, last?: string): Person {
  const names = NAMES[style];
  const first = rng.pick(names.first);
  const family = last ?? rng.pick(names.last);
  const display = rng.chance(0.03) ? `${family}, ${first}` : `${first} ${family}`;
  return { first, last: family, display };
}
