/**
 * Our own security audit of the workflows we ship (issue 14 §2): each rule
 * reads one parsed workflow and returns every place that breaks it, so a
 * test can name the file, the job and the step.
 */
import { parse } from 'yaml';

/** The rules of the audit, one id each (the test names them). */
export const AUDIT_RULES = [
  'top-level-permissions',
  'job-permissions',
  'untrusted-expression-in-run',
  'pull-request-target-checkout',
  'missing-concurrency',
  'checkout-persists-credentials',
  'unpinned-action',
] as const;

/** One rule id of the audit. */
export type AuditRule = (typeof AUDIT_RULES)[number];

/** One place a workflow breaks a rule: `where` is a path such as `jobs.promote.steps[1]`. */
export interface AuditFinding {
  rule: AuditRule;
  where: string;
  message: string;
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  permissions?: unknown;
  environment?: unknown;
  concurrency?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  jobs?: Record<string, Job>;
}

/** The repository whose actions are ours: referenced by version tag, not by SHA. */
export const OWN_REPOSITORY = 'release-policy/release-policy';

/**
 * Expressions that the runner fills in from values no one outside the
 * repository controls; every other expression inside `run:` goes through
 * `env:` instead.
 */
const TRUSTED_EXPRESSIONS = new Set([
  'github.sha',
  'github.run_id',
  'github.run_number',
  'github.run_attempt',
  'github.workspace',
  'github.repository',
  'github.server_url',
  'github.api_url',
  'runner.temp',
  'runner.os',
  'runner.arch',
]);

/** Token permissions that change the repository, its deployments or its issues: two runs could race. */
const RACING_WRITES = ['contents', 'deployments', 'issues'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event names of `on:`, whichever of its three forms it takes. */
export function listEvents(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return isRecord(on) ? Object.keys(on) : [];
}

/** Every `${{ … }}` expression body in a text, trimmed. */
export function listExpressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => (m[1] ?? '').trim());
}

function checkTopLevelPermissions(workflow: Workflow): AuditFinding[] {
  const { permissions } = workflow;
  const allowed =
    isRecord(permissions) &&
    Object.entries(permissions).every(([scope, level]) => scope === 'contents' && level === 'read');
  if (allowed) return [];
  const found =
    permissions === undefined ? 'none (the default token may write)' : JSON.stringify(permissions);
  return [
    {
      rule: 'top-level-permissions',
      where: 'permissions',
      message: `top-level permissions are ${found}; expected at most { contents: read }, with each job asking for what it needs`,
    },
  ];
}

/** Least privilege per job: each job names its own permissions, never `write-all` or `read-all`. */
function checkJobPermissions(workflow: Workflow): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const { permissions } = job;
    if (isRecord(permissions)) continue;
    const found =
      permissions === undefined
        ? 'none, so it inherits the top level'
        : JSON.stringify(permissions);
    findings.push({
      rule: 'job-permissions',
      where: `jobs.${jobId}`,
      message: `the job's permissions are ${found}; list what this job needs, e.g. permissions: { contents: read }`,
    });
  }
  return findings;
}

function forEachStep(
  workflow: Workflow,
  visit: (step: Step, where: string, job: Job) => void,
): void {
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    (job.steps ?? []).forEach((step, index) => visit(step, `jobs.${jobId}.steps[${index}]`, job));
  }
}

function checkUntrustedExpressions(workflow: Workflow): AuditFinding[] {
  const findings: AuditFinding[] = [];
  forEachStep(workflow, (step, where) => {
    const scripts = [
      step.run,
      /\/github-script@/.test(step.uses ?? '') ? step.with?.script : undefined,
    ];
    for (const script of scripts) {
      if (typeof script !== 'string') continue;
      for (const expression of listExpressions(script)) {
        if (TRUSTED_EXPRESSIONS.has(expression)) continue;
        findings.push({
          rule: 'untrusted-expression-in-run',
          where,
          message: `the script expands \${{ ${expression} }} itself; pass it through env: and read the variable`,
        });
      }
    }
  });
  return findings;
}

/** True when a checkout step fetches the pull request's own code (its head or merge ref). */
function checksOutPullRequest(step: Step): boolean {
  if (!/^actions\/checkout@/.test(step.uses ?? '')) return false;
  const target = `${String(step.with?.ref ?? '')} ${String(step.with?.repository ?? '')}`;
  return /pull_request\.head|github\.head_ref|refs\/pull\/|\.merge_commit_sha/.test(target);
}

function checkPullRequestTarget(workflow: Workflow): AuditFinding[] {
  if (!listEvents(workflow.on).includes('pull_request_target')) return [];
  const findings: AuditFinding[] = [];
  forEachStep(workflow, (step, where) => {
    if (!checksOutPullRequest(step)) return;
    findings.push({
      rule: 'pull-request-target-checkout',
      where,
      message:
        'a pull_request_target workflow checks out the pull request code, which then runs with the base repository token; use on: pull_request for that code',
    });
  });
  return findings;
}

