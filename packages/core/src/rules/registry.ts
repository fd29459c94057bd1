import { CHECKS } from '../checks/registry.js';
import type { Rule } from './types.js';

/** Every rule of every check, in the order findings are produced (the checks' own order). */
export const RULES: readonly Rule[] = CHECKS.flatMap((check) => check.rules);
