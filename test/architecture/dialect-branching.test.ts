/**
 * The store says its dialect and picks a text's version itself (GraphStore.dialect, cypher/
 * files paired by server/cypher/cypher-files.ts): nothing outside server/store/ and
 * server/cypher/ reads the dialect or compares the engine's name. Naming the engine in a
 * message is fine; a comparison must be listed below with what it decides, and it is never
 * which Cypher text to send.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Comparisons of the engine's name that choose something other than Cypher text. */
const ENGINE_CHOICES: Record<string, string> = {
  "server/cli/serve-command.ts": "the serving URL is recorded in the embedded store's writer file, which only that store has",
};

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f))
    .filter((f) => !f.startsWith("server/store/") && !f.startsWith("server/cypher/"));
}

/** `file:line what` for each read of `.dialect` and each comparison or switch on `….info.engine`. */
function branches(file: string, text = fs.readFileSync(path.join(ROOT, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${what}`);
  const isEngine = (node: ts.Node) => /\binfo\s*\.\s*engine$/.test(node.getText(source));
  const comparisons = [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === "dialect") at(node, node.getText(source));
    if (ts.isBinaryExpression(node) && comparisons.includes(node.operatorToken.kind) && (isEngine(node.left) || isEngine(node.right)))
      at(node, node.getText(source));
    if (ts.isSwitchStatement(node) && isEngine(node.expression)) at(node, `switch (${node.expression.getText(source)})`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the store's dialect", () => {
  it("is read, and the engine's name compared, only inside server/store/ and server/cypher/ (or for a listed reason)", () => {
    const found = sources("server")
      .filter((f) => !(f in ENGINE_CHOICES))
      .flatMap((f) => branches(f));
    expect(found).toEqual([]);
  });

  it("is never read by the modules listed for another reason either", () => {
    const dialect = Object.keys(ENGINE_CHOICES)
      .flatMap((f) => branches(f))
      .filter((b) => /\.dialect\b/.test(b));
    expect(dialect).toEqual([]);
  });

  it("would notice a caller that picks the text itself (the check itself works)", () => {
    const text = 'const a = store.info.engine === "neo4j" ? q.neo4j : q.kuzu;\nconst b = q[store.dialect];\n';
    expect(branches("server/read-model/example.ts", text)).toHaveLength(2);
  });
});