/** Why two runs of a job could race, or undefined when they cannot. */
function describeRace(job: Job): string | undefined {
  if (job.uses !== undefined) return undefined; // the called workflow holds its own groups
  if (job.environment !== undefined) return 'it deploys to an environment';
  const { permissions } = job;
  if (permissions === 'write-all') return 'it has write-all permissions';
  if (!isRecord(permissions)) return undefined;
  const writes = RACING_WRITES.filter((scope) => permissions[scope] === 'write');
  return writes.length ? `it writes ${writes.join(', ')}` : undefined;
}

function groupOf(concurrency: unknown): string | undefined {
  if (typeof concurrency === 'string') return concurrency;
  return isRecord(concurrency) && typeof concurrency.group === 'string'
    ? concurrency.group
    : undefined;
}

function environmentNameOf(environment: unknown): string | undefined {
  if (typeof environment === 'string') return environment;
  return isRecord(environment) && typeof environment.name === 'string'
    ? environment.name
    : undefined;
}

function checkConcurrency(workflow: Workflow): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const race = describeRace(job);
    if (race === undefined) continue;
    const group = groupOf(job.concurrency) ?? groupOf(workflow.concurrency);
    const environment = environmentNameOf(job.environment);
    let problem: string | undefined;
    if (group === undefined) problem = 'has no concurrency group';
    else if (environment !== undefined && !group.includes(environment))
      problem = `has the concurrency group ${JSON.stringify(group)}, which is not per environment (${environment})`;
    if (problem === undefined) continue;
    findings.push({
      rule: 'missing-concurrency',
      where: `jobs.${jobId}`,
      message: `two runs could race (${race}) but the job ${problem}; add concurrency: { group: <one per environment, tag or issue> }`,
    });
  }
  return findings;
}

function checkPersistCredentials(workflow: Workflow): AuditFinding[] {
  const findings: AuditFinding[] = [];
  forEachStep(workflow, (step, where, job) => {
    if (!/^actions\/checkout@/.test(step.uses ?? '')) return;
    if (step.with?.['persist-credentials'] === false) return;
    // patch-merge with open-forward-ports pushes the forward-port branches itself.
    const pushes = (job.steps ?? []).some(
      (s) =>
        /\bgit\s+push\b/.test(s.run ?? '') ||
        (/\/actions\/patch-merge@/.test(s.uses ?? '') &&
          String(s.with?.['open-forward-ports'] ?? 'false').toLowerCase() === 'true'),
    );
    if (pushes) return;
    findings.push({
      rule: 'checkout-persists-credentials',
      where,
      message:
        'the checkout keeps the token in .git/config though no step pushes; set with: persist-credentials: false',
    });
  });
  return findings;
}

/** Why a `uses:` reference is not pinned as we require, or undefined when it is. */
export function describeUnpinned(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined;
  if (uses.startsWith('docker://'))
    return /@sha256:[0-9a-f]{64}$/.test(uses)
      ? undefined
      : 'a container image not pinned by digest';
  const at = uses.lastIndexOf('@');
  const path = at < 0 ? uses : uses.slice(0, at);
  const ref = at < 0 ? '' : uses.slice(at + 1);
  const repository = path.split('/').slice(0, 2).join('/');
  if (repository === OWN_REPOSITORY)
    return /^v\d+(\.\d+){0,2}$/.test(ref)
      ? undefined
      : `our action at ${JSON.stringify(ref)}, not a version tag such as v1`;
  return /^[0-9a-f]{40}$/.test(ref)
    ? undefined
    : `a third-party action at ${JSON.stringify(ref)}, not a full commit SHA`;
}

function checkPinning(workflow: Workflow): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const add = (uses: string | undefined, where: string): void => {
    const problem = uses === undefined ? undefined : describeUnpinned(uses);
    if (problem === undefined) return;
    findings.push({
      rule: 'unpinned-action',
      where,
      message: `${JSON.stringify(uses)} is ${problem}`,
    });
  };
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) add(job.uses, `jobs.${jobId}`);
  forEachStep(workflow, (step, where) => add(step.uses, where));
  return findings;
}

/**
 * Audits one workflow's text against every rule of issue 14 §2 and returns
 * every finding, in rule order. An empty list means the workflow passes.
 * @throws when the text is not YAML (GitHub's parser reports that first).
 */
export function auditWorkflow(text: string): AuditFinding[] {
  const workflow = parse(text) as Workflow;
  return [
    ...checkTopLevelPermissions(workflow),
    ...checkJobPermissions(workflow),
    ...checkUntrustedExpressions(workflow),
    ...checkPullRequestTarget(workflow),
    ...checkConcurrency(workflow),
    ...checkPersistCredentials(workflow),
    ...checkPinning(workflow),
  ];
}

/**
 * Audits an action.yml: only the pinning rule applies (a composite action's
 * steps may use other actions); a node action has no steps.
 */
export function auditActionManifest(text: string): AuditFinding[] {
  const manifest = parse(text) as { runs?: { steps?: Step[] } };
  const findings: AuditFinding[] = [];
  (manifest.runs?.steps ?? []).forEach((step, index) => {
    const problem = step.uses === undefined ? undefined : describeUnpinned(step.uses);
    if (problem !== undefined)
      findings.push({
        rule: 'unpinned-action',
        where: `runs.steps[${index}]`,
        message: `${JSON.stringify(step.uses)} is ${problem}`,
      });
  });
  return findings;
}
