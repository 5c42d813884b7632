/**
 * Finds a write clause in Cypher text outside strings and comments. A first line of defence
 * so a query file that writes is refused at start-up; the engines' read-only transactions
 * are the guarantee.
 */
const WRITE = /\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD|COPY|INSTALL|ATTACH|ALTER|FOREACH|IMPORT|EXPORT|CHECKPOINT)\b/i;

export function findWriteClause(cypher: string): string | null {
  const code = cypher
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\/\/.*$/gm, " ")
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, " ");
  const m = WRITE.exec(code);
  return m ? m[1]!.toUpperCase() : null;
}
