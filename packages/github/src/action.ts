import * as core from '@actions/core';
import { posix } from 'node:path';
import {
  ConfigError,
  POLICY_PATH,
  ReleasePolicyError,
  convertConfigIssuesToFindings,
  evaluate,
  plural,
  quoteValue,
  type CheckName,
  type Facts,
  type Finding,
  type Policy,
} from '@release-policy/core';
import { readRunContext, type RunContext } from './context.js';
import { GitHubApiError } from './errors.js';
import { createOctokit, type Octokit } from './octokit.js';
import { setOutputs, type OutputValue } from './outputs.js';
import { reportFindings } from './report.js';
import { loadRunPolicy } from './run-policy.js';
import { logData } from './log.js';
import { ACTIONS_DOCS } from './text.js';

/** What an action adds to the shared flow: how it gathers its facts. */
export interface PolicyActionSpec {
  /** The check id: names the sticky comment and the summary, e.g. `branch-name`. */
  check: string;
  /** Human title, e.g. `Branch name`. */
  title: string;
  /** The core checks to evaluate. */
  checks: readonly CheckName[];
  /** Reads the action's inputs and the run, and returns facts plus outputs. */
  gather(input: GatherInput): Promise<Gathered>;
}

/** What `gather` is given. */
export interface GatherInput {
  context: RunContext;
  policy: Policy;
  octokit?: Octokit;
  env: NodeJS.ProcessEnv;
  /** The checked-out repository (`GITHUB_WORKSPACE`). */
  workspace: string;
}

/** What `gather` returns. */
export interface Gathered {
  facts: Facts;
  /** Action outputs besides `ok` and `findings`. */
  outputs: Record<string, OutputValue>;
  /** Facts shown in the summary and comment. */
  fields: Record<string, string>;
  /** Findings the action itself found before the core ran (e.g. shallow history). */
  findings?: Finding[];
  /**
   * The repository-relative folder the findings' files are relative to, e.g.
   * `app` when the action read `app/package.json` as `package.json`. The
   * shared flow prefixes every finding's file with it before reporting, so
   * annotations and links land on the right file. Absent or `.`: the root.
   */
  root?: string;
}

/**
 * Makes finding files repository-relative: prefixes each `file` with `root`
 * (posix separators, `./` and duplicate slashes removed). A root that is
 * empty, `.`, absolute or leaves the repository (`..`) changes nothing.
 * Returns new findings; the input is not modified. Pure.
 */
export function prefixFindingFiles(
  findings: readonly Finding[],
  root: string | undefined,
): Finding[] {
  const folder = posix
    .normalize((root ?? '').replace(/\\/g, '/'))
    .replace(/^\.\/?$/, '')
    .replace(/\/+$/, '');
  if (
    !folder ||
    posix.isAbsolute(folder) ||
    /^[A-Za-z]:/.test(folder) ||
    folder.split('/').includes('..')
  )
    return [...findings];
  return findings.map((f) =>
    f.file
      ? { ...f, file: posix.join(folder, f.file.replace(/\\/g, '/').replace(/^\.?\/+/, '')) }
      : f,
  );
}

/** Input values `core.getBooleanInput` accepts, as in the YAML 1.2 core schema. */
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

/**
 * Parses the value `raw` of the boolean input `name`: empty means
 * `fallback`; `true`/`True`/`TRUE` and `false`/`False`/`FALSE` as
 * `core.getBooleanInput` reads them; anything else (`no`, `off`, `0`) throws
 * a teaching {@link ReleasePolicyError} instead of being read as either.
 */
export function parseBooleanInput(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (TRUE_VALUES.includes(raw)) return true;
  if (FALSE_VALUES.includes(raw)) return false;
  throw new ReleasePolicyError(
    `The input ${quoteValue(name)} is ${quoteValue(raw)}, which is neither true nor false. ` +
      `Give one of true, True, TRUE, false, False or FALSE, e.g. "${name}: false". Read more: ${ACTIONS_DOCS}#branch-name-inputs`,
  );
}

/** The policy-file findings of a malformed policy; on a pull request the hint says which copy counts. */
function convertPolicyErrorToFindings(error: ConfigError, context: RunContext): Finding[] {
  const findings = convertConfigIssuesToFindings(error.issues);
  if (!context.pullRequest) return findings;
  return findings.map((f) => ({
    ...f,
    hint: "Fix the policy file on the base branch; the pull request's own copy is not used until merged.",
  }));
}

/**
 * The flow every policy action shares: read the run, load the policy from
 * the right commit, gather facts, evaluate, then report everywhere (outputs,
 * annotations, job summary, sticky comment) and fail when an error was found.
 * Errors are converted once, here: the action fails with their teaching
 * message and never passes silently.
 */
