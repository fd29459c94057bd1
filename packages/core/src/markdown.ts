/**
 * Markdown outlines: the headings of a document and the text under each,
 * with line numbers, read with a real Markdown parser (so a `## Steps` inside
 * a code fence or a `> Reason` quote is not a heading). Pure: the text is
 * given; the adapters read it.
 */
import { Lexer, type Token } from 'marked';

/** One line of content under a heading. */
export interface ContentLine {
  /** 1-based line in the document. */
  line: number;
  /** The line, trimmed, HTML comments removed. */
  text: string;
}

/** One heading and what stands under it, up to the next heading of the same or a higher level. */
export interface MarkdownSection {
  /** The heading text as written, trimmed. */
  title: string;
  /** 1 to 6. */
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section's content (the heading's line when it has none). */
  endLine: number;
  /** The non-empty lines under it that are not headings, comments excluded. */
  content: ContentLine[];
}

/** A parsed document. */
export interface MarkdownOutline {
  /** Every heading, in order, at any level. */
  sections: MarkdownSection[];
  /** The number of lines of the document. */
  lineCount: number;
}

/** The text with a BOM removed and CRLF or CR line breaks turned into LF. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Blanks a leading YAML front matter block (`---` … `---` or `...`), keeping
 * its line breaks so line numbers stay right.
 */
function blankFrontMatter(text: string): string {
  if (!text.startsWith('---\n')) return text;
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (end < 0) return text;
  return '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** The content lines of a token that starts at `line`, comments removed. */
function listContentLines(token: Token, line: number): ContentLine[] {
  const blanked = token.raw.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''));
  const lines: ContentLine[] = [];
  blanked.split('\n').forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed) lines.push({ line: line + index, text: trimmed });
  });
  return lines;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

const outlines = new Map<string, MarkdownOutline>();

/**
 * Parses Markdown into its headings and their content. Front matter, setext
 * headings, code fences, quotes, CRLF and a BOM are handled. Headings inside
 * quotes or list items do not count: a document's structure is its
 * top-level headings.
 */
export function parseMarkdownOutline(source: string): MarkdownOutline {
  const cached = outlines.get(source);
  if (cached) return cached;
  const text = blankFrontMatter(normalizeLineBreaks(source));
  const tokens = new Lexer().lex(text);
  const sections: MarkdownSection[] = [];
  const open: MarkdownSection[] = [];
  let line = 1;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const depth = Number(token['depth']);
      while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= depth) open.pop();
      const section: MarkdownSection = {
        title: String(token['text']).trim(),
        depth,
        line,
        endLine: line,
        content: [],
      };
      sections.push(section);
      open.push(section);
    } else if (token.type !== 'space') {
      const lines = listContentLines(token, line);
      for (const section of open) {
        section.content.push(...lines);
        const last = lines[lines.length - 1];
        if (last) section.endLine = last.line;
      }
    }
    line += countLineBreaks(token.raw);
  }
  const outline = { sections, lineCount: countLineBreaks(text) + 1 };
  // A few documents per run: a small cache spares each rule its own parse.
  if (outlines.size > 64) outlines.clear();
  outlines.set(source, outline);
  return outline;
}

/**
 * A heading as compared with a required title: compatibility forms folded
 * (full-width letters), invisible format characters (zero-width spaces)
 * removed, spaces collapsed, a closing colon dropped, lower-cased.
 */
export function normalizeHeading(title: string): string {
  return (
    title
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      // A full-width colon as an escape: the bundles stay ASCII (see test/architecture/bundle-ascii).
      .replace(/\s*[:\uff1a]$/, '')
      .toLowerCase()
  );
}

const ANGLE_PLACEHOLDER = '<…>';

/**
 * True when a content line holds only placeholder text: once the
 * placeholders (`TODO`, `<…>` for any text in angle brackets, …), list
 * markers and punctuation are removed, nothing is left.
 */
export function isPlaceholderLine(text: string, placeholders: readonly string[]): boolean {
  let rest = text;
  for (const placeholder of placeholders) {
    rest =
      placeholder === ANGLE_PLACEHOLDER
        ? rest.replace(/<[^<>\n]*>/g, ' ')
        : rest.split(placeholder).join(' ');
  }
  if (rest === text) return false;
  return rest.replace(/[\s\p{P}\p{S}]/gu, '') === '';
}
