/**
 * Splits a Cypher script into statements the way cypher-shell does for `-f FILE`: a statement
 * ends at a `;` outside string literals ('…' and "…", where a backslash escapes the next
 * character), backtick-quoted names and comments (`// …` to the end of the line, `/* … *\/`).
 * Pieces holding only blanks and comments are not statements. Throws on an unterminated string,
 * name or comment, and on a statement left without its `;` at the end (cypher-shell would not
 * run it as written), so a broken export fails here rather than being half loaded.
 *
 * @example splitCypherScript("RETURN 'a;b';\n// done\n") // ["RETURN 'a;b'"]
 */
export function splitCypherScript(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let meaningful = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i = skipString(text, i, c);
      meaningful = true;
    } else if (c === "`") {
      i = skipName(text, i);
      meaningful = true;
    } else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new Error(`unterminated /* comment at offset ${i}`);
      i = end + 2;
    } else if (c === ";") {
      if (meaningful) statements.push(text.slice(start, i).trim());
      start = i + 1;
      meaningful = false;
      i++;
    } else {
      if (!/\s/.test(c)) meaningful = true;
      i++;
    }
  }
  if (meaningful) throw new Error(`the script ends inside a statement without its ";": ${text.slice(start, start + 80)}…`);
  return statements;
}

/** The offset just past the string literal opened by `quote` at `open`. */
function skipString(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i + 1;
  }
  throw new Error(`unterminated string literal at offset ${open}: ${text.slice(open, open + 60)}…`);
}

/** The offset just past the backtick-quoted name at `open` (a doubled backtick stays inside it). */
function skipName(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== "`") continue;
    if (text[i + 1] === "`") i++;
    else return i + 1;
  }
  throw new Error(`unterminated backtick name at offset ${open}`);
}
