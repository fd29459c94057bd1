/** Reads sections, tables and links out of the project's Markdown documentation. */
import { slugifyHeading } from './doc-anchors.js';

/**
 * The lines of the section whose heading has the anchor `anchor`: from the
 * line after the heading up to the next heading of the same or a higher
 * level. Undefined when no such heading exists.
 */
export function extractSection(markdown: string, anchor: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let level = 0;
  let start = -1;
  let fenced = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^(#{1,6})[ \t]+(.*?)[ \t]*$/.exec(line);
    if (!heading) continue;
    const depth = (heading[1] ?? '').length;
    if (start >= 0 && depth <= level) return lines.slice(start, i).join('\n');
    if (start < 0 && slugifyHeading(heading[2] ?? '') === anchor) {
      level = depth;
      start = i + 1;
    }
  }
  return start >= 0 ? lines.slice(start).join('\n') : undefined;
}

/**
 * The rows of the Markdown tables in `text` whose first cell is one
 * inline-code name (`` `name` ``): name → the other cells, trimmed.
 */
export function readNamedRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    rows.set(
      m[1] ?? '',
      (m[2] ?? '').split('|').map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** A relative link in a Markdown document: target path (may be empty) and anchor. */
export interface MarkdownLink {
  text: string;
  path: string;
  anchor?: string;
  line: number;
}

/** Relative links (`[x](other.md#a)`, `[x](#a)`, `[x](../dir)`), outside code fences; URLs are skipped. */
export function collectRelativeLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  let fenced = false;
  markdown.split(/\r?\n/).forEach((line, index) => {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const m of line.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
      const target = m[2] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const link: MarkdownLink = { text: m[1] ?? '', path, line: index + 1 };
      if (anchor !== undefined) link.anchor = anchor;
      links.push(link);
    }
  });
  return links;
}
