/**
 * The documents of the next release, as the status report shows them: each
 * document the policy requires for the next release's type, read from the
 * mainline's working tree, as present, incomplete or missing. The docs
 * check gates releases; the status only says how far the documents are.
 */
import type { DocumentSpec, Policy } from '../../config/schema.js';
import type { DocumentFile, Facts } from '../../facts.js';
import { diffVersionCores } from '../../version-next.js';
import { parseStrictVersion } from '../../version-parse.js';
import { listReleaseTags } from '../../version-tags.js';
import { analyzeVersion } from '../../version.js';
import { checkSections, readOutline } from '../docs/inspect.js';
import { isReleaseType } from '../docs/release.js';
import type { ReleaseType } from '../docs/section.js';

/** The type the next release is taken as when no version facts tell it: the policy's main-version step. */
export const DEFAULT_NEXT_RELEASE_TYPE: ReleaseType = 'minor';

/** How far one required document is: `missing` (no file), `incomplete`, or `present`. */
export type DocumentState = 'missing' | 'incomplete' | 'present';

/** One required document of the next release. */
export interface NextReleaseDocument {
  /** The file found, or the policy's path (a glob, maybe) when none matched; untrusted text. */
  path: string;
  state: DocumentState;
  /** What makes it incomplete, or the sections it has; short. */
  detail?: string;
}

/** The documents of the mainline's next release. */
export interface NextReleaseDocuments {
  /** The branch the documents were read from: the policy's mainline. */
  branch: string;
  /** The next release's line (`1.5`). */
  line: string;
  /** The next release's type: the documents required are the ones the policy lists for it. */
  releaseType: ReleaseType;
  /**
   * Where the type comes from: `version` — the version analysis's recommended
   * next version for mainline; `default` — no version facts, so
   * {@link DEFAULT_NEXT_RELEASE_TYPE}.
   */
  releaseTypeFrom: 'version' | 'default';
  /** One per file each required entry matched, or one `missing` entry; in the policy's order. */
  items: NextReleaseDocument[];
}

/** A file that cannot be judged by its sections, with why. */
function describeUnjudgeable(file: DocumentFile): string | undefined {
  switch (file.problem) {
    case 'binary':
      return 'a binary file';
    case 'too-large':
      return `${file.size} bytes, over the 1 MiB limit`;
    case 'not-file':
      return 'not a regular file';
    case 'unreadable':
      return 'unreadable';
    default:
      break;
  }
  if (file.text === undefined || file.text.trim() === '') return 'empty';
  if (file.sameAsTemplate === true) return 'still its template';
  return undefined;
}

/** The section titles, quoted and comma-separated, for a detail: `"Changes", "Risk"`. */
function listTitles(titles: readonly string[]): string {
  return titles.map((t) => JSON.stringify(t)).join(', ');
}

/** Judges one file of a required entry with the docs check's own section checks. */
function judgeFile(spec: DocumentSpec, file: DocumentFile): NextReleaseDocument {
  const unjudgeable = describeUnjudgeable(file);
  const outline = unjudgeable === undefined ? readOutline(file) : undefined;
  if (!outline) return { path: file.path, state: 'incomplete', detail: unjudgeable ?? 'empty' };
  const checks = checkSections(outline, spec.sections, spec.placeholders);
  const gaps = (['missing', 'empty', 'placeholder'] as const).flatMap((gap) => {
    const titles = checks.filter((c) => c.gap === gap).map((c) => c.spec.title);
    return titles.length > 0 ? [`${gap}: ${listTitles(titles)}`] : [];
  });
  if (gaps.length > 0) return { path: file.path, state: 'incomplete', detail: gaps.join('; ') };
  const titles = spec.sections.map((s) => s.title);
  return {
    path: file.path,
    state: 'present',
    ...(titles.length > 0 ? { detail: `sections ${listTitles(titles)}` } : {}),
  };
}

/** The next release's type and line from the version analysis, when version facts are there. */
function readVersionedNext(
  facts: Facts,
  policy: Policy,
): { releaseType: ReleaseType; line: string } | undefined {
  if (!facts.version) return undefined;
  const analysis = analyzeVersion(facts, policy);
  const next = parseStrictVersion(analysis.recommended);
  if (!next.ok) return undefined;
  const previous = analysis.previous ? parseStrictVersion(analysis.previous) : undefined;
  const bump =
    next.prerelease.length > 0
      ? 'prerelease'
      : diffVersionCores(previous?.ok ? previous : undefined, next);
  if (!isReleaseType(bump)) return undefined;
  return { releaseType: bump, line: `${next.major}.${next.minor}` };
}

/** The line a minor step from the newest release tag opens (`1.4.2` -> `1.5`), else the initial version's. */
function readDefaultLine(facts: Facts, policy: Policy): string {
  const newest = listReleaseTags(facts.audit?.tagNames ?? [], policy)[0];
  if (newest) return `${newest.major}.${newest.minor + 1}`;
  const initial = parseStrictVersion(policy.versioning.initial);
  return initial.ok ? `${initial.major}.${initial.minor}` : '0.1';
}

/**
 * The documents of the mainline's next release, read from `facts.documents`
 * (the working tree of a mainline checkout; the adapter gives `documentsUnread`
 * instead for another branch or commit): every entry the policy requires
 * for the next release's type — the version analysis's recommended step when
 * version facts are there, else {@link DEFAULT_NEXT_RELEASE_TYPE} — as
 * `missing` (no file matched), `incomplete` (binary, unreadable, empty,
 * still its template, a required section missing, empty or placeholder
 * text) or `present`. Undefined without documents facts. Pure.
 */
export function inspectNextReleaseDocuments(
  facts: Facts,
  policy: Policy,
): NextReleaseDocuments | undefined {
  if (!facts.documents) return undefined;
  const versioned = readVersionedNext(facts, policy);
  const releaseType = versioned?.releaseType ?? DEFAULT_NEXT_RELEASE_TYPE;
  const entries = facts.documents.entries;
  const items = policy.documents.flatMap((spec): NextReleaseDocument[] => {
    if (!spec.requiredFor.includes(releaseType)) return [];
    const files = entries.find((e) => e.path === spec.path)?.files ?? [];
    if (files.length === 0)
      return [{ path: spec.path, state: 'missing', detail: 'no file matched' }];
    return files.map((file) => judgeFile(spec, file));
  });
  return {
    branch: policy.mainline,
    line: versioned?.line ?? readDefaultLine(facts, policy),
    releaseType,
    releaseTypeFrom: versioned ? 'version' : 'default',
    items,
  };
}
