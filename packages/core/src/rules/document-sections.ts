import type { FindingSection } from '../findings.js';
import type { SectionSpec } from '../checks/docs/section.js';
import {
  appliesToDocuments,
  checkSections,
  describeRequirement,
  inspectDocuments,
  readOutline,
  type SectionCheck,
} from '../checks/docs/inspect.js';
import { plural } from '../text.js';
import type { Rule, RuleFinding } from './types.js';

/** How many sections a message names before "and N more" (the data lists them all). */
const NAMED_SECTIONS = 3;

/** `"Rollback" (or "回滚")`: the title and its aliases, JSON-quoted. */
function describeTitle(spec: SectionSpec): string {
  const aliases = spec.aliases.length
    ? ` (or ${spec.aliases.map((a) => JSON.stringify(a)).join(', ')})`
    : '';
  return `${JSON.stringify(spec.title)}${aliases}`;
}

/** The finding of a document with one gap: the message names it and its fix. */
function describeOneGap(where: string, gap: SectionCheck): RuleFinding {
  const title = JSON.stringify(gap.spec.title);
  return gap.gap === 'missing'
    ? {
        message: `The document ${where} has no section ${describeTitle(gap.spec)}. Add a heading with its content, for example "## ${gap.spec.title}" followed by a paragraph.`,
        hint: `Add "## ${gap.spec.title}" here, with its content.`,
      }
    : {
        message: `The section ${title} of the document ${where} is empty. Write its content below the heading.`,
        hint: `Fill in the section ${title}.`,
      };
}

/** The finding of a document with several gaps: the first few named, every one in `data`. */
function describeGaps(where: string, path: string, gaps: readonly SectionCheck[]): RuleFinding {
  const named = gaps
    .slice(0, NAMED_SECTIONS)
    .map((g) => `${describeTitle(g.spec)} (${g.gap}, line ${g.line})`);
  const more = gaps.length > NAMED_SECTIONS ? ` and ${gaps.length - NAMED_SECTIONS} more` : '';
  const sections: FindingSection[] = gaps.map((g) => ({
    title: g.spec.title,
    gap: g.gap === 'empty' ? 'empty' : 'missing',
    line: g.line,
  }));
  const first = gaps[0]?.spec.title ?? '';
  return {
    message:
      `The document ${where} lacks ${plural(gaps.length, 'required section')} with content: ` +
      `${named.join(', ')}${more}. Add each heading with its content, for example ` +
      `"## ${first}" followed by a paragraph.`,
    hint: `Add or fill in each section listed, starting with "## ${first}" here.`,
    data: { kind: 'documents', documents: [{ path, sections }] },
  };
}

/**
 * Every required document holds its required headings, each with content
 * below it: one finding per document, at its first gap's line (a missing
 * heading where it belongs), every gap with its line in the finding's data.
 */
export const documentSections: Rule = {
  id: 'document-sections',
  check: 'docs',
  description:
    'A required document holds each required section (a heading at any level, or an alias) with content below it.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
  evaluate({ facts, policy }) {
    const { release, required } = inspectDocuments(facts, policy);
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      for (const file of files) {
        const outline = readOutline(file);
        if (!outline) continue;
        const gaps = checkSections(outline, spec.sections, spec.placeholders).filter(
          (check) => check.gap === 'missing' || check.gap === 'empty',
        );
        const first = gaps[0];
        if (!first) continue;
        const where = describeRequirement(file.path, release);
        findings.push({
          ...(gaps.length === 1
            ? describeOneGap(where, first)
            : describeGaps(where, file.path, gaps)),
          file: file.path,
          line: first.line,
        });
      }
    }
    return findings;
  },
};
