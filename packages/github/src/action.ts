import * as core from '@actions/core';
import {
  ConfigError,
  convertConfigIssuesToFindings,
  evaluate,
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
import { ACTIONS_DOCS, quoteValue } from './text.js';

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
    const report = (findings: Finding[], fields: Record<string, string>) =>
      reportFindings({
        check: spec.check,
        title: spec.title,
        findings,
        octokit,
        context,
        fields,
        botLogin: core.getInput('bot-login') || undefined,
        comment: core.getInput('comment') !== 'false',
      });

    let policy: Policy;
    try {
      policy = await loadRunPolicy({ context, octokit, workspace, path: core.getInput('policy') });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A malformed policy is shown where the author looks, at file:line:col.
      const findings = convertConfigIssuesToFindings(error.issues);
      setOutputs({ ok: false, findings });
      await report(findings, { policy: core.getInput('policy') || '.github/release-policy.yml' });
      core.setFailed(error.message);
      return;
    }

    const gathered = await spec.gather({ context, policy, octokit, env, workspace });
    const evaluation = evaluate(gathered.facts, policy, now(), { checks: spec.checks });
    const findings = [...(gathered.findings ?? []), ...evaluation.findings];
    const ok = !findings.some((f) => f.severity === 'error');
    setOutputs({ ...gathered.outputs, ok, findings });
    const result = await report(findings, { policy: policy.source, ...gathered.fields });
    if (!ok) {
      const errors = findings.filter((f) => f.severity === 'error').length;
      core.setFailed(
        `${spec.title}: ${errors} policy error${errors === 1 ? '' : 's'}; see the annotations and the job summary` +
          (result.comment.status === 'forbidden'
            ? ' (the pull-request comment could not be written).'
            : '.'),
      );
    } else {
      logData(
        `${spec.title}: passed (${findings.length} finding${findings.length === 1 ? '' : 's'}).`,
      );
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
