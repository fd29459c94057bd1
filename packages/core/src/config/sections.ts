/**
 * Every policy section a check owns, in the order they appear in the file,
 * the JSON Schema and the default policy. A check with a new section adds it
 * here (and lists it in its definition; a test keeps the two equal).
 */
import { auditSection } from '../checks/audit/section.js';
import { branchesSection } from '../checks/branch/section.js';
import { changeRequestSection, documentsSection } from '../checks/docs/section.js';
import { changelogSection } from '../checks/changelog/section.js';
import { patchesSection } from '../checks/patches/section.js';
import { environmentsSection } from '../checks/promote/section.js';
import { commitsSection, versioningSection } from '../checks/version/section.js';

/** Every check-owned policy section. */
export const POLICY_SECTIONS = [
  branchesSection,
  versioningSection,
  commitsSection,
  documentsSection,
  changeRequestSection,
  patchesSection,
  changelogSection,
  environmentsSection,
  auditSection,
] as const;