export async function runPolicyAction(
  spec: PolicyActionSpec,
  env: NodeJS.ProcessEnv = process.env,
  now: () => Date = () => new Date(),
): Promise<void> {
  try {
    const context = readRunContext(env);
    for (const problem of context.problems) core.warning(problem);
    const token = core.getInput('token');
    const octokit = token ? refuseUnreadableAnswers(createOctokit({ token, env })) : undefined;
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const comment = parseBooleanInput('comment', core.getInput('comment'), true);
    const report = (findings: Finding[], fields: Record<string, string>) =>
      reportFindings({
        check: spec.check,
        title: spec.title,
        findings,
        octokit,
        context,
        fields,
        botLogin: core.getInput('bot-login') || undefined,
        comment,
      });

    let policy: Policy;
    try {
      policy = await loadRunPolicy({ context, octokit, workspace, path: core.getInput('policy') });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A malformed policy is shown where the author looks, at file:line:col.
      const findings = convertPolicyErrorToFindings(error, context);
      setOutputs({ ok: false, findings });
      await report(findings, { policy: core.getInput('policy') || POLICY_PATH });
      // One line: the problems are the annotations above and the summary.
      core.setFailed(
        `The policy has ${plural(findings.length, 'problem')}; see the annotations and the job summary.`,
      );
      return;
    }

    const gathered = await spec.gather({ context, policy, octokit, env, workspace });
    const evaluation = evaluate(gathered.facts, policy, now(), { checks: spec.checks });
    const findings = prefixFindingFiles(
      [...(gathered.findings ?? []), ...evaluation.findings],
      gathered.root,
    );
    const ok = !findings.some((f) => f.severity === 'error');
    setOutputs({ ...gathered.outputs, ok, findings });
    const result = await report(findings, { policy: policy.source, ...gathered.fields });
    if (!ok) {
      const errors = findings.filter((f) => f.severity === 'error').length;
      core.setFailed(
        `${spec.title}: ${plural(errors, 'policy error')}; see the annotations and the job summary` +
          (result.comment.status === 'forbidden'
            ? ' (the pull-request comment could not be written).'
            : '.'),
      );
    } else {
      logData(`${spec.title}: passed (${plural(findings.length, 'finding')}).`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** What an answer looks like to the check below (Octokit's response and request options). */
interface AnswerShape {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}
interface RequestShape {
  method?: string;
  url?: string;
  mediaType?: { format?: string };
}

/**
 * Why an answer with a success status cannot be read, or undefined when it
 * can: a JSON body that does not parse (cut short), an HTML page (a proxy or
 * load balancer answering for GitHub), or text where JSON was asked for.
 */
function describeUnreadableAnswer(answer: AnswerShape, request: RequestShape): string | undefined {
  if (answer.status === 204 || answer.status === 205 || request.method === 'HEAD') return undefined;
  const type = String(answer.headers['content-type'] ?? '').toLowerCase();
  const text = typeof answer.data === 'string' ? answer.data : undefined;
  if (/\bjson\b/.test(type) && text !== undefined) {
    return `a JSON body that does not parse (cut short?): ${quoteValue(text, 80)}`;
  }
  if (type.startsWith('text/html')) return 'an HTML page instead of API data';
  if (!request.mediaType?.format && (text !== undefined || answer.data instanceof ArrayBuffer)) {
    return `${quoteValue(type || 'no content type')} instead of JSON`;
  }
  return undefined;
}

/** The route of a request: its template, or the path of a full URL (pagination), without the query. */
function describeRoute(url = ''): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/**
 * Makes every call fail with a teaching {@link GitHubApiError} when GitHub's
 * answer has a success status but a body that cannot be read, so a cut-short
 * answer is never taken for a policy file (and parsed as YAML) or for an
 * empty comment list. Such an answer is not retried: it ends the run with
 * the request, what arrived and what to do.
 */
function refuseUnreadableAnswers(octokit: Octokit): Octokit {
  octokit.hook.after('request', (answer, request) => {
    const problem = describeUnreadableAnswer(
      answer as unknown as AnswerShape,
      request as unknown as RequestShape,
    );
    if (!problem) return;
    const operation = `${request.method ?? 'GET'} ${describeRoute(request.url)}`;
    const requestId = answer.headers['x-github-request-id'];
    throw new GitHubApiError(
      `${operation} answered ${answer.status} with ${problem}` +
        `${requestId ? ` (request id ${requestId})` : ''}. Nothing was read from it. ` +
        'The answer was cut short on the way or came from a proxy in front of the API: re-run the job, ' +
        'and if it persists check that GITHUB_API_URL points at the API (e.g. "https://api.github.com"). ' +
        `Read more: ${ACTIONS_DOCS}#troubleshooting`,
      {
        status: answer.status,
        operation,
        kind: 'server',
        requestId: requestId ? String(requestId) : undefined,
      },
    );
  });
  return octokit;
}
