/**
 * Validates request query strings and bodies with zod and turns the first issue into an
 * invalid-input error naming the parameter and what was expected.
 */
import type { z } from "zod";
import { invalid } from "./http-errors.ts";

export function parseInput<T extends z.ZodTypeAny>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = issue.path.join(".") || where;
  return failWith(`${where}: \`${name}\` ${issue.message.replace(/^Invalid input: /, "")}`, name);
}

function failWith(message: string, param: string): never {
  throw invalid(message, { param });
}
