/**
 * GitHub keeps at most 10 error annotations per step, and the step's own
 * failure message is one of them. A failing run with more errors than that
 * annotates 9 findings, keeps the 10th slot for the failure message, points
 * to the job summary with one notice, and lists every finding in the summary
 * and the outputs. Through the bundle, with a policy holding 12 problems.
 */
import { describe, expect, it } from '@jest/globals';
import {
  findHygieneProblems,
  POLICY_PATH,
  readFindings,
  runCheck,
  seedPullRequest,
  withEmulator,
} from './helpers.js';

const PROBLEMS = 12;

/** A policy whose 12 branch kinds each merge into a target that does not exist. */
const POLICY = [
  'branches:',
  '  kinds:',
  ...Array.from({ length: PROBLEMS }, (_, i) => [
    `    kind${i + 1}:`,
    `      patterns: ['kind${i + 1}/{slug}']`,
    `      into: [nowhere${i + 1}]`,
  ]).flat(),
  '',
].join('\n');

describe('annotation limits', () => {
  it.concurrent(
    'a run with 12 errors annotates 9 of them, then its failure message, and one notice',
    () =>
      withEmulator(async (emulator) => {
        const pr = seedPullRequest(emulator, { head: 'kind1/add-login', basePolicy: POLICY });
        const run = await runCheck(emulator, 'branch-name', pr);

        expect(run.exitCode).toBe(1);
        expect(readFindings(run)).toHaveLength(PROBLEMS);
        const errors = run.annotations.filter((a) => a.level === 'error');
        // 9 findings at their lines, in file order, and the failure message last: 10 in all.
        expect(errors).toHaveLength(10);
        expect(errors.slice(0, 9).map((a) => [a.file, a.line])).toEqual(
          Array.from({ length: 9 }, (_, i) => [POLICY_PATH, 5 + 3 * i]),
        );
        expect(errors.at(-1)).toEqual({
          level: 'error',
          message: `The policy has ${PROBLEMS} problems; see the annotations and the job summary.`,
        });
        expect(run.annotations.filter((a) => a.level === 'notice')).toEqual([
          expect.objectContaining({
            message: expect.stringMatching(
              /^3 more findings are not annotated: GitHub shows at most 10 annotations of each severity per step\. The job summary lists every finding\.$/,
            ),
          }),
        ]);
        // The summary has every problem, the hidden ones included.
        for (let i = 1; i <= PROBLEMS; i += 1) {
          expect(run.summary).toContain(`"nowhere${i}"`);
        }
        expect(findHygieneProblems(run)).toEqual([]);
      }),
  );
});
