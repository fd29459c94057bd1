/**
 * What the docs check finds wrong with the required documents and the
 * change request, computed once per facts object and shared by the rules
 * (each reports its own kind of gap) and the check's outputs.
 */
import type { DocumentSpec, Policy, SectionSpec } from '../../config/schema.js';
import type { DocumentFile, Facts, PullRequestFacts } from '../../facts.js';
import {
  isPlaceholderLine,
  normalizeHeading,
  parseMarkdownOutline,
  type MarkdownOutline,
  type MarkdownSection,
} from '../../markdown.js';
import { analyzeVersion } from '../../version.js';
import { classifyRelease, type ReleaseClass } from './release.js';

/** Where a heading stands in a parsed document, or where a missing one belongs. */
export interface SectionCheck {
  spec: SectionSpec;
  /** The heading found; absent when missing. */
  found?: MarkdownSection;
  /** The line a finding points at: the heading, or where the missing heading belongs. */
  line: number;
  /** What is wrong with it; absent when it is fine. */
  gap?: 'missing' | 'empty' | 'placeholder';
  /** For a placeholder, the first placeholder line. */
  placeholderLine?: number;
}

/** Matches `text` against the required sections in order. Pure. */
export function checkSections(
  outline: MarkdownOutline,
  specs: readonly SectionSpec[],
  placeholders: readonly string[],
): SectionCheck[] {
  const found = specs.map((spec) => findSection(outline, spec));
  return specs.map((spec, index) => {
    const section = found[index];
    if (!section) return { spec, line: locateMissing(outline, found, index), gap: 'missing' };
    if (section.content.length === 0)
      return { spec, found: section, line: section.line, gap: 'empty' };
    const onlyPlaceholders = section.content.every((c) => isPlaceholderLine(c.text, placeholders));
    if (onlyPlaceholders) {
      const placeholderLine = section.content[0]?.line ?? section.line;
      return { spec, found: section, line: placeholderLine, gap: 'placeholder', placeholderLine };
    }
    return { spec, found: section, line: section.line };
  });
}

/**
 * The first heading of `outline` that is `spec`'s title or one of its
 * aliases, compared as {@link normalizeHeading} says; undefined without one.
 * The change-request check and the release notes' risk assessment both read
 * sections through it.
 */
export function findSection(
  outline: MarkdownOutline,
  spec: SectionSpec,
): MarkdownSection | undefined {
  const names = [spec.title, ...spec.aliases].map(normalizeHeading);
  return outline.sections.find((s) => names.includes(normalizeHeading(s.title)));
}

/**
 * Where a missing section belongs: after the preceding required section
 * that is there (its last line), else before the next one, else line 1.
 */
function locateMissing(
  outline: MarkdownOutline,
  found: readonly (MarkdownSection | undefined)[],
  index: number,
): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    const before = found[i];
    if (before) return before.endLine;
  }
  const after = found.slice(index + 1).find((s) => s !== undefined);
  return after ? after.line : Math.min(1, outline.lineCount);
}

/** One required document and what was found for it. */
export interface RequiredDocument {
  spec: DocumentSpec;
  /** The files its path matched. */
  files: DocumentFile[];
}

/** The required documents of a releasing run, with the release. */
export interface DocumentsInspection {
  release: ReleaseClass;
  /** The entries required for this release type; empty when the run does not release. */
  required: RequiredDocument[];
  /** The version released, without prefix, when known. */
  version?: string;
}

const inspections = new WeakMap<Facts, WeakMap<Policy, DocumentsInspection>>();

/** Classifies the run and lists the documents its release type needs. Pure; cached per facts and policy. */
export function inspectDocuments(facts: Facts, policy: Policy): DocumentsInspection {
  const cached = inspections.get(facts)?.get(policy);
  if (cached) return cached;
  const release = classifyRelease(facts, policy);
  const type = release.type;
  const entries = facts.documents?.entries ?? [];
  const required =
    type === undefined
      ? []
      : policy.documents.flatMap((spec) =>
          spec.requiredFor.includes(type)
            ? [{ spec, files: entries.find((e) => e.path === spec.path)?.files ?? [] }]
            : [],
        );
  const version = facts.version ? analyzeVersion(facts, policy).version : undefined;
  const inspection = { release, required, ...(version === undefined ? {} : { version }) };
  const byPolicy = inspections.get(facts) ?? new WeakMap<Policy, DocumentsInspection>();
  byPolicy.set(policy, inspection);
  inspections.set(facts, byPolicy);
  return inspection;
}

/** True when the documents rules have something to judge: a release of a known type, and documents facts. */
export function appliesToDocuments(facts: Facts, policy: Policy): boolean {
  return (
    facts.documents !== undefined && inspectDocuments(facts, policy).release.type !== undefined
  );
}

/** The readable, non-empty text of a document file, parsed; undefined for the others. */
export function readOutline(file: DocumentFile): MarkdownOutline | undefined {
  if (file.problem !== undefined || file.text === undefined || file.text.trim() === '') {
    return undefined;
  }
  return parseMarkdownOutline(file.text);
}

/** `the release notes "docs/release/release-notes.md" required for a minor release` */
export function describeRequirement(file: string, release: ReleaseClass): string {
  return `${JSON.stringify(file)}, required for a ${release.type ?? 'release'} release (${release.reason}),`;
}

/** Why the pull request is not checked (an exempt label or author), or undefined. */
export function describeExemption(pr: PullRequestFacts, policy: Policy): string | undefined {
  const { exemptLabels, exemptAuthors } = policy.changeRequest;
  const label = pr.labels.find((l) => exemptLabels.includes(l));
  if (label !== undefined) return `the label ${JSON.stringify(label)}`;
  if (exemptAuthors.includes(pr.author)) return `the author ${JSON.stringify(pr.author)}`;
  return undefined;
}

/** True when the change-request rules judge this run: a pull request that is not exempt. */
export function appliesToChangeRequest(facts: Facts, policy: Policy): boolean {
  return (
    facts.pullRequest !== undefined && describeExemption(facts.pullRequest, policy) === undefined
  );
}
