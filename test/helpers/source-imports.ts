/**
 * The repository's import graph, read from the source text: every `.ts` file under a folder,
 * what each file imports (type-only or not), and relative imports resolved to repository paths.
 * Used by the architecture tests; no parser package, the import statements are regular enough.
 */
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SourceImport {
  spec: string;
  typeOnly: boolean;
}

/** Repository-relative paths of the `.ts` files under `dir`. */
export function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}

/** Static imports, re-exports, side-effect imports and dynamic `import("…")` of one file. */
export function importsOf(file: string): SourceImport[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const out: SourceImport[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+["']([^"']+)["']/gms))
    out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push({ spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

/** The repository path a relative import of `file` names, or null for a package. */
export function resolveImport(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
}

/** File → files it imports (relative imports of `.ts` files among `files` only). */
export function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      [
        ...new Set(
          importsOf(file)
            .map(({ spec }) => resolveImport(file, spec))
            .filter((target): target is string => target !== null && known.has(target)),
        ),
      ],
    ]),
  );
}

/**
 * One cycle per strongly connected component of more than one file (or a file importing
 * itself), each as its files in import order with the first repeated at the end.
 *
 * @example findCycles(new Map([["a", ["b"]], ["b", ["a"]]])) // [["a", "b", "a"]]
 */
export function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components, then one path round each component.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => cycleThrough(graph, new Set(component)));
}

/** A shortest path from the component's first file (sorted) back to itself, inside the component. */
function cycleThrough(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = previous.get(x)!) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
