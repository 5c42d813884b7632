/** Stages an employees.csv record: the Employee, and its id for refunds' references. */
import { hash53 } from "../../domain/hash.ts";
import { toEmployee } from "../to-entities.ts";
import type { Stager } from "./stager.ts";

export const stageEmployee: Stager = (values, rows, memory) => {
  const row = toEmployee(values);
  rows.Employee.set(row.id, row);
  memory.known.employees.add(row.id);
  return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: false };
};
