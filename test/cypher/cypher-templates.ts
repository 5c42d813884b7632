/**
 * Finds Cypher assembled in source code: template literals (and `+` concatenations with a
 * string) whose text holds a Cypher clause keyword, with the expressions spliced into them.
 * Uses the TypeScript parser, so comments and plain strings are not mistaken for code.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface CypherTemplate {
  file: string;
  line: number;
  /** The source text of each expression interpolated into the Cypher. */
  expressions: string[];
}

const CLAUSE = /\b(MATCH|MERGE|CREATE|UNWIND|RETURN|DELETE|DETACH|SET|REMOVE|WITH|CALL|LOAD|COPY|ORDER BY|WHERE)\b/;

export function findCypherTemplates(root: string, relativeTo: string): CypherTemplate[] {
  const out: CypherTemplate[] = [];
  for (const file of listTs(root)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node)) {
        const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
        if (CLAUSE.test(literal))
          out.push(
            at(
              source,
              node,
              relativeTo,
              node.templateSpans.map((s) => s.expression.getText(source)),
            ),
          );
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const parts = flattenPlus(node);
        const literal = parts
          .filter(ts.isStringLiteralLike)
          .map((p) => p.text)
          .join(" ");
        if (CLAUSE.test(literal) && parts.some((p) => !ts.isStringLiteralLike(p))) {
          out.push(
            at(
              source,
              node,
              relativeTo,
              parts.filter((p) => !ts.isStringLiteralLike(p)).map((p) => p.getText(source)),
            ),
          );
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

function flattenPlus(node: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...flattenPlus(node.left), ...flattenPlus(node.right)];
  if (ts.isParenthesizedExpression(node)) return flattenPlus(node.expression);
  return [node];
}

function at(source: ts.SourceFile, node: ts.Node, relativeTo: string, expressions: string[]): CypherTemplate {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return { file: path.relative(relativeTo, source.fileName), line: line + 1, expressions };
}

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
