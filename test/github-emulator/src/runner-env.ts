/**
 * The environment the GitHub runner gives a JavaScript action, derived from
 * the event, and the few `${{ }}` expressions action.yml defaults use.
 */

/** What the environment is derived from. */
export interface RunnerContext {
  eventName: string;
  payload: Record<string, unknown>;
  token: string;
  apiUrl: string;
  workspace: string;
  temp: string;
  ref?: string;
  sha?: string;
  repository?: string;
  actor?: string;
  /** The runner's results service (`ACTIONS_RESULTS_URL`) for `@actions/artifact`. */
  resultsUrl?: string;
  /** The runner's `ACTIONS_RUNTIME_TOKEN` for that service. */
  runtimeToken?: string;
}

/** The runner's files for one step. */
export interface RunnerFiles {
  event: string;
  output: string;
  summary: string;
  state: string;
  env: string;
  path: string;
}

type Json = Record<string, unknown>;

function get(object: unknown, path: string[]): unknown {
  let node = object;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** GITHUB_REF, GITHUB_SHA and the head/base refs for an event, as the runner sets them. */
export function deriveRefs(context: RunnerContext) {
  const p = context.payload;
  const pr = (p.pull_request ?? undefined) as Json | undefined;
  const defaultBranch = str(get(p, ['repository', 'default_branch'])) ?? 'main';
  let ref = `refs/heads/${defaultBranch}`;
  let sha = '0000000000000000000000000000000000000000';
  let headRef = '';
  let baseRef = '';
  if (
    pr &&
    (context.eventName === 'pull_request' || context.eventName.startsWith('pull_request_'))
  ) {
    headRef = str(get(pr, ['head', 'ref'])) ?? '';
    baseRef = str(get(pr, ['base', 'ref'])) ?? '';
    if (context.eventName === 'pull_request_target') {
      ref = `refs/heads/${baseRef}`;
      sha = str(get(pr, ['base', 'sha'])) ?? sha;
    } else {
      ref = `refs/pull/${str(pr.number) ?? '1'}/merge`;
      sha = str(pr.merge_commit_sha) ?? str(get(pr, ['head', 'sha'])) ?? sha;
    }
  } else if (context.eventName === 'push') {
    ref = str(p.ref) ?? ref;
    sha = str(p.after) ?? sha;
  } else if (context.eventName === 'release') {
    ref = `refs/tags/${str(get(p, ['release', 'tag_name'])) ?? ''}`;
  } else if (typeof p.ref === 'string') {
    ref = p.ref.startsWith('refs/') ? p.ref : `refs/heads/${p.ref}`;
  }
  ref = context.ref ?? ref;
  sha = context.sha ?? sha;
  const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  const refName = ref.replace(/^refs\/(heads|tags|pull)\//, '');
  return { ref, sha, headRef, baseRef, refType, refName };
}

/** Builds the runner's environment (no variables of the calling process leak in but PATH/HOME). */
export function buildRunnerEnv(context: RunnerContext, files: RunnerFiles): Record<string, string> {
  const p = context.payload;
  const repository =
    context.repository ?? str(get(p, ['repository', 'full_name'])) ?? 'octo-org/app';
  const owner = repository.split('/')[0] ?? '';
  const actor = context.actor ?? str(get(p, ['sender', 'login'])) ?? 'octocat';
  const refs = deriveRefs(context);
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TZ', 'SYSTEMROOT', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTION_REF: '',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: str(get(p, ['sender', 'id'])) ?? '1',
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_API_URL: context.apiUrl,
    GITHUB_GRAPHQL_URL: `${context.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_ID: str(get(p, ['repository', 'id'])) ?? '1',
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_OWNER_ID: str(get(p, ['repository', 'owner', 'id'])) ?? '1',
    GITHUB_EVENT_NAME: context.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: refs.ref,
    GITHUB_REF_NAME: refs.refName,
    GITHUB_REF_TYPE: refs.refType,
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_SHA: refs.sha,
    GITHUB_HEAD_REF: refs.headRef,
    GITHUB_BASE_REF: refs.baseRef,
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'test',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/test.yml@${refs.ref}`,
    GITHUB_WORKFLOW_SHA: refs.sha,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_WORKSPACE: context.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: context.temp,
    RUNNER_TOOL_CACHE: `${context.temp}/toolcache`,
    ...(context.resultsUrl && context.runtimeToken
      ? {
          ACTIONS_RESULTS_URL: `${context.resultsUrl}/`,
          ACTIONS_RUNTIME_TOKEN: context.runtimeToken,
        }
      : {}),
  };
}

function evaluateTerm(
  term: string,
  context: RunnerContext,
  env: Record<string, string>,
): string | undefined {
  const literal = /^'((?:[^']|'')*)'$/.exec(term);
  if (literal) return (literal[1] ?? '').replace(/''/g, "'");
  const path = term.split('.');
  const [root, ...rest] = path;
  if (root === 'github') {
    const simple: Record<string, string | undefined> = {
      token: context.token,
      event_name: env.GITHUB_EVENT_NAME,
      ref: env.GITHUB_REF,
      ref_name: env.GITHUB_REF_NAME,
      sha: env.GITHUB_SHA,
      repository: env.GITHUB_REPOSITORY,
      repository_owner: env.GITHUB_REPOSITORY_OWNER,
      actor: env.GITHUB_ACTOR,
      workspace: env.GITHUB_WORKSPACE,
      head_ref: env.GITHUB_HEAD_REF,
      base_ref: env.GITHUB_BASE_REF,
      server_url: env.GITHUB_SERVER_URL,
      api_url: env.GITHUB_API_URL,
      run_id: env.GITHUB_RUN_ID,
      run_number: env.GITHUB_RUN_NUMBER,
    };
    if (rest[0] === 'event') {
      const value = get(context.payload, rest.slice(1));
      return value === undefined || value === null
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    }
    if (rest.length === 1 && rest[0] !== undefined && rest[0] in simple)
      return simple[rest[0]] ?? '';
  }
  if (root === 'runner' && rest.length === 1) {
    const map: Record<string, string | undefined> = {
      temp: env.RUNNER_TEMP,
      os: env.RUNNER_OS,
      arch: env.RUNNER_ARCH,
    };
    if (rest[0] !== undefined && rest[0] in map) return map[rest[0]] ?? '';
  }
  if (root === 'env' && rest.length === 1 && rest[0] !== undefined) return env[rest[0]] ?? '';
  return undefined;
}

/**
 * Evaluates an action.yml input default: plain text, or `${{ }}` holding
 * property paths of `github`, `runner`, `env` and quoted strings joined by `||`.
 * Anything else throws, naming the expression.
 */
export function evaluateDefault(
  text: string,
  context: RunnerContext,
  env: Record<string, string>,
): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    for (const term of expression.split('||').map((t) => t.trim())) {
      const value = evaluateTerm(term, context, env);
      if (value === undefined) {
        throw new Error(
          `Cannot evaluate the input default ${JSON.stringify(text)}: ${JSON.stringify(term)} is not supported; use a property path of github, runner or env, a 'quoted string', or pass the input explicitly.`,
        );
      }
      if (value !== '') return value;
    }
    return '';
  });
}
