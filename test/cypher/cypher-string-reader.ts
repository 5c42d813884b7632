/**
 * Reads a Cypher string literal back the way Neo4j does, for checking the export's escaping:
 * first the parser's character stream (a backslash pair passes through whole; `\uXXXX` becomes
 * its character, as org.neo4j.cypher.internal.parser.javacc.CypherCharStream does), then the
 * literal's escapes (\t \b \n \r \f \' \" \\ as in the Cypher manual). Throws on anything else.
 */
export function readCypherString(literal: string): string {
  const chars = charStream(literal);
  if (chars[0] !== "'" || chars[chars.length - 1] !== "'") throw new Error(`not a single-quoted literal: ${literal}`);
  let out = "";
  for (let i = 1; i < chars.length - 1; i++) {
    const c = chars[i]!;
    if (c === "'") throw new Error(`unescaped quote at ${i} in ${literal}`);
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = chars[++i];
    const map: Record<string, string> = { t: "\t", b: "\b", n: "\n", r: "\r", f: "\f", "'": "'", '"': '"', "\\": "\\" };
    if (e === undefined || !(e in map)) throw new Error(`invalid escape \\${e} in ${literal}`);
    out += map[e];
  }
  return out;
}

/** UTF-16 units after Neo4j's unicode pre-pass. */
function charStream(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\") {
      out.push(c);
      continue;
    }
    const next = text[++i];
    if (next === undefined) throw new Error("trailing backslash");
    if (next !== "u") {
      out.push(c, next);
      continue;
    }
    while (text[i] === "u") i++;
    const hex = text.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`invalid unicode escape \\u${hex}`);
    out.push(String.fromCharCode(parseInt(hex, 16)));
    i += 3;
  }
  return out;
}
