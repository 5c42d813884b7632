/**
 * Stored-XSS payloads for the viewer's hostile-data tests. Each one, if the viewer ever turned
 * it into markup or a script, would append its tag to `window.__xss` (or leave an element or a
 * `javascript:` link behind), so a test can tell which field leaked. Backticks quote the tag
 * so that the payloads' own quotes are the ones doing the attribute breaking.
 */

const mark = (tag: string): string => `window.__xss=(window.__xss||[]).concat(\`${tag}\`)`;

export const PAYLOADS = {
  img: (tag: string) => `<img src=x onerror="${mark(tag)}">`,
  script: (tag: string) => `<script>${mark(tag)}</script>`,
  /** Breaks out of a double-quoted attribute and its tag. */
  svg: (tag: string) => `"><svg onload="${mark(tag)}">`,
  /** Breaks out of a single-quoted attribute and fires without any interaction. */
  attr: (tag: string) => `' autofocus onfocus='${mark(tag)}' x='`,
  /** Harmful only where data becomes an href or src. */
  jsUrl: (tag: string) => `javascript:${mark(tag)}//`,
  anchor: (tag: string) => `<a href="javascript:${mark(tag)}">${tag}</a>`,
  iframe: (tag: string) => `<iframe srcdoc="&lt;script&gt;parent.${mark(tag)}&lt;/script&gt;"></iframe>`,
  /** Already-escaped markup: must stay `&lt;…` on screen, not be decoded into a tag. */
  entity: (tag: string) => `&lt;img src=x onerror=${mark(tag)}&gt; &amp;`,
} as const;

export type PayloadStyle = keyof typeof PAYLOADS;

/** The start every `img` payload shares: what the search test types. */
export const IMG_PREFIX = "<img src=x";
