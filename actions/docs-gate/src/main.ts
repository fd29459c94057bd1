import {
  docsCheck,
  isReleaseType,
  parseStrictVersion,
  quoteValue,
  selectSourceParseOptions,
  type Policy,
} from '@release-policy/core';
import { createGit, gatherDocumentFacts, gatherVersionFacts } from '@release-policy/git';
import {
  ACTIONS_DOCS,
  createBaseTemplateSource,
  gatherRunFacts,
  InputError,
  runPolicyAction,
  type GatherInput,
  type Gathered,
} from '@release-policy/github';

/**
 * The docs-gate action: on a releasing run, the documents the release type
 * needs; on a pull request, the change request in its description (re-read
 * from the API by the shared flow, which the check wants).
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runPolicyAction({ check: docsCheck, gather: gatherDocs }, env);
}

/**
 * The `release-type` input, checked.
 * @throws InputError when it is not a release type.
 */
function readReleaseType(input: string | undefined): string | undefined {
  if (!input) return undefined;
  if (isReleaseType(input)) return input;
  throw new InputError(
    `The release-type input ${quoteValue(input)} is not a release type. Give one of major, minor, ` +
      `patch, prerelease, e.g. "release-type: minor", or leave it out to take it from the version. ` +
      `Read more: ${ACTIONS_DOCS}#docs-gate-inputs`,
  );
}

/**
 * The `version` input, checked as the version sources read it (one of the
 * policy's tag prefixes may lead it): a value that is not a version would
 * make the run release with no release type, so no document would be required.
 * @throws InputError when it is not a version.
 */
function readReleaseVersion(input: string | undefined, policy: Policy): string | undefined {
  if (!input) return undefined;
  const source = { kind: 'input', value: input, label: 'version input' } as const;
  const parsed = parseStrictVersion(input, selectSourceParseOptions(source, policy));
  if (parsed.ok) return input;
  throw new InputError(
    `The version input ${quoteValue(input)} is not a version: ${parsed.problem.replace(/ See \S+$/, '')} ` +
      'Give a SemVer version, e.g. "version: 1.4.0", or leave it out to take the declared one. ' +
      `Read more: ${ACTIONS_DOCS}#docs-gate-inputs`,
  );
}

async function gatherDocs(input: GatherInput): Promise<Gathered> {
  const { context, policy, workspace, inputs } = input;
  const releaseType = readReleaseType(inputs.get('release-type'));
  const inputVersion = readReleaseVersion(inputs.get('version'), policy);
  const git = createGit({ cwd: workspace });
  const run = gatherRunFacts(context, {});
  // A shallow clone hides tags and commits: completed first, or the run stops with the fix.
  const version = await gatherVersionFacts({
    git,
    cwd: workspace,
    policy,
    branch: run.branch,
    inputVersion,
    pushedTag: context.refType === 'tag' ? context.refName : undefined,
    complete: 'action',
  });
  const facts = { ...run, version };
  // A pull request's templates come from its base commit, as its policy does: never from the checkout.
  const templates = createBaseTemplateSource(context, input.octokit);
  const documents = await gatherDocumentFacts({
    git,
    cwd: workspace,
    policy,
    facts,
    ...(releaseType === undefined ? {} : { releaseType }),
    ...(templates === undefined ? {} : { templates }),
  });
  return {
    facts: { ...facts, documents },
    fields: run.branch ? { branch: run.branch.name } : {},
  };
}
