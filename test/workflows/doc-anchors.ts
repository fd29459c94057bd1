/**
 * Documentation links in messages (`docs/<file>.md#<anchor>`): which anchors
 * a Markdown file has, by GitHub's rules, and which ones the sources point at.
 */

/**
 * The anchor GitHub gives a heading: the rendered text lower-cased, every
 * character that is not a letter, digit, mark, `_`, `-` or space dropped,
 * and each space turned into `-`. Link targets and HTML tags are not part of
 * the rendered text; inline-code backticks and emphasis marks are dropped as
 * punctuation.
 */
export function slugifyHeading(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Every anchor a Markdown document offers: one per ATX heading (`#` to
 * `######`, outside fenced code blocks), numbered `-1`, `-2` … when a slug
 * repeats, as GitHub does; plus explicit `<a id="…">`/`<a name="…">` anchors.
 */
export function collectAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    for (const html of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(html[1] ?? '');
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!heading) continue;
    const slug = slugifyHeading(heading[1] ?? '');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** One place a source file points a reader at the documentation. */
export interface DocReference {
  /** The source file, repository-relative. */
  source: string;
  /** 1-based line in the source file. */
  line: number;
  /** The documentation file, e.g. `docs/actions.md`. */
  doc: string;
  /** The anchor without `#`; undefined for a link to the whole file. */
  anchor?: string;
}

/** A source file's path and text. */
export interface SourceText {
  path: string;
  text: string;
}

const DOC_PATH = String.raw`docs/[\w.-]+\.md`;
const CONSTANT = new RegExp(
  String.raw`const\s+([A-Z][A-Z0-9_]*)\s*=\s*(['"\x60])(${DOC_PATH}(?:#[\w-]+)?)\2`,
  'g',
);
const DERIVED = /const\s+([A-Z][A-Z0-9_]*)\s*=\s*`\$\{([A-Z][A-Z0-9_]*)\}#([\w-]+)`/g;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * Resolves the documentation constants the sources declare, e.g.
 * `export const ACTIONS_DOCS = 'docs/actions.md'` or
 * ``const BRANCHES_DOCS = `${POLICY_DOCS}#branches` ``, by name.
 */
export function collectDocConstants(files: readonly SourceText[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const file of files) {
    for (const m of file.text.matchAll(CONSTANT)) constants.set(m[1] ?? '', m[3] ?? '');
  }
  // Derived constants may chain; resolve until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const file of files) {
      for (const m of file.text.matchAll(DERIVED)) {
        const base = constants.get(m[2] ?? '');
        const name = m[1] ?? '';
        if (base && !base.includes('#') && !constants.has(name)) {
          constants.set(name, `${base}#${m[3]}`);
          changed = true;
        }
      }
    }
  }
  return constants;
}

/**
 * Finds every static documentation reference in the sources: literal
 * `docs/x.md` and `docs/x.md#anchor` text (comments included: readers follow
 * those too), `${CONSTANT}#anchor` in template literals, and constants whose
 * value carries an anchor. Anchors built at run time (`#${id}`) are not
 * static and are left to tests that enumerate their values.
 */
export function collectDocReferences(files: readonly SourceText[]): DocReference[] {
  const constants = collectDocConstants(files);
  const refs: DocReference[] = [];
  const literal = new RegExp(String.raw`(${DOC_PATH})(?:#([a-z0-9][\w-]*))?(?![\w#-])`, 'g');
  for (const file of files) {
    const { text, path } = file;
    for (const m of text.matchAll(literal)) {
      const ref: DocReference = { source: path, line: lineOf(text, m.index), doc: m[1] ?? '' };
      if (m[2] !== undefined) ref.anchor = m[2];
      refs.push(ref);
    }
    for (const m of text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}#([a-z0-9][\w-]*)/g)) {
      const value = constants.get(m[1] ?? '');
      if (value === undefined || value.includes('#')) continue;
      refs.push({ source: path, line: lineOf(text, m.index), doc: value, anchor: m[2] });
    }
  }
  return refs;
}

/** Pulls every `docs/x.md#anchor` reference out of a rendered message. */
export function extractDocLinks(message: string): { doc: string; anchor: string }[] {
  const links: { doc: string; anchor: string }[] = [];
  for (const m of message.matchAll(new RegExp(String.raw`(${DOC_PATH})#([a-z0-9][\w-]*)`, 'g'))) {
    links.push({ doc: m[1] ?? '', anchor: m[2] ?? '' });
  }
  return links;
}
