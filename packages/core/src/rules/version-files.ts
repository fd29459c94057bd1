import { POLICY_DOCS } from '../config/constants.js';
import type { VersionFileProblem } from '../facts.js';
import { TOML_VERSION_TABLES } from '../version-files.js';
import { quoteVersionText } from '../version.js';
import type { Rule, RuleFinding } from './types.js';

const FORMS =
  'a JSON file needs a top-level "version": "1.4.0"; a TOML file needs version = "1.4.0" under ' +
  `${TOML_VERSION_TABLES.map((t) => `[${t}]`).join(', ')}; a text file (VERSION) holds the version on its first non-empty line`;

function describe(p: VersionFileProblem): RuleFinding {
  const file = quoteVersionText(p.file, 120);
  const detail = p.detail ? `: ${p.detail}` : '';
  const at: RuleFinding = { message: '', file: p.file };
  if (p.line !== undefined) at.line = p.line;
  if (p.column !== undefined) at.column = p.column;
  if (p.problem === 'missing') {
    return {
      ...at,
      message:
        `The version file ${file} listed in versioning.files does not exist. ` +
        `Create it, fix the path, or mark it optional, e.g. { path: ${file}, optional: true }.`,
      hint: 'Fix versioning.files in the policy, or add the file.',
      docs: `${POLICY_DOCS}#versioning`,
    };
  }
  if (p.problem === 'unreadable' && p.syntax) {
    return {
      ...at,
      message: `The version file ${file} could not be read${detail}. Fix the file so that it parses; ${FORMS}.`,
      hint: 'Make the file valid, or point versioning.files at the right format ({ path, format }).',
    };
  }
  if (p.problem === 'unreadable') {
    // A refused path, an I/O error or an ambiguous file: the detail says what and how to fix it.
    return {
      ...at,
      message: `The version file ${file} could not be read${detail}.`,
      hint: 'Fix the file or the path in versioning.files as the message says.',
    };
  }
  return {
    ...at,
    message: `The version file ${file} declares no version${detail}. Expected: ${FORMS}.`,
    hint: 'Add the version to the file, or remove the file from versioning.files.',
  };
}

/** Every required version file exists, parses and declares a version. */
export const versionFiles: Rule = {
  id: 'version-files',
  check: 'version',
  description: 'Every version file the policy lists exists, can be read and declares a version.',
  defaultSeverity: 'error',
  applies: (ctx) => ctx.facts.version !== undefined,
  evaluate({ facts, policy }) {
    const optional = new Set(policy.versioning.files.filter((f) => f.optional).map((f) => f.path));
    return (facts.version?.fileProblems ?? [])
      .filter((p) => !(p.problem === 'missing' && optional.has(p.file)))
      .map(describe);
  },
};
