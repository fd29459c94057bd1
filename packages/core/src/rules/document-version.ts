import {
  appliesToDocuments,
  describeRequirement,
  inspectDocuments,
} from '../checks/docs/inspect.js';
import type { Rule, RuleFinding } from './types.js';

const WORD = /[0-9A-Za-z]/;

/**
 * True when `text` holds `version` (or `v` + version) as a whole word:
 * `1.4.0` is not in `11.4.0` nor in `1.4.0.1` or `1.4.0-rc.1`.
 */
export function mentionsVersion(text: string, version: string): boolean {
  for (let at = text.indexOf(version); at >= 0; at = text.indexOf(version, at + 1)) {
    let before = text[at - 1] ?? '';
    if (before === 'v' || before === 'V') before = text[at - 2] ?? '';
    const after = text[at + version.length] ?? '';
    const afterNext = text[at + version.length + 1] ?? '';
    const continues =
      WORD.test(after) || ((after === '.' || after === '-') && WORD.test(afterNext));
    if (!WORD.test(before) && before !== '.' && !continues) return true;
  }
  return false;
}

/** A document with `mention-version` names the version being released. */
export const documentVersion: Rule = {
  id: 'document-version',
  check: 'docs',
  description: 'A required document with mention-version names the version being released.',
  defaultSeverity: 'error',
  applies: ({ facts, policy }) =>
    appliesToDocuments(facts, policy) && inspectDocuments(facts, policy).version !== undefined,
  evaluate({ facts, policy }) {
    const { release, required, version } = inspectDocuments(facts, policy);
    if (version === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const { spec, files } of required) {
      if (!spec.mentionVersion) continue;
      for (const file of files) {
        // Unreadable and empty files are document-present's.
        if (file.text === undefined || file.problem !== undefined || !file.text.trim()) continue;
        if (mentionsVersion(file.text, version)) continue;
        findings.push({
          message: `The document ${describeRequirement(file.path, release)} does not mention the version ${JSON.stringify(version)} being released. Name it as a whole word, e.g. "## ${version}" or "v${version}".`,
          file: file.path,
          line: 1,
          hint: `Mention ${version} in the document.`,
        });
      }
    }
    return findings;
  },
};
