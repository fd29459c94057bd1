export const id = 91;
export const ids = [91];
export const modules = {

/***/ 1462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ createTerminalLog),
/* harmony export */   Jr: () => (/* binding */ readOriginRepository),
/* harmony export */   U6: () => (/* binding */ convertSkippedChecksToFindings),
/* harmony export */   sQ: () => (/* binding */ resolveGitHubAccess)
/* harmony export */ });
/* unused harmony export needsGitHubApi */
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1835);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9469);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5788);



const NO_TOKEN = 'no GitHub token: set GITHUB_TOKEN or GH_TOKEN';
const NO_REPOSITORY = 'no GitHub repository: give --repo OWNER/NAME (origin is not a GitHub URL)';
/** True when the check needs a kind of facts only the GitHub API knows. */
function needsGitHubApi(check) {
    return check.needs.some((kind) => _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .FACT_SOURCES */ .C3[kind] === 'github');
}
/**
 * Decides how the checks reach the API. Nothing is asked of git or GitHub
 * unless a check needs a GitHub fact. The token is `GITHUB_TOKEN`, else
 * `GH_TOKEN`; the API root `GITHUB_API_URL` (default the public API); the
 * repository `--repo`, else the `origin` remote. Without a token or a
 * repository, the checks that need the API are skipped (never failed).
 */
async function resolveGitHubAccess(request) {
    const needing = request.checks.filter(needsGitHubApi);
    const wanting = request.checks.filter((check) => (check.wants ?? []).some((kind) => _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .FACT_SOURCES */ .C3[kind] === 'github'));
    if (needing.length === 0 && wanting.length === 0)
        return { checks: request.checks, skipped: [] };
    const token = (request.env.GITHUB_TOKEN || request.env.GH_TOKEN || '').trim();
    const repo = !token
        ? undefined
        : request.repo
            ? (0,_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .loadRepositoryOption */ .op)(request.repo)
            : await readOriginRepository(request.git);
    if (!token || !repo) {
        // A check that only wants the API's facts runs without them.
        if (needing.length === 0)
            return { checks: request.checks, skipped: [] };
        const reason = token ? NO_REPOSITORY : NO_TOKEN;
        return {
            checks: request.checks.filter((check) => !needsGitHubApi(check)),
            skipped: needing.map((check) => ({ check: check.name, reason })),
        };
    }
    // Loaded only here: the API client and its HTTP stack cost a run that never calls GitHub.
    const { createOctokit } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481)]).then(__webpack_require__.bind(__webpack_require__, 6481));
    const octokit = createOctokit({
        token,
        env: request.env,
        // Outside a runner: masking would print the token, and the job log's helpers do not apply.
        maskToken: false,
        log: createTerminalLog(request.stderr),
        userAgent: 'release-policy-cli',
        // A server that never answers fails the call in bounded time, naming the host and the request.
        ...request.timeouts,
    });
    return { access: { octokit, repo }, checks: request.checks, skipped: [] };
}
/**
 * The notice that says which checks were skipped and how to run them, or
 * none when nothing was skipped.
 */
function convertSkippedChecksToFindings(skipped) {
    if (skipped.length === 0)
        return [];
    const names = skipped.map((s) => JSON.stringify(s.check)).join(', ');
    const noToken = skipped.some((s) => s.reason === NO_TOKEN);
    return [
        {
            rule: 'github-api',
            severity: 'notice',
            message: `Skipped ${skipped.length === 1 ? 'the check' : 'the checks'} ${names}: ` +
                `${skipped.length === 1 ? 'it needs' : 'they need'} facts only the GitHub API knows, and there is ` +
                (noToken
                    ? 'no token. Give one in GITHUB_TOKEN or GH_TOKEN, e.g. GITHUB_TOKEN=$(gh auth token) release-policy check.'
                    : 'no GitHub repository: the origin remote is missing or not a GitHub URL. Give one, e.g. --repo octo-org/service.'),
            docs: 'docs/cli.md#github-api',
        },
    ];
}
/** The repository the `origin` remote points at; undefined without one or for a non-GitHub URL. */
async function readOriginRepository(git) {
    const url = await git.readRemoteUrl('origin');
    return url === undefined ? undefined : (0,_repo_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRemoteUrl */ .JH)(url);
}
/** Octokit's warnings (rate-limit waits, retries) on stderr; its debug and info lines dropped. */
function createTerminalLog(stderr) {
    const write = (message) => stderr(`release-policy: ${(0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .sanitizeForTerminal */ .dk)(message)}\n`);
    return { debug() { }, info() { }, warn: write, error: write };
}


/***/ }),

/***/ 1168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT),
/* harmony export */   i: () => (/* binding */ DOCS_BASE_URL)
/* harmony export */ });
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1835);

/** Where the CLI's docs links point: the docs of the release that is running. */
const DOCS_BASE_URL = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .formatReleaseDocsBaseUrl */ .YQ)();
/** Exit codes: 0 passed, 1 policy failures, 2 usage or configuration error. */
const EXIT = { ok: 0, failed: 1, usage: 2 };


/***/ }),

/***/ 2091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: CLI_VERSION

// EXTERNAL MODULE: ../core/src/index.ts + 111 modules
var src = __webpack_require__(1835);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/repo.ts
var repo = __webpack_require__(5788);
;// CONCATENATED MODULE: ./src/suggest.ts

/**
 * Suggests the command the user probably meant, with core's one "did you
 * mean" search ({@link findClosest}). Command names are few, short and
 * distinct, so a two-letter start already names one (`in` for `init`).
 * Undefined when nothing is near.
 */
function suggestCommand(input, names) {
    return (0,src/* findClosest */.Ru)(input, names, { minPrefixLength: 2 });
}

;// CONCATENATED MODULE: ./src/args.ts




/** What a check command's positional argument is, for the help. */
const POSITIONAL_NOTES = {
    branch: 'NAME defaults to the current branch',
    version: 'VERSION is the declared version to check',
};
/** Commands and what each one does, for help and for "did you mean". */
const COMMANDS = {
    check: 'run every check that applies to the current branch',
    ...Object.fromEntries(src/* CHECKS */.ui.map((c) => [c.command.name, c.command.summary])),
    schema: 'print the JSON Schema of the policy file',
    init: 'set up a repository: the commented policy, the workflows, the GitHub settings to make',
    history: "list an environment's deployments: versions, who, when, approvers, canary steps, rollbacks",
    'org-audit': 'list, split and merge the audits of an organisation’s repositories',
};
/** The arguments of each command, for the help. */
const USAGES = [
    ['check', '[--base BRANCH] [--branch NAME] [--repo OWNER/NAME]'],
    ...src/* CHECKS */.ui.map((c) => [
        c.command.name,
        c.command.usage,
        c.command.positional ? POSITIONAL_NOTES[c.command.positional] : undefined,
    ]),
    ['schema', '', 'JSON Schema of .github/release-policy.yml'],
    ['init', '[--dir REPO] [--docs] [--force] [--output FILE]', 'never overwrites without --force'],
    ['history', '--environment NAME [--repo OWNER/NAME]', 'from the Deployments API; needs a token'],
    [
        'org-audit',
        'plan ORG [TOPIC] | split OWNER/NAME... | merge DIR',
        'JSON matrices; merged report',
    ],
];
/**
 * Parses argv (without node and script). Unknown options and missing values
 * are usage errors that name the offending argument.
 */
const OPTIONS = {
    policy: { type: 'string', short: 'p' },
    json: { type: 'boolean', default: false },
    cwd: { type: 'string', short: 'C' },
    base: { type: 'string', short: 'b' },
    branch: { type: 'string' },
    repo: { type: 'string' },
    'release-type': { type: 'string' },
    mainline: { type: 'string' },
    line: { type: 'string', multiple: true },
    environment: { type: 'string', short: 'e' },
    force: { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
    dir: { type: 'string' },
    output: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    write: { type: 'string' },
    all: { type: 'boolean', default: false },
    package: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
};
function parseCliArgs(argv) {
    const { rest: options, releaseVersion } = extractReleaseVersion(argv);
    return { ...parseOptions(options), ...(releaseVersion !== undefined ? { releaseVersion } : {}) };
}
/** The commands where `--version V` names the version being released. */
const RELEASE_VERSION_COMMANDS = ['changelog', 'docs'];
/**
 * For `changelog` and `docs`, `--version V` (or `--version=V`) names the
 * release's version; taken out before parsing, where `--version` is the
 * switch that prints the CLI's own version.
 */
function extractReleaseVersion(argv) {
    const command = argv.find((arg) => !arg.startsWith('-')) ?? '';
    if (!RELEASE_VERSION_COMMANDS.includes(command))
        return { rest: argv };
    const rest = [];
    let releaseVersion;
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i] ?? '';
        if (arg.startsWith('--version='))
            releaseVersion = arg.slice('--version='.length);
        else if (arg === '--version' && argv[i + 1] !== undefined && !argv[i + 1]?.startsWith('-')) {
            releaseVersion = argv[i + 1];
            i += 1;
        }
        else
            rest.push(arg);
    }
    if (releaseVersion === '') {
        throw new src/* UsageError */.eb("--version was given an empty value. Give the release's version, e.g. --version 1.4.0, or leave the option out. " +
            'Run "release-policy --help" for usage.');
    }
    return releaseVersion === undefined ? { rest } : { rest, releaseVersion };
}
function parseOptions(argv) {
    checkLongOptions(argv);
    checkShortOptions(argv);
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
    }
    catch (error) {
        throw new src/* UsageError */.eb(`${describeParseError(error, argv)} Run "release-policy --help" for usage.`, {
            cause: error,
        });
    }
    const { values, positionals } = parsed;
    // An empty value is almost always an unset variable ("--branch $BRANCH"):
    // checking something else instead would pass silently.
    for (const name of [
        'policy',
        'cwd',
        'base',
        'branch',
        'repo',
        'release-type',
        'dir',
        'output',
        'from',
        'to',
        'write',
        'mainline',
        'environment',
        'package',
    ]) {
        if (values[name] === '') {
            throw new src/* UsageError */.eb(`--${name} was given an empty value. Give a value, e.g. ${EMPTY_EXAMPLES[name]}, or leave the option out. ` +
                'Run "release-policy --help" for usage.');
        }
    }
    if ((values.line ?? []).includes('')) {
        throw new src/* UsageError */.eb(`--line was given an empty value. Give a value, e.g. ${EMPTY_EXAMPLES.line}, or leave the option out. ` +
            'Run "release-policy --help" for usage.');
    }
    if (positionals.slice(1).includes('')) {
        throw new src/* UsageError */.eb(`"${positionals[0]}" was given an empty argument. Give a value, e.g. release-policy branch feature/CHG-1234-add-login, ` +
            'or leave it out to check the current branch. Run "release-policy --help" for usage.');
    }
    // Checked now, so a malformed value fails before anything runs, also when no check needs the API.
    if (values.repo !== undefined)
        (0,repo/* loadRepositoryOption */.op)(values.repo);
    const [command, ...rest] = positionals;
    return {
        command,
        positionals: rest,
        policy: values.policy,
        json: values.json ?? false,
        cwd: values.cwd,
        base: values.base,
        branch: values.branch,
        repo: values.repo,
        releaseType: values['release-type'],
        force: values.force ?? false,
        docs: values.docs ?? false,
        dir: values.dir,
        output: values.output,
        help: values.help ?? false,
        version: values.version ?? false,
        from: values.from,
        to: values.to,
        write: values.write,
        ...(values.all === true ? { all: true } : {}),
        ...(values.package === undefined ? {} : { package: values.package }),
        mainline: values.mainline,
        lines: values.line ?? [],
        environment: values.environment,
    };
}
/** The help text. */
function renderHelp() {
    const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
    return [
        'Usage: release-policy <command> [options]',
        '',
        'Commands:',
        ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d}`),
        '',
        'Commands and their arguments:',
        ...USAGES.map(([c, usage, note]) => `  ${c.padEnd(width)} ${note ? `${usage.padEnd(31)} ${note}` : usage}`.trimEnd()),
        '',
        'Options:',
        '  -p, --policy FILE  policy file (default: .github/release-policy.yml if present,',
        '                     else the embedded default policy)',
        '  -C, --cwd DIR      repository to check (default: the current directory)',
        '      --repo O/NAME  repository on GitHub (OWNER/NAME) for checks that need the API;',
        '                     default: the origin remote. Token: GITHUB_TOKEN or GH_TOKEN',
        '  -e, --environment NAME  the environment promote and history are about',
        '      --json         machine-readable output: { "ok", "findings": [...], ... }',
        '  -h, --help         this help',
        '  -v, --version      the version of release-policy',
        '',
        'Exit codes: 0 passed, 1 policy failures, 2 usage or configuration error.',
        'Documentation: docs/cli.md',
    ].join('\n');
}
const EMPTY_EXAMPLES = {
    policy: '--policy .github/release-policy.yml',
    cwd: '-C ../service',
    base: '--base main',
    branch: '--branch feature/CHG-1234-add-login',
    repo: '--repo octo-org/service',
    'release-type': '--release-type minor',
    dir: '--dir ../service',
    output: '--output .github/release-policy.yml',
    from: '--from v1.3.0',
    to: '--to v1.4.0',
    write: '--write CHANGELOG.md',
    mainline: '--mainline main',
    environment: '--environment production',
    line: '--line 3.5.x',
    package: '--package api',
};
/** The options that take a value, long and short, as written on the command line. */
function listValueOptions() {
    const taking = new Set();
    for (const [name, spec] of Object.entries(OPTIONS)) {
        if (spec.type !== 'string')
            continue;
        taking.add(`--${name}`);
        if ('short' in spec)
            taking.add(`-${spec.short}`);
    }
    return taking;
}
/**
 * Unknown short options (`-c`) get the option they were probably meant to be
 * (`-C`, the same letter in the other case) and the list of short options,
 * instead of the argument parser's own wording. The value after an option
 * that takes one is skipped: `--base -x` is the parser's case.
 */
function checkShortOptions(argv) {
    const shorts = new Map();
    for (const [name, spec] of Object.entries(OPTIONS)) {
        if ('short' in spec)
            shorts.set(spec.short, name);
    }
    const taking = listValueOptions();
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i] ?? '';
        if (arg === '--')
            return;
        if (taking.has(arg)) {
            i += 1;
            continue;
        }
        if (!/^-[^-]/.test(arg))
            continue;
        for (const letter of arg.slice(1)) {
            if (shorts.has(letter)) {
                // A short option that takes a value ends the group: the rest is its value (-Capp).
                if (taking.has(`-${letter}`))
                    break;
                continue;
            }
            const near = [...shorts.keys()].find((s) => s.toLowerCase() === letter.toLowerCase());
            const listed = [...shorts].map(([s, name]) => `-${s} (--${name})`).join(', ');
            throw new src/* UsageError */.eb(`Unknown option ${(0,src/* quoteValue */.cl)(`-${letter}`)}.` +
                (near ? ` Did you mean "-${near}" (--${shorts.get(near)})?` : '') +
                ` Short options: ${listed}. Run "release-policy --help" for usage.`);
        }
    }
}
/** The argument parser's complaint in our words: which option lacks or refuses a value. */
function describeParseError(error, argv) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-\w, )?(--[\w-]+)/.exec(message)?.[2];
    if (option && /argument missing|argument is ambiguous/.test(message)) {
        const name = option.slice(2);
        const example = name in EMPTY_EXAMPLES ? EMPTY_EXAMPLES[name] : option;
        return (`${option} needs a value, e.g. ${example}. ` +
            `A value that starts with "-" is written with "=", e.g. ${option}=-x.`);
    }
    if (option && /does not take an argument/.test(message)) {
        return `${option} is a switch and takes no value: write ${option} alone, not ${(0,src/* quoteValue */.cl)(argv.find((a) => a.startsWith(`${option}=`)) ?? option)}.`;
    }
    return `${message.replace(/\.?$/, '.')}`;
}
/** Unknown long options get a "did you mean" before the generic parser error. */
function checkLongOptions(argv) {
    const names = Object.keys(OPTIONS);
    for (const arg of argv) {
        if (arg === '--')
            return;
        if (!arg.startsWith('--'))
            continue;
        const name = arg.slice(2).split('=')[0] ?? '';
        if (names.includes(name))
            continue;
        const near = suggestCommand(name, names);
        throw new src/* UsageError */.eb(`Unknown option ${(0,src/* quoteValue */.cl)(`--${name}`)}.${near ? ` Did you mean "--${near}"?` : ''} ` +
            `Options: ${names.map((n) => `--${n}`).join(', ')}. Run "release-policy --help" for usage.`);
    }
}

// EXTERNAL MODULE: ./src/io.ts
var src_io = __webpack_require__(1168);
// EXTERNAL MODULE: ../git/src/index.ts + 20 modules
var git_src = __webpack_require__(130);
// EXTERNAL MODULE: ./src/policy.ts
var src_policy = __webpack_require__(7838);
// EXTERNAL MODULE: ./src/api.ts
var src_api = __webpack_require__(1462);
;// CONCATENATED MODULE: ./src/gather.ts




/**
 * The GitHub facts, through the GitHub package loaded on first use: a run
 * without a token never pays for loading the API client.
 */
async function gatherGitHubFacts(input) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481)]).then(__webpack_require__.bind(__webpack_require__, 6481));
    return github.gatherGitHubFacts(input);
}
/** The promotion facts, through the GitHub package loaded on first use. */
async function gatherPromotionFacts(input) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481)]).then(__webpack_require__.bind(__webpack_require__, 6481));
    return github.gatherPromotionFacts(input);
}
/**
 * One gatherer per kind of facts the checks may need, in the order they run
 * (the version facts read the branch facts). A check needing a new kind of
 * facts adds its gatherer here.
 */
const GATHERERS = {
    async branch(request, git, facts) {
        const branch = await (0,git_src/* gatherBranchFacts */.B8)({
            git,
            branch: request.branch,
            base: request.base,
            env: request.env,
        });
        if (branch)
            facts.branch = branch;
        return [];
    },
    async version(request, git, facts) {
        // A shallow clone hides tags and commits: completed first, or the run stops with the fix.
        facts.version = await (0,git_src/* gatherVersionFacts */.rz)({
            git,
            cwd: request.cwd,
            policy: request.policy,
            branch: facts.branch,
            inputVersion: request.inputVersion,
            pushedTag: (0,git_src/* readPushedTag */.y6)(request.env),
            complete: 'cli',
        });
        return [];
    },
    async documents(request, git, facts) {
        // The audit (a check that only wants the documents) reads the next release's, or says why not.
        if (!request.checks.some((c) => c.needs.includes('documents'))) {
            Object.assign(facts, await gatherDocumentsForAudit(request, git));
            return [];
        }
        facts.documents = await (0,git_src/* gatherDocumentFacts */.Qe)({
            git,
            cwd: request.cwd,
            policy: request.policy,
            facts,
            releaseType: request.releaseType,
        });
        return [];
    },
    async patches(request, git, facts) {
        const given = request.lines?.length ? request.lines : undefined;
        const alone = request.checks.every((check) => check.needs.includes('patches'));
        // Under `check`, the lines are compared only for a release: a pushed tag, or a branch of
        // one of the policy's patches kinds (release, maintenance, hotfix, whatever their names).
        // That release (HEAD) must hold every patch of its own line and the line right below it.
        const branch = facts.branch?.name;
        const onLine = branch !== undefined && (0,src/* isPatchReleaseBranch */.MO)(branch, request.policy);
        const release = (0,git_src/* readPushedTag */.y6)(request.env) !== undefined || onLine;
        // The audit (a check that wants the lines) compares every line of the policy, or says why not.
        if (!alone && given === undefined && request.checks.some((c) => c.wants?.includes('patches'))) {
            Object.assign(facts, await gatherLinesForAudit(request, git));
            return [];
        }
        // Not a release: the check has no facts and reports nothing (left out of the output).
        if (!alone && given === undefined && !release)
            return [];
        await git.completeHistory({ advice: 'cli' });
        const asRelease = !alone && release;
        const lines = given ??
            (asRelease && onLine
                ? (0,src/* selectLinesBelow */.fv)((0,src/* selectPatchLines */.YH)(await git.listBranches(), request.policy), branch, request.policy)
                : undefined);
        facts.patches = await (0,git_src/* gatherPatchFacts */.jY)({
            git,
            policy: request.policy,
            mainline: request.mainline,
            ...(asRelease ? { mainlineRevision: 'HEAD' } : {}),
            lines,
            now: request.now ?? new Date(),
        });
        return [];
    },
    async pullRequest(request, _git, facts) {
        if (!request.github)
            return [];
        const gathered = await gatherGitHubFacts({
            ...request.github,
            needs: ['pullRequest'],
            pullRequest: readPullRequestLookup(request, facts),
        });
        if (gathered.pullRequest)
            facts.pullRequest = gathered.pullRequest;
        return convertGitHubNotesToFindings(gathered.notices);
    },
    async releases(request, _git, facts) {
        if (!request.github)
            return [];
        const gathered = await gatherGitHubFacts({ ...request.github, needs: ['releases'] });
        if (gathered.releases)
            facts.releases = gathered.releases;
        return convertGitHubNotesToFindings(gathered.notices);
    },
    async promotion(request, git, facts) {
        if (!request.github)
            return [];
        if (!request.environment) {
            throw new src/* UsageError */.eb(`promote needs the environment to check: give --environment NAME, e.g. --environment production. See ${src_io/* DOCS_BASE_URL */.i}docs/cli.md#promote`);
        }
        // A local run has no workflow run: order, soak, windows and canary are judged, approvals are not.
        facts.promotion = await gatherPromotionFacts({
            ...request.github,
            policy: request.policy,
            request: {
                environment: request.environment,
                ...(request.inputVersion !== undefined
                    ? { version: request.inputVersion }
                    : { ref: await git.revParse('HEAD') }),
                rollback: false,
            },
            now: request.now ?? new Date(),
        });
        return [];
    },
    async audit(request, _git, facts) {
        if (!request.github)
            return [];
        const gathered = await gatherGitHubFacts({
            ...request.github,
            needs: ['audit'],
            policy: request.policy,
        });
        if (gathered.audit)
            facts.audit = gathered.audit;
        return convertGitHubNotesToFindings(gathered.notices);
    },
    async mergedPullRequests(request, _git, facts) {
        if (!request.github)
            return [];
        const gathered = await gatherGitHubFacts({ ...request.github, needs: ['mergedPullRequests'] });
        if (gathered.mergedPullRequests)
            facts.mergedPullRequests = gathered.mergedPullRequests;
        return convertGitHubNotesToFindings(gathered.notices);
    },
};
/**
 * Why this clone is not the audited repository (its origin differs), for
 * the facts the audit reads from a checkout; undefined when it is.
 */
async function describeOtherClone(request, git) {
    const audited = request.github?.repo;
    const origin = await (0,src_api/* readOriginRepository */.Jr)(git);
    const name = (r) => `${r.owner}/${r.repo}`.toLowerCase();
    if (!audited || (origin && name(origin) === name(audited)))
        return undefined;
    return `This clone's origin is ${origin ? (0,src/* quoteValue */.cl)(name(origin)) : 'not set'}, not the audited ${(0,src/* quoteValue */.cl)(name(audited))}`;
}
/**
 * The next release's documents as the audit reads them: from this clone's
 * working tree when its origin is the audited repository, else why not.
 */
async function gatherDocumentsForAudit(request, git) {
    const other = await describeOtherClone(request, git);
    if (other !== undefined) {
        return {
            documentsUnread: {
                reason: 'no-checkout',
                detail: `${other}: run the audit in a clone of it, on its mainline, to read its documents.`,
            },
        };
    }
    return (0,git_src/* gatherAuditDocumentFacts */.zG)({ git, policy: request.policy });
}
/**
 * The maintenance lines as the audit reads them: compared in this clone
 * when its origin is the audited repository, else why not (a notice, never
 * a silent pass).
 */
async function gatherLinesForAudit(request, git) {
    const other = await describeOtherClone(request, git);
    if (other !== undefined) {
        return {
            patchesUnread: {
                reason: 'no-checkout',
                detail: `${other}: run the audit in a clone of it to compare its lines.`,
            },
        };
    }
    return (0,git_src/* gatherAuditPatchFacts */.c9)({
        git,
        policy: request.policy,
        advice: 'cli',
        now: request.now ?? new Date(),
    });
}
/**
 * The pull request under test: on a runner's pull-request run its number
 * (`GITHUB_REF=refs/pull/N/merge`) unless `--branch` names another branch;
 * elsewhere the open pull request from the branch under test.
 */
function readPullRequestLookup(request, facts) {
    const number = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(request.env.GITHUB_REF ?? '')?.[1];
    if (number !== undefined && request.branch === undefined)
        return Number(number);
    return facts.branch ? { head: facts.branch.name } : undefined;
}
/** Notices from reading the GitHub API (no pull request found, a cut-off list), as findings. */
function convertGitHubNotesToFindings(notes) {
    return notes.map((message) => ({ rule: 'github-api', severity: 'notice', message }));
}
/**
 * Collects the facts the requested checks need, from git and the working
 * tree (and, on a runner, its environment), and from the GitHub API through
 * `request.github`. git runs with `request.env`.
 * The branch is always gathered: the version facts depend on it.
 */
async function gatherFacts(request) {
    const git = request.git ?? (0,git_src/* createGit */.lD)({ cwd: request.cwd, env: request.env });
    const needs = new Set([
        'branch',
        ...request.checks.flatMap((check) => [...check.needs, ...(check.wants ?? [])]),
    ]);
    // A local run: when no branch is found, the branch check says why (detached HEAD).
    const facts = { run: { event: 'local', ref: 'HEAD' } };
    const notices = [];
    for (const kind of Object.keys(GATHERERS)) {
        if (needs.has(kind))
            notices.push(...(await GATHERERS[kind](request, git, facts)));
    }
    return { facts, notices };
}

// EXTERNAL MODULE: ./src/output.ts
var output = __webpack_require__(9469);
;// CONCATENATED MODULE: ./src/commands/check.ts







/**
 * `check` and each check's own command (`branch`, `version`, …): gather the
 * facts the checks need, run the core on them, and shape the result: the
 * JSON has one object per check, keyed by its name, holding its outputs.
 * A check command takes the value to check as its one positional argument.
 * Checks that need the GitHub API are skipped, with a notice and a `skipped`
 * list in the JSON, when no token or repository is found.
 */
async function runCheckCommand(args, io, checks) {
    const single = checks.length === 1 ? checks[0] : undefined;
    checkPositionals(args, single);
    if (args.releaseType !== undefined && !(0,src/* isReleaseType */.a3)(args.releaseType)) {
        throw new src/* UsageError */.eb(`--release-type ${(0,src/* quoteValue */.cl)(args.releaseType)} is not a release type. Give one of ` +
            `${src/* RELEASE_TYPES */._E.join(', ')}, e.g. --release-type minor. See docs/cli.md#options`);
    }
    const git = (0,git_src/* createGit */.lD)({ cwd: io.cwd, env: io.env });
    // The policy comes from the base branch, as in CI: --base, or the runner's pull-request base.
    const baseRef = args.base ?? (args.branch ? undefined : io.env.GITHUB_BASE_REF || undefined);
    const read = await (0,src_policy/* readPolicy */.T)(io.cwd, args.policy, baseRef ? { git, ref: baseRef } : undefined);
    const policy = read.policy;
    const positional = single?.command.positional ? args.positionals[0] : undefined;
    const api = await (0,src_api/* resolveGitHubAccess */.sQ)({
        checks,
        env: io.env,
        git,
        repo: args.repo,
        stderr: io.stderr,
    });
    const gathered = await gatherFacts({
        git,
        cwd: io.cwd,
        env: io.env,
        policy,
        checks: api.checks,
        github: api.access,
        branch: (single?.command.positional === 'branch' ? positional : undefined) ?? args.branch,
        base: args.base,
        // `docs --version V` says the same as `docs V`.
        inputVersion: single?.command.positional === 'version' ? (positional ?? args.releaseVersion) : undefined,
        releaseType: args.releaseType,
        mainline: args.mainline,
        lines: args.lines,
        environment: args.environment,
        now: io.now(),
    });
    const evaluation = (0,src/* evaluate */._3)(gathered.facts, policy, io.now(), {
        checks: api.checks.map((check) => check.name),
    });
    // Docs paths become links to the docs of this release: they must work from the user's repository.
    const findings = [
        ...evaluation.findings,
        ...gathered.notices,
        ...read.notices,
        ...(0,src_api/* convertSkippedChecksToFindings */.U6)(api.skipped),
    ].map((finding) => (0,src/* linkFindingDocs */.Lx)(finding, src_io/* DOCS_BASE_URL */.i));
    const results = summarizeChecks(api.checks, gathered.facts, policy);
    const json = { ok: evaluation.ok, findings, policy: read.origin };
    if (api.skipped.length > 0)
        json.skipped = api.skipped;
    const sections = [`policy: ${read.origin}`];
    for (const { check, values } of results) {
        json[check.name] = values;
        Object.assign(json, check.report?.(gathered.facts, policy, io.now()));
        sections.push((0,output/* renderFields */.sp)(check.describe(values, policy), io.color));
    }
    sections.push((0,output/* renderFindings */.vO)(findings, io.color));
    return {
        exitCode: evaluation.ok ? src_io/* EXIT */.d.ok : src_io/* EXIT */.d.failed,
        json,
        text: sections.filter(Boolean).join('\n\n'),
    };
}
/** Each check's output values; a check whose facts are absent (no branch) is left out. */
function summarizeChecks(checks, facts, policy) {
    return checks
        .map((check) => ({ check, values: check.summarize(facts, policy) }))
        .filter(({ values }) => Object.keys(values).length > 0);
}
/** `check` takes no arguments; a check's command at most its one positional. */
function checkPositionals(args, single) {
    const command = args.command ?? 'check';
    const allowed = single?.command.positional ? 1 : 0;
    if (args.positionals.length <= allowed)
        return;
    throw new src/* UsageError */.eb(`"${command}" takes ${allowed === 0 ? 'no arguments' : 'at most one argument'}, got ${JSON.stringify(args.positionals)}. ` +
        `Example: ${single?.command.example ?? 'release-policy check'}. See docs/cli.md#commands`);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/main.ts








/** The CLI's own version, kept equal to the package version by a test. */
const CLI_VERSION = '0.1.0';
/**
 * Runs the CLI on argv (without node and script) and returns the exit code.
 * Never calls process.exit: the entry point does.
 */
async function runCli(argv, io) {
    let args;
    try {
        args = parseCliArgs(argv);
        if (args.version) {
            io.stdout(`${CLI_VERSION}\n`);
            return src_io/* EXIT */.d.ok;
        }
        if (args.help) {
            io.stdout(`${(0,src/* linkDocs */.cG)(renderHelp(), src_io/* DOCS_BASE_URL */.i)}\n`);
            return src_io/* EXIT */.d.ok;
        }
        if (!args.command) {
            throw new src/* UsageError */.eb(`No command given. Commands: ${Object.keys(COMMANDS).join(', ')}. ` +
                'Example: release-policy check. Run "release-policy --help" for usage. See docs/cli.md');
        }
        const cwd = (0,external_node_path_.resolve)(io.cwd, args.cwd ?? '.');
        // The checks need an existing repository; init creates what it writes into.
        if (args.command !== 'init')
            await checkDirectory(cwd, args.cwd);
        const result = await dispatch(args, { ...io, cwd });
        if (args.json)
            io.stdout(`${(0,output/* renderJson */.hF)(result.json)}\n`);
        else if (result.text)
            io.stdout(`${result.data ? result.text : (0,src/* linkDocs */.cG)(result.text, src_io/* DOCS_BASE_URL */.i)}\n`);
        return result.exitCode;
    }
    catch (error) {
        return reportError(error, io, args?.json ?? argv.includes('--json'));
    }
}
/**
 * Runs the command. The checks' command is loaded with the CLI; the others on
 * use, so a check does not load (compile and initialize) what only they need,
 * e.g. the GitHub API client that `changelog` may publish with.
 */
async function dispatch(args, io) {
    if (args.command === 'changelog') {
        const { runChangelogCommand } = await __webpack_require__.e(/* import() */ 639).then(__webpack_require__.bind(__webpack_require__, 9639));
        return runChangelogCommand(args, io);
    }
    const single = src/* CHECKS */.ui.find((check) => check.command.name === args.command);
    if (single)
        return runCheckCommand(args, io, [single]);
    switch (args.command) {
        case 'check':
            return runCheckCommand(args, io, src/* CHECKS */.ui.filter((check) => check.command.standalone !== true));
        case 'schema': {
            const { runSchemaCommand } = await __webpack_require__.e(/* import() */ 926).then(__webpack_require__.bind(__webpack_require__, 926));
            return runSchemaCommand(args);
        }
        case 'init': {
            const { runInitCommand } = await __webpack_require__.e(/* import() */ 502).then(__webpack_require__.bind(__webpack_require__, 9502));
            return runInitCommand(args, io);
        }
        case 'history': {
            const { runHistoryCommand } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481), __webpack_require__.e(317)]).then(__webpack_require__.bind(__webpack_require__, 317));
            return runHistoryCommand(args, io);
        }
        case 'org-audit': {
            const { runOrgAuditCommand } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481), __webpack_require__.e(137)]).then(__webpack_require__.bind(__webpack_require__, 7137));
            return runOrgAuditCommand(args, io);
        }
        default:
            throw new src/* UsageError */.eb(unknownCommandMessage(args.command ?? ''));
    }
}
function unknownCommandMessage(command) {
    const names = Object.keys(COMMANDS);
    const near = suggestCommand(command, names);
    return (`Unknown command ${(0,src/* quoteValue */.cl)(command)}.` +
        (near ? ` Did you mean "${near}"?` : '') +
        ` Commands: ${names.join(', ')}. Example: release-policy check. See docs/cli.md`);
}
/** Converts a thrown error into output and an exit code, once, at the boundary. */
function reportError(error, io, json) {
    const findings = (error instanceof src/* ConfigError */.xL ? (0,src/* convertConfigIssuesToFindings */.H1)(error.issues) : []).map((finding) => (0,src/* linkFindingDocs */.Lx)(finding, src_io/* DOCS_BASE_URL */.i));
    const kind = error instanceof src/* ReleasePolicyError */.CP ? error.name : 'UnexpectedError';
    const message = (0,src/* linkDocs */.cG)(error instanceof Error ? error.message : String(error), src_io/* DOCS_BASE_URL */.i);
    if (json) {
        io.stdout(`${(0,output/* renderJson */.hF)({ ok: false, findings, error: { type: kind, message } })}\n`);
    }
    else if (error instanceof src/* ReleasePolicyError */.CP) {
        io.stderr(`release-policy: ${(0,output/* sanitizeForTerminal */.dk)(message)}\n`);
    }
    else {
        io.stderr(`release-policy: unexpected error: ${(0,output/* sanitizeForTerminal */.dk)(error instanceof Error ? (error.stack ?? message) : message)}\n` +
            'This is a bug in release-policy; please report it with the command you ran.\n');
    }
    return src_io/* EXIT */.d.usage;
}
/** `-C DIR` must name a directory: said plainly, before git blames something else. */
async function checkDirectory(path, given) {
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (info?.isDirectory())
        return;
    throw new src/* UsageError */.eb(`${JSON.stringify(given ?? path)} is ${info ? 'not a directory' : 'not there'}. ` +
        'Give the repository to check, e.g. -C ../service, or leave -C out to check the current directory. ' +
        'See docs/cli.md');
}


/***/ }),

/***/ 9469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dk: () => (/* binding */ sanitizeForTerminal),
/* harmony export */   hF: () => (/* binding */ renderJson),
/* harmony export */   sp: () => (/* binding */ renderFields),
/* harmony export */   vO: () => (/* binding */ renderFindings)
/* harmony export */ });
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1835);

const paint = (code) => (text, on) => on ? `\u001b[${code}m${text}\u001b[0m` : text;
const red = paint('31');
const yellow = paint('33');
const blue = paint('34');
const dim = paint('2');
const green = paint('32');
const symbols = { error: '✖', warning: '⚠', notice: 'ℹ' };
/**
 * Replaces control characters so untrusted text cannot move the cursor,
 * recolour the terminal, fake lines or reorder itself: the one escaping
 * policy of every output ({@link escapeInvisible}). Line feeds and tabs are
 * kept unless `singleLine` is set (a branch name or path must never span lines).
 */
function sanitizeForTerminal(text, options = {}) {
    return (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .escapeInvisible */ .ts)(text, options);
}
/**
 * Renders a JSON document, two-space indented, with the characters that
 * JSON.stringify leaves raw but a terminal may act on (C1 controls, DEL,
 * line separators, bidirectional and zero-width characters) written as
 * \uXXXX escapes: the same value for a JSON reader, inert on a screen.
 */
function renderJson(value) {
    // JSON.stringify escapes C0 controls inside strings; the only raw line feeds are the indentation's.
    return (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .escapeInvisible */ .ts)(JSON.stringify(value, null, 2));
}
/** Renders findings for a person: one block per finding, then a count line. */
function renderFindings(findings, color) {
    const lines = [];
    for (const f of findings) {
        const colour = f.severity === 'error' ? red : f.severity === 'warning' ? yellow : blue;
        const where = f.file
            ? `${sanitizeForTerminal(f.file, { singleLine: true })}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: `
            : '';
        lines.push(`${colour(symbols[f.severity], color)} ${where}${sanitizeForTerminal(f.message)} ${dim(`[${f.rule}]`, color)}`);
        if (f.hint)
            lines.push(`    ${dim('fix:', color)} ${sanitizeForTerminal(f.hint)}`);
        if (f.docs)
            lines.push(`    ${dim('docs:', color)} ${sanitizeForTerminal(f.docs, { singleLine: true })}`);
    }
    const n = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(findings);
    const summary = `${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(n.error, 'error')}, ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(n.warning, 'warning')}, ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(n.notice, 'notice')}`;
    lines.push(n.error > 0 ? red(summary, color) : green(n.warning ? summary : `passed (${summary})`, color));
    return lines.join('\n');
}
/** Renders `key: value` fields, skipping empty ones. */
function renderFields(fields, color) {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== '');
    if (entries.length === 0)
        return '';
    const width = Math.max(...entries.map(([k]) => k.length));
    return entries
        .map(([k, v]) => `${dim(`${k.padEnd(width)}`, color)}  ${sanitizeForTerminal(String(v), { singleLine: true })}`)
        .join('\n');
}


/***/ }),

/***/ 7838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readPolicy)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1835);
/* harmony import */ var _release_policy_git__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(130);
/* harmony import */ var _release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1293);




/**
 * Reads the policy the way CI does. An explicit `--policy FILE` always wins
 * (it must exist). Otherwise, with a base branch (`--base`, or the runner's
 * `GITHUB_BASE_REF`), `.github/release-policy.yml` is read from that branch
 * (`BASE`, else `origin/BASE`), so a pull request cannot relax its own rules
 * here either; without one, from the working tree. An absent file means the
 * embedded default policy. Throws `ConfigError` for a malformed file.
 */
async function readPolicy(cwd, explicit, base) {
    if (!explicit && base) {
        const fromBase = await readPolicyAtRef(base.git, base.ref);
        if (fromBase)
            return fromBase;
    }
    const fromTree = await readPolicyFile(cwd, explicit);
    const notices = [];
    if (!explicit && base)
        notices.push(await describeMissingBase(base.git, base.ref, fromTree.origin));
    return { ...fromTree, notices };
}
/**
 * The base branch is in neither `BASE` nor `origin/BASE`: a warning that it
 * does not exist here, with the nearest branch names (a typo in --base would
 * otherwise check the merge direction against a branch that is not there),
 * where the policy came from instead, and the fetch that would bring it.
 */
async function describeMissingBase(git, ref, origin) {
    // Listing names is advice only: a failure leaves the suggestion out.
    const branches = await git.listBranches().catch(() => []);
    const names = [...new Set(branches.map((name) => name.replace(/^origin\//, '')))];
    const near = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .findClosest */ .Ru)(ref, names);
    const shown = names.slice(0, 10).map((name) => JSON.stringify(name));
    const listed = shown.length === 0
        ? ' The clone has no branches.'
        : ` Branches here: ${shown.join(', ')}${names.length > shown.length ? `, and ${names.length - shown.length} more` : ''}.`;
    return {
        rule: 'policy-file',
        severity: 'warning',
        message: `The base branch ${JSON.stringify(ref)} does not exist in this clone (neither ${JSON.stringify(ref)} nor ` +
            `${JSON.stringify(`origin/${ref}`)}).${near ? ` Did you mean ${JSON.stringify(near)}?` : ''}${listed} ` +
            `So the policy was read from the working tree (${origin}) and the merge direction was checked against a base that is not here. ` +
            `If the branch exists on the remote, fetch it (git fetch origin ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteShellArgument */ .qK)(ref)}) to get the answer CI gives.`,
        docs: 'docs/cli.md#where-the-policy-comes-from',
    };
}
/** What the git adapter reports for a revision absent from the clone (shallow or not). */
const MISSING_REF_KINDS = ['unknown-revision', 'shallow'];
/** True when `error` says the revision is not in this clone, and nothing else. */
function isMissingRef(error) {
    return error instanceof _release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS && MISSING_REF_KINDS.includes(error.kind);
}
async function readPolicyAtRef(git, ref) {
    for (const candidate of [ref, `origin/${ref}`]) {
        let blob;
        try {
            await git.revParse(candidate);
            blob = await git.readBlobAt(candidate, _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$, _release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__/* .MAX_POLICY_FILE_BYTES */ .ph);
        }
        catch (error) {
            // Only a ref git cannot find means "not in this clone"; any other failure
            // (not a repository, dubious ownership, no git) is a real problem.
            if (isMissingRef(error))
                continue;
            throw error;
        }
        const origin = `${_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$} on ${candidate}`;
        if (blob === undefined) {
            return { policy: (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .defaultPolicy */ .G4)(), origin: `(default policy: no ${origin})`, notices: [] };
        }
        if (blob.bytes === undefined) {
            throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`The policy file ${origin} is ${blob.size} bytes, larger than the ${_release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__/* .MAX_POLICY_FILE_BYTES */ .ph}-byte limit ` +
                'for a policy, so it was not read. A policy is a short YAML file. See docs/cli.md#security');
        }
        // Bytes, so the loader checks UTF-8 as for the working tree.
        return { policy: (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .loadPolicyBytes */ .cy)(blob.bytes, _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$), origin, notices: [] };
    }
    return undefined;
}
async function readPolicyFile(cwd, explicit) {
    const path = explicit
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(explicit)
            ? explicit
            : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(cwd, explicit)
        : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(cwd, _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$);
    // Only a regular file inside the repository (or the file --policy names, never
    // through a final link) is read, bounded: its text ends up in messages.
    const read = explicit
        ? await (0,_release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__/* .readPolicyFileSafely */ .rK)(path)
        : await (0,_release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__/* .readPolicyFileInside */ .HZ)(cwd, _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$);
    if (read.status === 'refused') {
        if (!explicit && read.problem === 'missing') {
            const policy = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .defaultPolicy */ .G4)();
            return { policy, origin: policy.source };
        }
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(describeUnreadablePolicy(explicit ?? _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$, read), {
            cause: read.cause,
        });
    }
    const shown = explicit && (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(explicit) ? explicit : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, path) || path;
    return { policy: (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .loadPolicyBytes */ .cy)(read.bytes, shown), origin: shown };
}
/** Why the policy file cannot be used, teaching the fix; never quotes the file's content. */
function describeUnreadablePolicy(shown, read) {
    const fix = 'Give an existing file, e.g. --policy .github/release-policy.yml, or run "release-policy init" to write one. See docs/policy.md';
    // The plain cases keep their short form: the system's code says it all.
    if (read.problem === 'missing' || read.problem === 'directory') {
        return `Cannot read the policy file ${JSON.stringify(shown)} (${read.code ?? 'error'}). ${fix}`;
    }
    return (`Cannot read the policy file ${JSON.stringify(shown)}: ${(0,_release_policy_github_policy_file__WEBPACK_IMPORTED_MODULE_3__/* .describePolicyFileProblem */ .z)(read)}. ` +
        'A policy is a regular YAML file inside the repository, e.g. .github/release-policy.yml. ' +
        'See docs/cli.md#security');
}


/***/ }),

/***/ 5788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ parseRemoteUrl),
/* harmony export */   Pm: () => (/* binding */ readServerUrl),
/* harmony export */   op: () => (/* binding */ loadRepositoryOption)
/* harmony export */ });
/* unused harmony export parseRepositoryName */
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1835);

// GitHub's own limits: an owner is letters, digits and single hyphens; a
// name also takes dots and underscores. Both are matched, never compiled from input.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** The `OWNER/NAME` form, or undefined when `text` is not in it. */
function parseRepositoryName(text) {
    const parts = text.split('/');
    if (parts.length !== 2)
        return undefined;
    const [owner = '', repo = ''] = parts;
    if (!OWNER.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..')
        return undefined;
    return { owner, repo };
}
/**
 * Reads `--repo OWNER/NAME`.
 *
 * @throws UsageError when the value is not in the `OWNER/NAME` form.
 */
function loadRepositoryOption(text) {
    const parsed = parseRepositoryName(text);
    if (parsed)
        return parsed;
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--repo ${JSON.stringify(shown)} is not a repository name. Give OWNER/NAME as GitHub shows it, ` +
        'e.g. --repo octo-org/service (not a URL), or leave --repo out to use the origin remote. ' +
        'See docs/cli.md#github-api');
}
/**
 * The repository a remote URL points at, in the three forms git takes:
 * `https://HOST/OWNER/NAME(.git)`, `git@HOST:OWNER/NAME(.git)` and
 * `ssh://git@HOST(:PORT)/OWNER/NAME(.git)`, on any host (GitHub Enterprise
 * Server too). Undefined for any other URL (a local path, a deeper path).
 */
function parseRemoteUrl(url) {
    const path = readRemotePath(url.trim());
    if (path === undefined)
        return undefined;
    return parseRepositoryName(path
        .replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, ''));
}
/** The path part of a remote URL, or undefined when it is not a network URL. */
function readRemotePath(url) {
    // scp-like syntax: [user@]host:path, where the host part holds no slash.
    const scp = /^(?:[^@/:]+@)?[^@/:]+:(?!\/\/)(.+)$/.exec(url);
    if (scp)
        return scp[1];
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        // Neither form: a local path, which names no repository on GitHub.
        return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || !parsed.host) {
        return undefined;
    }
    return decodeURIComponent(parsed.pathname);
}
/**
 * The web address of the GitHub server a repository lives on, for links in
 * release notes: `GITHUB_SERVER_URL` when set (GitHub Enterprise Server, as
 * Actions sets it), else the remote's host (`https://HOST`; an `http(s)`
 * remote keeps its scheme and port, an ssh remote's port is its ssh port and
 * is dropped). Credentials in the remote URL are never kept. Undefined for a
 * remote that is not a network URL.
 */
function readServerUrl(remote, env) {
    const server = parseWebOrigin(env.GITHUB_SERVER_URL ?? '');
    if (server !== undefined)
        return server;
    const url = remote.trim();
    const scp = /^(?:[^@/:]+@)?([^@/:]+):(?!\/\/)/.exec(url);
    if (scp)
        return `https://${scp[1] ?? ''}`;
    const web = parseWebOrigin(url);
    if (web !== undefined)
        return web;
    try {
        const parsed = new URL(url);
        if (['ssh:', 'git:'].includes(parsed.protocol) && parsed.hostname) {
            return `https://${parsed.hostname}`;
        }
    }
    catch {
        // Not a URL: a local path, which is on no server.
    }
    return undefined;
}
/** `scheme://host[:port]` of an http(s) URL, credentials and path dropped; undefined otherwise. */
function parseWebOrigin(text) {
    try {
        const parsed = new URL(text);
        if (!['https:', 'http:'].includes(parsed.protocol) || !parsed.host)
            return undefined;
        return parsed.origin;
    }
    catch {
        // Not a URL at all: no origin.
        return undefined;
    }
}


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ui: () => (/* reexport */ CHECKS),
  hz: () => (/* reexport */ ChangelogFileError),
  xL: () => (/* reexport */ errors_ConfigError),
  Fm: () => (/* reexport */ DEFAULT_POLICY_YAML),
  DP: () => (/* reexport */ EVIDENCE_PAYLOAD_KEY),
  C3: () => (/* reexport */ FACT_SOURCES),
  WA: () => (/* reexport */ OTHER_LINE),
  l$: () => (/* reexport */ POLICY_PATH),
  _E: () => (/* reexport */ RELEASE_TYPES),
  CP: () => (/* reexport */ ReleasePolicyError),
  eb: () => (/* reexport */ UsageError),
  Xr: () => (/* reexport */ analyzeVersion),
  rO: () => (/* reexport */ changelogCheck),
  xF: () => (/* reexport */ checkDocumentLinks),
  n4: () => (/* reexport */ classifyBranch),
  sq: () => (/* reexport */ collectBranchVersionSource),
  ri: () => (/* reexport */ collectChangelogEntries),
  GQ: () => (/* reexport */ collectFileVersionSource),
  p4: () => (/* reexport */ collectRiskAssessments),
  yE: () => (/* reexport */ collectTagVersionSource),
  Zy: () => (/* reexport */ compareVersions),
  H1: () => (/* reexport */ convertConfigIssuesToFindings),
  Gt: () => (/* reexport */ countFindings),
  WZ: () => (/* reexport */ createPolicyJsonSchema),
  G4: () => (/* reexport */ defaultPolicy),
  ts: () => (/* reexport */ escapeInvisible),
  _3: () => (/* reexport */ evaluate),
  zf: () => (/* reexport */ explainVersionFilePath),
  eq: () => (/* reexport */ findChangelogPackage),
  Ru: () => (/* reexport */ findClosest),
  Wi: () => (/* reexport */ plan_findEnvironmentSpec),
  jc: () => (/* reexport */ plan_findLiveDeployment),
  L_: () => (/* reexport */ findRollbackTarget),
  S2: () => (/* reexport */ findSucceededDeployment),
  YQ: () => (/* reexport */ formatReleaseDocsBaseUrl),
  ce: () => (/* reexport */ groupChangelogEntries),
  EO: () => (/* reexport */ insertReleaseNotes),
  bu: () => (/* reexport */ isApprovalEnvironment),
  WG: () => (/* reexport */ isPassing),
  MO: () => (/* reexport */ isPatchReleaseBranch),
  a3: () => (/* reexport */ isReleaseType),
  cG: () => (/* reexport */ linkDocs),
  Lx: () => (/* reexport */ linkFindingDocs),
  qj: () => (/* reexport */ listApprovalGates),
  Lh: () => (/* reexport */ listPolicyEnvironments),
  cy: () => (/* reexport */ loadPolicyBytes),
  Zl: () => (/* reexport */ matchRefPattern),
  rE: () => (/* reexport */ parseReleaseTag),
  Vo: () => (/* reexport */ planAuditBranches),
  R0: () => (/* reexport */ planTagSample),
  ah: () => (/* reexport */ planVersionCheck),
  LS: () => (/* reexport */ plural),
  PT: () => (/* reexport */ promoteCheck),
  Q7: () => (/* reexport */ quoteBranchName),
  qK: () => (/* reexport */ quoteShellArgument),
  cl: () => (/* reexport */ quoteValue),
  Kz: () => (/* reexport */ rankPreviousReleaseTags),
  tU: () => (/* reexport */ readCherryPickSources),
  MG: () => (/* reexport */ readEvidencePayload),
  VL: () => (/* reexport */ renderDocumentTemplates),
  d8: () => (/* reexport */ renderPullRequestTemplate),
  nA: () => (/* reexport */ renderReleaseNotes),
  Ls: () => (/* reexport */ resolveBranchUnderTest),
  fv: () => (/* reexport */ selectLinesBelow),
  XZ: () => (/* reexport */ selectPackageEntries),
  YH: () => (/* reexport */ selectPatchLines),
  Tc: () => (/* reexport */ sortFindings),
  lm: () => (/* reexport */ truncateText)
});

// UNUSED EXPORTS: AUDIT_FAILURES, DEFAULT_ACTION_REPOSITORY, DEFAULT_NEXT_RELEASE_TYPE, DEFAULT_PATCH_EXEMPTIONS, DEFAULT_PATCH_KINDS, DEFAULT_POLICY_SOURCE, DefaultPolicyError, EVIDENCE_FORMAT, FORWARD_PORT_BRANCH_PREFIX, LINE_KINDS, MAX_AUDITED_LINES, MAX_QUOTED_LENGTH, MAX_STATUS_LINES, MAX_STATUS_MISSING_COMMITS, OTHER_TYPE, POLICY_SCHEMA_URL, PROJECT_URL, PULL_REQUEST_TEMPLATE_PATH, RELEASE_POLICY_VERSION, RULES, auditCheck, branchCheck, buildEvidenceRecord, classifyLine, classifyLineCommits, classifyRelease, computeCanaryStep, computeImpliedBump, computeReleaseStatus, computeSeverity, createChangelogParserOptions, decideWindow, defineCheck, definePolicySection, describeBranchKind, describeDuration, docsCheck, formatConfigIssues, formatForwardPortBranch, inspectNextReleaseDocuments, isCheckName, isPinnedRef, isPlaceholderLine, listApprovalEnvironments, loadPolicy, matchSubjectPattern, neutralizeCommitText, normalizeBranchName, normalizeHeading, normalizeLineBreaks, parseConventionalCommit, parseDuration, parseMarkdownOutline, parsePolicy, parsePolicyBytes, parseStrictVersion, patchesCheck, patchesSection, planForwardPorts, quoteVersionText, readPullRequestNumber, readRiskSection, selectChecks, tallyApprovals, versionCheck

;// CONCATENATED MODULE: ../core/src/findings.ts
/** True when no finding is an error. */
function isPassing(findings) {
    return !findings.some((f) => f.severity === 'error');
}
const order = { error: 0, warning: 1, notice: 2 };
/** Sorts findings: errors first, then by file, line and rule; stable for equal keys. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => order[a.severity] - order[b.severity] ||
        (a.file ?? '').localeCompare(b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.rule.localeCompare(b.rule));
}
/** Counts findings by severity. */
function countFindings(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        counts[f.severity] += 1;
    return counts;
}

// EXTERNAL MODULE: ../../node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(3315);
;// CONCATENATED MODULE: ../core/src/config/constants.ts
/**
 * Constants of the policy that rules and sections share. A leaf module: it
 * imports nothing, so any module may import it without a cycle.
 */
/** Where the policy documentation lives, relative to the repository root. */
const POLICY_DOCS = 'docs/policy.md';
/** Version bump levels, weakest first. `none` means the commit type releases nothing. */
const BUMPS = ['none', 'patch', 'minor', 'major'];
/** The running release of release-policy (packages/core/package.json's version; a test keeps them equal). */
const RELEASE_POLICY_VERSION = '0.1.0';
/**
 * A ticket key as the policy accepts it (`CHG`, `OPS2`): upper-case letters and
 * digits, starting with a letter, at most 20 characters. One home for the
 * branch kinds' and the change request's `ticket-keys` and for finding ticket
 * ids (`CHG-1234`) in text.
 */
const TICKET_KEY_SOURCE = '[A-Z][A-Z0-9]{0,19}';
/** A whole ticket key, for validating `ticket-keys` entries. */
const TICKET_KEY = new RegExp(`^${TICKET_KEY_SOURCE}$`);

;// CONCATENATED MODULE: ../core/src/config/section.ts
/**
 * Declares a section, keeping its literal key, property and value type so
 * the effective `Policy` type can be derived from the list of sections.
 */
function definePolicySection(section) {
    return section;
}

;// CONCATENATED MODULE: ../core/src/checks/audit/section.ts
/**
 * The `audit` section of the policy: what the configuration audit demands of
 * GitHub's settings besides what the other sections say, the status issue's
 * title, and which results fail the audit.
 */


/** What can fail the audit: settings drift, or patches missing from mainline. */
const AUDIT_FAILURES = ['drift', 'missing-patches'];
/** The check name of the release-policy job, as a caller of the reusable workflow sees it. */
const DEFAULT_REQUIRED_CHECKS = ['release-policy / release policy'];
/** The repository this project's actions are used from. */
const DEFAULT_ACTION_REPOSITORY = 'release-policy/release-policy';
/** The `audit` section as written. */
const auditSchema = schemas/* strictObject */.rej({
    'status-issue-title': schemas/* string */.YjP()
        .trim()
        .min(1)
        .max(256)
        .default('Release status')
        .describe('The title of the issue the audit keeps up to date with the release status.'),
    'fail-on': schemas/* array */.YOg(schemas/* enum */.k5n(AUDIT_FAILURES))
        .default([...AUDIT_FAILURES])
        .describe('What fails the audit: drift (a GitHub setting that does not enforce the policy), missing-patches; an empty list reports without failing.'),
    'required-checks': schemas/* array */.YOg(schemas/* string */.YjP().min(1).max(255))
        .default(DEFAULT_REQUIRED_CHECKS)
        .describe('Status check names that mainline and the release lines must require before merging.'),
    'action-repository': schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'an owner/name, e.g. release-policy/release-policy')
        .default(DEFAULT_ACTION_REPOSITORY)
        .describe('The repository the workflows use the release-policy actions from (a fork or mirror).'),
})
    .describe('The configuration audit and the release status issue.');
/** The `audit` policy section. */
const auditSection = definePolicySection({
    key: 'audit',
    property: 'audit',
    schema: auditSchema,
    docs: 'audit',
    resolve: (parsed) => ({
        statusIssueTitle: parsed['status-issue-title'],
        failOn: [...parsed['fail-on']],
        requiredChecks: [...parsed['required-checks']],
        actionRepository: parsed['action-repository'],
    }),
    fields: {
        audit: {
            expected: 'a mapping with status-issue-title, fail-on, required-checks and action-repository',
            example: 'audit: { status-issue-title: Release status, fail-on: [drift] }',
        },
        'audit.status-issue-title': {
            expected: 'an issue title of 1 to 256 characters',
            example: 'status-issue-title: Release status',
        },
        'audit.fail-on': {
            expected: 'a list of drift and missing-patches; empty to never fail',
            example: 'fail-on: [drift, missing-patches]',
        },
        'audit.fail-on[]': { expected: 'drift or missing-patches', example: 'drift' },
        'audit.required-checks': {
            expected: 'a list of status check names',
            example: "required-checks: ['release-policy / release policy']",
        },
        'audit.required-checks[]': {
            expected: 'a status check name as GitHub shows it on a pull request',
            example: 'release-policy / release policy',
        },
        'audit.action-repository': {
            expected: 'the owner/name of the repository the actions are used from',
            example: 'action-repository: release-policy/release-policy',
        },
    },
    defaultYaml: `audit:
  # The configuration audit (release-policy audit, actions/audit) reads
  # GitHub's settings and checks they enforce this policy. The issue it keeps
  # up to date with where every release line stands:
  status-issue-title: Release status
  # What fails the audit: drift (a setting that does not enforce the policy)
  # and missing-patches (a maintenance line's patch not in mainline). An
  # empty list reports without failing.
  fail-on: [drift, missing-patches]
  # Status checks mainline and the release lines must require.
  required-checks: ['release-policy / release policy']
  # Where the workflows use the release-policy actions from.
  action-repository: release-policy/release-policy
`,
});

;// CONCATENATED MODULE: ../core/src/checks/branch/section.ts
/**
 * The `branches` section of the policy: branch kinds, their name patterns and
 * where each kind may be merged. Read by the branch check (and by the version
 * check, for the release line a branch carries).
 */



/** A branch name pattern: literal text plus typed placeholders. */
const pattern = schemas/* string */.YjP()
    .min(1, 'a pattern must not be empty; example: "feature/{ticket}-{slug}"')
    .max(200, 'a pattern must be at most 200 characters')
    .describe('A branch name pattern: literal text plus placeholders, e.g. "feature/{ticket}-{slug}".');
const branchKind = schemas/* strictObject */.rej({
    /** One or more patterns; a branch belongs to the kind when any pattern matches. */
    patterns: schemas/* array */.YOg(pattern)
        .min(1, 'a branch kind needs at least one pattern')
        .describe('One or more patterns; a branch belongs to the kind when any pattern matches.'),
    /**
     * Where branches of this kind may be merged (the pull-request base):
     * `mainline` or other kind names. An empty list means "merges nowhere".
     */
    into: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .default([])
        .describe('Where branches of this kind may be merged: "mainline" or other kind names.'),
    /**
     * When the target kind carries a version line (release/maintenance), the
     * source's own version must be on that line: `hotfix/1.4.3` into `release/1.4`.
     */
    'same-line': schemas/* boolean */.zMY()
        .default(false)
        .describe("The branch's version must be on the target's version line (hotfix/1.4.3 into release/1.4)."),
    /** Free text shown in messages and the job summary. */
    description: schemas/* string */.YjP().describe('Free text shown in messages and the job summary.').optional(),
});
/** The `branches` section as written. */
const branchesSchema = schemas/* strictObject */.rej({
    /** Ticket keys allowed in `{ticket}`, e.g. `[CHG, OPS]`. Empty: any upper-case key. */
    'ticket-keys': schemas/* array */.YOg(schemas/* string */.YjP()
        .regex(TICKET_KEY, 'a ticket key is upper-case letters and digits, starting with a letter; example: CHG'))
        .default([])
        .describe('Ticket keys allowed in {ticket}, e.g. [CHG, OPS]. Empty: any upper-case key.'),
    /** Branch kinds by name. */
    kinds: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "feature"'), branchKind)
        .meta({ description: 'Branch kinds by name; at least one.', minProperties: 1 }),
})
    .describe('Branch kinds: name patterns and where each kind may be merged.');
/** The `branches` policy section. */
const branchesSection = definePolicySection({
    key: 'branches',
    property: 'branches',
    schema: branchesSchema,
    docs: 'branches',
    resolve: (parsed) => ({
        ticketKeys: [...parsed['ticket-keys']],
        kinds: structuredClone(parsed.kinds),
    }),
    fields: {
        branches: {
            expected: 'a mapping with "kinds" and optionally "ticket-keys"',
            example: 'branches: { kinds: { feature: { patterns: ["feature/{slug}"], into: [mainline] } } }',
        },
        'branches.ticket-keys': {
            expected: 'a list of ticket keys',
            example: 'ticket-keys: [CHG, OPS]',
        },
        'branches.ticket-keys[]': {
            expected: 'a ticket key: 1 to 20 upper-case letters and digits, starting with a letter',
            example: 'CHG',
        },
        'branches.kinds': {
            expected: 'a mapping from branch kind name to its patterns and merge targets',
            example: 'kinds: { feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] } }',
        },
        'branches.kinds.*(key)': {
            expected: 'a kind name: lower-case letters, digits and dashes, starting with a letter',
            example: 'hotfix',
        },
        'branches.kinds.*': {
            expected: 'a mapping with "patterns" and optionally "into", "same-line" and "description"',
            example: 'feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] }',
        },
        'branches.kinds.*.patterns': {
            expected: 'a list of at least one branch name pattern',
            example: 'patterns: ["feature/{ticket}-{slug}", "feat/{ticket}-{slug}"]',
        },
        'branches.kinds.*.patterns[]': {
            expected: 'a pattern: literal text and placeholders, 1 to 200 characters',
            example: '"feature/{ticket}-{slug}"',
        },
        'branches.kinds.*.into': {
            expected: 'a list of merge targets: "mainline" or branch kind names',
            example: 'into: [mainline, release]',
        },
        'branches.kinds.*.into[]': {
            expected: '"mainline" or the name of a branch kind',
            example: 'release',
        },
        'branches.kinds.*.same-line': { expected: 'true or false', example: 'same-line: true' },
        'branches.kinds.*.description': {
            expected: 'a string',
            example: 'description: "Short-lived work, merged into main"',
        },
    },
    defaultYaml: `branches:
  # Ticket keys allowed in {ticket}, e.g. [CHG, OPS] for CHG-123 or OPS-7.
  # Empty: any upper-case key.
  ticket-keys: []

  # Branch kinds. A branch belongs to a kind when one of its patterns matches
  # the whole name. Placeholders:
  #   {major} {minor} {patch}  version numbers, e.g. 1, 4, 0
  #   {version}                a full version, e.g. 1.4.3
  #   {ticket}                 a ticket id, e.g. CHG-123
  #   {slug}                   lower-case words joined by dashes, e.g. add-login
  #   {rest}                   the remainder: one or more path segments
  # "into" lists where the kind may be merged (a pull request's base):
  # "mainline" or other kind names. "same-line: true" requires the branch's
  # version to be on the target's version line (hotfix/1.4.3 into release/1.4).
  kinds:
    feature:
      patterns: ['feature/{ticket}-{slug}', 'feat/{ticket}-{slug}']
      into: [mainline]
    fix:
      patterns: ['fix/{ticket}-{slug}']
      into: [mainline, release, maintenance]
    release:
      patterns: ['release/{major}.{minor}']
      into: [mainline]
    maintenance:
      patterns: ['{major}.{minor}.x', '{major}.x']
      into: [mainline]
    hotfix:
      patterns: ['hotfix/{version}']
      into: [mainline, release, maintenance]
      same-line: true
    bot:
      patterns: ['dependabot/{rest}', 'renovate/{rest}']
      into: [mainline, release, maintenance]
`,
});

;// CONCATENATED MODULE: ../core/src/checks/docs/section.ts
/**
 * The sections the docs check reads: `documents` (the files a release of
 * each type needs, and what they must hold) and `change-request` (the form a
 * pull request's description fills in).
 */



/** The release types a document may be required for. */
const RELEASE_TYPES = ['major', 'minor', 'patch', 'prerelease'];
/** The placeholder texts of the default templates. `<…>` stands for any text in angle brackets. */
const DEFAULT_PLACEHOLDERS = ['TODO', 'TBD', '<…>', '…'];
/**
 * Why a policy path could leave the repository (absolute, `..`, a NUL), or
 * undefined for a plain relative path or glob.
 */
function explainDocumentPath(path) {
    if (path.includes('\0'))
        return 'contains a NUL character';
    if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
        return 'is absolute, so it could read a file outside the repository';
    }
    if (path.split(/[\\/]/).includes('..')) {
        return 'contains "..", so it could read a file outside the repository';
    }
    return undefined;
}
const repositoryPath = schemas/* string */.YjP()
    .min(1)
    .superRefine((path, ctx) => {
    const problem = explainDocumentPath(path);
    if (problem !== undefined) {
        ctx.addIssue({
            code: 'custom',
            message: `the path ${problem}; give a path or glob relative to the repository root, e.g. docs/release/*.md`,
        });
    }
});
const sectionTitle = schemas/* union */.KCZ([
    schemas/* string */.YjP().min(1).describe('A heading that must exist, matched case-insensitively at any level.'),
    schemas/* strictObject */.rej({
        title: schemas/* string */.YjP().min(1).describe('The heading, matched case-insensitively at any level.'),
        aliases: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
            .default([])
            .describe('Other headings that count as this one, e.g. a translation.'),
    }),
]);
const placeholders = schemas/* array */.YOg(schemas/* string */.YjP().min(1))
    .default(DEFAULT_PLACEHOLDERS)
    .describe('Texts that mark a section as not filled in; <…> stands for any text in angle brackets.');
const documentEntry = schemas/* strictObject */.rej({
    path: repositoryPath.describe('A file or a glob inside the repository.'),
    'required-for': schemas/* array */.YOg(schemas/* enum */.k5n(RELEASE_TYPES))
        .min(1)
        .describe('The release types that need the document.'),
    sections: schemas/* array */.YOg(sectionTitle)
        .default([])
        .describe('Headings that must exist, each with non-empty content below it.'),
    'mention-version': schemas/* boolean */.zMY()
        .default(false)
        .describe('The document must mention the version being released, e.g. 1.4.0 or v1.4.0.'),
    updated: schemas/* boolean */.zMY()
        .default(false)
        .describe('The document must have changed since the previous release tag.'),
    template: repositoryPath
        .describe('The template the document was made from; a document still identical to it fails.')
        .optional(),
    placeholders,
});
/** The `documents` section as written: a list of required documents. */
const documentsSchema = schemas/* array */.YOg(documentEntry)
    .describe('The documents a release needs, by release type.');
function normalizeSection(entry) {
    return typeof entry === 'string'
        ? { title: entry, aliases: [] }
        : { title: entry.title, aliases: [...entry.aliases] };
}
const sectionFields = {
    expected: 'a heading, or a mapping with "title" and "aliases"',
    example: '{ title: Rollback, aliases: [回滚] }',
};
/** The `documents` policy section. */
const documentsSection = definePolicySection({
    key: 'documents',
    property: 'documents',
    schema: documentsSchema,
    docs: 'documents',
    resolve: (parsed) => parsed.map((entry) => ({
        path: entry.path,
        requiredFor: [...entry['required-for']],
        sections: entry.sections.map(normalizeSection),
        mentionVersion: entry['mention-version'],
        updated: entry.updated,
        ...(entry.template === undefined ? {} : { template: entry.template }),
        placeholders: [...entry.placeholders],
    })),
    locate: (documents, at) => documents.map((entry, index) => ({
        ...entry,
        positions: {
            path: at([index, 'path']),
            ...(entry.template === undefined ? {} : { template: at([index, 'template']) }),
        },
    })),
    fields: {
        documents: {
            expected: 'a list of documents, each a mapping with "path" and "required-for"',
            example: 'documents: [{ path: docs/release/rollback.md, required-for: [major, minor] }]',
        },
        'documents[]': {
            expected: 'a mapping with "path", "required-for" and optionally "sections"',
            example: '{ path: docs/release/rollback.md, required-for: [major, minor] }',
        },
        'documents[].path': {
            expected: 'a file or glob relative to the repository root',
            example: 'path: docs/release/rollback.md',
        },
        'documents[].required-for': {
            expected: 'a non-empty list of release types: major, minor, patch, prerelease',
            example: 'required-for: [major, minor]',
        },
        'documents[].required-for[]': {
            expected: 'one of major, minor, patch, prerelease',
            example: 'major',
        },
        'documents[].sections': {
            expected: 'a list of headings',
            example: 'sections: [Steps, { title: Rollback, aliases: [回滚] }]',
        },
        'documents[].sections[]': sectionFields,
        'documents[].sections[].title': { expected: 'a heading', example: 'title: Rollback' },
        'documents[].sections[].aliases': {
            expected: 'a list of headings',
            example: 'aliases: [回滚]',
        },
        'documents[].sections[].aliases[]': { expected: 'a heading', example: '回滚' },
        'documents[].mention-version': { expected: 'true or false', example: 'mention-version: true' },
        'documents[].updated': { expected: 'true or false', example: 'updated: true' },
        'documents[].template': {
            expected: 'a file path relative to the repository root',
            example: 'template: docs/release/templates/rollback.md',
        },
        'documents[].placeholders': {
            expected: 'a list of placeholder texts',
            example: "placeholders: [TODO, TBD, '<…>', '…']",
        },
        'documents[].placeholders[]': { expected: 'a placeholder text', example: 'TODO' },
    },
    defaultYaml: `documents:
  # The documents a release needs. path: a file or a glob inside the
  # repository; required-for: the release types that need it (major, minor,
  # patch, prerelease); sections: headings that must exist with content below
  # them (any level, case-insensitive; { title, aliases } for other names);
  # mention-version: it names the version released; updated: it changed since
  # the previous release tag; template: a document still identical to it
  # fails. A section holding only placeholder text (TODO, TBD, <…>, …) fails.
  # "release-policy init --docs" writes these files as templates.
  - path: docs/release/release-notes.md
    required-for: [major, minor, patch]
    sections: [Changes, Risk]
    mention-version: true
  - path: docs/release/installation.md
    required-for: [major, minor]
    sections: [Environment, Steps, Verification]
  - path: docs/release/configuration.md
    required-for: [major, minor]
    sections: [Parameters]
  - path: docs/release/backup-restore.md
    required-for: [major, minor]
    sections: [Backup, Restore]
  - path: docs/release/rollback.md
    required-for: [major, minor, patch]
    sections: [Triggers, { title: Rollback, aliases: [回滚] }, Verification]
  # The rest of the procedure's list, for teams that keep them:
  # - path: docs/release/file-listing.md
  #   required-for: [major]
  # - path: docs/release/log-locations.md
  #   required-for: [major]
  # - path: docs/release/password-change.md
  #   required-for: [major]
  # - path: docs/release/cleanup-plan.md
  #   required-for: [major]
  # - path: docs/release/contacts.md
  #   required-for: [major]
`,
});
/**
 * The sections a change request holds when the policy does not list its own:
 * the procedure's reason, impact analysis, verification plan and risk, with
 * the procedure's own titles as aliases.
 */
const DEFAULT_CHANGE_REQUEST_SECTIONS = [
    { title: 'Reason', aliases: ['变更原因'] },
    { title: 'Impact analysis', aliases: ['影响分析'] },
    { title: 'Verification plan', aliases: ['验证计划'] },
    { title: 'Risk', aliases: ['风险'] },
];
/** The `change-request` section as written. */
const changeRequestSchema = schemas/* strictObject */.rej({
    sections: schemas/* array */.YOg(sectionTitle)
        .default(() => DEFAULT_CHANGE_REQUEST_SECTIONS.map((s) => ({ ...s, aliases: [...s.aliases] })))
        .describe('Headings the pull request description must hold, each with content; by default Reason, Impact analysis, Verification plan and Risk.'),
    'ticket-keys': schemas/* array */.YOg(schemas/* string */.YjP().regex(TICKET_KEY))
        .default(['CHG'])
        .describe('Ticket keys, e.g. [CHG] for CHG-1234; empty: any upper-case key.'),
    'require-ticket': schemas/* boolean */.zMY()
        .default(true)
        .describe('A ticket id must be in the title, the description or the branch name.'),
    'exempt-labels': schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .default(['dependencies'])
        .describe('Pull requests with any of these labels are not checked.'),
    'exempt-authors': schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .default(['dependabot[bot]', 'renovate[bot]'])
        .describe('Pull requests by these logins are not checked.'),
    placeholders,
})
    .describe('The change request a pull request description holds.');
/** The `change-request` policy section. */
const changeRequestSection = definePolicySection({
    key: 'change-request',
    property: 'changeRequest',
    schema: changeRequestSchema,
    docs: 'change-request',
    resolve: (parsed) => ({
        sections: parsed.sections.map(normalizeSection),
        ticketKeys: [...parsed['ticket-keys']],
        requireTicket: parsed['require-ticket'],
        exemptLabels: [...parsed['exempt-labels']],
        exemptAuthors: [...parsed['exempt-authors']],
        placeholders: [...parsed.placeholders],
    }),
    fields: {
        'change-request': {
            expected: 'a mapping with sections, ticket-keys, require-ticket, exempt-labels, exempt-authors',
            example: 'change-request: { sections: [Reason, Risk], ticket-keys: [CHG] }',
        },
        'change-request.sections': {
            expected: 'a list of headings',
            example: 'sections: [Reason, { title: Risk, aliases: [风险] }]',
        },
        'change-request.sections[]': sectionFields,
        'change-request.sections[].title': { expected: 'a heading', example: 'title: Reason' },
        'change-request.sections[].aliases': {
            expected: 'a list of headings',
            example: 'aliases: [变更原因]',
        },
        'change-request.sections[].aliases[]': { expected: 'a heading', example: '变更原因' },
        'change-request.ticket-keys': {
            expected: 'a list of ticket keys',
            example: 'ticket-keys: [CHG, OPS]',
        },
        'change-request.ticket-keys[]': {
            expected: 'a ticket key: 1 to 20 upper-case letters and digits, starting with a letter',
            example: 'CHG',
        },
        'change-request.require-ticket': { expected: 'true or false', example: 'require-ticket: true' },
        'change-request.exempt-labels': {
            expected: 'a list of label names',
            example: 'exempt-labels: [dependencies]',
        },
        'change-request.exempt-labels[]': { expected: 'a label name', example: 'dependencies' },
        'change-request.exempt-authors': {
            expected: 'a list of logins',
            example: "exempt-authors: ['dependabot[bot]']",
        },
        'change-request.exempt-authors[]': { expected: 'a login', example: 'renovate[bot]' },
        'change-request.placeholders': {
            expected: 'a list of placeholder texts',
            example: "placeholders: [TODO, TBD, '<…>', '…']",
        },
        'change-request.placeholders[]': { expected: 'a placeholder text', example: 'TODO' },
    },
    defaultYaml: `change-request:
  # Headings a pull request's description must hold, each with content that
  # is not placeholder text. "release-policy init" writes
  # .github/pull_request_template.md with them.
  sections:
    - { title: Reason, aliases: [变更原因] }
    - { title: Impact analysis, aliases: [影响分析] }
    - { title: Verification plan, aliases: [验证计划] }
    - { title: Risk, aliases: [风险] }
  # A ticket id (CHG-1234) in the title, the description or the branch name.
  # An empty list accepts any upper-case key.
  ticket-keys: [CHG]
  require-ticket: true
  # Pull requests with one of these labels, or by one of these authors, are
  # not checked.
  exempt-labels: [dependencies]
  exempt-authors: ['dependabot[bot]', 'renovate[bot]']
  # Texts that mark a section as not filled in; <…> is any text in angle
  # brackets.
  placeholders: [TODO, TBD, '<…>', '…']
`,
});

;// CONCATENATED MODULE: ../core/src/checks/changelog/section.ts
/**
 * The section the changelog check reads: which Conventional Commits types
 * the release notes list, under which titles and in which order, where the
 * changelog file is, and how tickets are linked.
 */


const changelogSectionEntry = schemas/* strictObject */.rej({
    type: schemas/* string */.YjP()
        .regex(/^[a-z][a-z0-9-]*$/)
        .describe('A Conventional Commits type, e.g. feat.'),
    title: schemas/* string */.YjP().min(1).max(100).describe('The heading of its section, e.g. Features.'),
    hidden: schemas/* boolean */.zMY().default(false).describe('True to leave the type out of the notes.'),
});
/** The `changelog` section as written. */
const changelogSchema = schemas/* strictObject */.rej({
    file: schemas/* string */.YjP()
        .min(1)
        .default('CHANGELOG.md')
        .describe('The changelog file, repository-relative.'),
    sections: schemas/* array */.YOg(changelogSectionEntry)
        .default([
        { type: 'feat', title: 'Features', hidden: false },
        { type: 'fix', title: 'Bug Fixes', hidden: false },
        { type: 'perf', title: 'Performance Improvements', hidden: false },
        { type: 'revert', title: 'Reverts', hidden: false },
    ])
        .describe('The types listed in the notes, in order, with their titles; other types are left out.'),
    'breaking-title': schemas/* string */.YjP()
        .min(1)
        .max(100)
        .default('⚠ BREAKING CHANGES')
        .describe('The title of the breaking changes, listed first.'),
    other: schemas/* union */.KCZ([schemas/* literal */.euz(false), schemas/* string */.YjP().min(1).max(100)])
        .default(false)
        .describe('The title under which commits that are not Conventional Commits are listed, or false to drop them.'),
    'ticket-prefixes': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[A-Za-z][A-Za-z0-9_]*-$/))
        .default([])
        .describe('Ticket keys linked in subjects, e.g. CHG- for CHG-1234.'),
    'ticket-url': schemas/* string */.YjP()
        .regex(/^https:\/\/\S*\{ticket\}\S*$/)
        .optional()
        .describe('The URL of a ticket, {ticket} standing for its key, e.g. https://tracker.example.com/browse/{ticket}.'),
    packages: schemas/* array */.YOg(schemas/* strictObject */.rej({
        name: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9@][A-Za-z0-9@._/-]{0,99}$/)
            .describe('The package, as --package names it, e.g. api or @org/api.'),
        path: schemas/* string */.YjP()
            .min(1)
            .refine((path) => !path.startsWith('/') && !path.split('/').includes('..'), {
            message: 'the path must be relative to the repository root, without ".."',
        })
            .optional()
            .describe('Its folder: commits that change a file under it are its entries.'),
        scopes: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
            .default([])
            .describe('Conventional Commits scopes whose entries are its entries.'),
    })
        .refine((p) => p.path !== undefined || p.scopes.length > 0, {
        message: 'a package needs a path, scopes, or both',
    }))
        .default([])
        .describe('Monorepo packages whose own notes `changelog --package NAME` writes.'),
    contributors: schemas/* boolean */.zMY().default(true).describe('True to list the authors of the entries.'),
    draft: schemas/* boolean */.zMY().default(false).describe('True to publish releases as drafts.'),
})
    .describe('Release notes and the changelog file.');
/** The `changelog` policy section. */
const changelogSection = definePolicySection({
    key: 'changelog',
    property: 'changelog',
    schema: changelogSchema,
    docs: 'changelog',
    resolve: (parsed) => ({
        file: parsed.file,
        sections: parsed.sections.map((s) => ({ ...s })),
        breakingTitle: parsed['breaking-title'],
        other: parsed.other,
        ticketPrefixes: [...parsed['ticket-prefixes']],
        ...(parsed['ticket-url'] !== undefined ? { ticketUrl: parsed['ticket-url'] } : {}),
        packages: parsed.packages.map((p) => ({
            name: p.name,
            ...(p.path === undefined ? {} : { path: p.path.replace(/^\.\//, '').replace(/\/+$/, '') }),
            scopes: [...p.scopes],
        })),
        contributors: parsed.contributors,
        draft: parsed.draft,
    }),
    fields: {
        changelog: {
            expected: 'a mapping with file, sections, breaking-title, other, ticket-prefixes, ticket-url, packages, contributors and draft',
            example: 'changelog: { file: CHANGELOG.md, other: false }',
        },
        'changelog.file': {
            expected: 'a repository-relative file path',
            example: 'file: CHANGELOG.md',
        },
        'changelog.sections': {
            expected: 'a list of { type, title, hidden } in the order the notes list them',
            example: 'sections: [{ type: feat, title: Features }, { type: fix, title: Bug Fixes }]',
        },
        'changelog.sections[]': {
            expected: 'a mapping with "type", "title" and optionally "hidden"',
            example: '{ type: docs, title: Documentation, hidden: true }',
        },
        'changelog.sections[].type': {
            expected: 'a commit type: lower-case letters, digits and dashes, starting with a letter',
            example: 'type: feat',
        },
        'changelog.sections[].title': {
            expected: 'a heading of 1 to 100 characters',
            example: 'title: Features',
        },
        'changelog.sections[].hidden': { expected: 'true or false', example: 'hidden: true' },
        'changelog.breaking-title': {
            expected: 'a heading of 1 to 100 characters',
            example: "breaking-title: '⚠ BREAKING CHANGES'",
        },
        'changelog.other': {
            expected: 'false, or the heading of commits that are not Conventional Commits',
            example: 'other: Other',
        },
        'changelog.ticket-prefixes': {
            expected: 'a list of ticket key prefixes, each letters then a dash',
            example: 'ticket-prefixes: [CHG-]',
        },
        'changelog.ticket-prefixes[]': {
            expected: 'letters, digits or _ then a dash',
            example: 'CHG-',
        },
        'changelog.ticket-url': {
            expected: 'an https URL with {ticket} where the ticket key goes',
            example: 'ticket-url: https://tracker.example.com/browse/{ticket}',
        },
        'changelog.packages': {
            expected: 'a list of packages, each { name, path, scopes }',
            example: 'packages: [{ name: api, path: packages/api, scopes: [api] }]',
        },
        'changelog.packages[]': {
            expected: 'a mapping with "name" and a "path", "scopes" or both',
            example: '{ name: api, path: packages/api }',
        },
        'changelog.packages[].name': {
            expected: 'a package name: letters, digits, @ . _ / -',
            example: 'name: api',
        },
        'changelog.packages[].path': {
            expected: 'a folder relative to the repository root',
            example: 'path: packages/api',
        },
        'changelog.packages[].scopes': { expected: 'a list of scopes', example: 'scopes: [api]' },
        'changelog.packages[].scopes[]': { expected: 'a scope', example: 'api' },
        'changelog.contributors': { expected: 'true or false', example: 'contributors: true' },
        'changelog.draft': { expected: 'true or false', example: 'draft: false' },
    },
    defaultYaml: `changelog:
  # The changelog file the notes of each release are added to, at the top.
  file: CHANGELOG.md
  # The Conventional Commits types the release notes list, in this order, with
  # their titles. Other types are left out; hidden: true leaves a listed one out.
  sections:
    - { type: feat, title: Features }
    - { type: fix, title: Bug Fixes }
    - { type: perf, title: Performance Improvements }
    - { type: revert, title: Reverts }
  # The title of breaking changes, always listed first.
  breaking-title: ⚠ BREAKING CHANGES
  # Commits that are not Conventional Commits: false drops them, a title lists
  # them under it (other: Other).
  other: false
  # Ticket keys linked in subjects (CHG-1234), and the URL they link to.
  ticket-prefixes: []
  # ticket-url: https://tracker.example.com/browse/{ticket}
  # Monorepos: the packages "changelog --package NAME" writes notes for; a
  # package's entries are the commits that change a file under its path, or
  # whose scope is one of its scopes.
  packages: []
  # packages:
  #   - { name: api, path: packages/api, scopes: [api] }
  # True to list the authors of the entries under Contributors.
  contributors: true
  # True to publish GitHub Releases as drafts.
  draft: false
`,
});

;// CONCATENATED MODULE: ../core/src/checks/patches/section.ts
/**
 * The `patches` section of the policy: which maintenance lines must have
 * every patch in mainline, which commits are exempt by their subject, and
 * the waivers people approved for the rest.
 */


/** The branch kinds whose branches are checked when the policy does not say. */
const DEFAULT_PATCH_KINDS = ['release', 'maintenance', 'hotfix'];
/** Subjects of release and version-bump commits, which stay on their line. */
const DEFAULT_PATCH_EXEMPTIONS = [
    'chore(release):',
    'release:',
    'Next development version',
    '[maven-release-plugin]',
];
const subjectPattern = schemas/* string */.YjP()
    .min(1)
    .max(200)
    .describe('A commit subject pattern: literal text the subject starts with, or a glob where * stands for any text and the whole subject must match.');
const waiver = schemas/* strictObject */.rej({
    commit: schemas/* string */.YjP()
        .regex(/^[0-9a-f]{7,40}$/, 'a commit is 7 to 40 lower-case hexadecimal digits; example: 3f2a9c1')
        .describe('The waived commit: its sha, or its first 7 or more hexadecimal digits.'),
    'approved-by': schemas/* string */.YjP().min(1).describe('Who approved leaving the commit out of mainline.'),
    reason: schemas/* string */.YjP().min(1).describe('Why the commit is not needed in mainline.'),
    until: schemas/* string */.YjP()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD; example: 2026-12-31')
        .refine((date) => {
        const day = new Date(`${date}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
    }, 'not a day of the calendar; a date is written YYYY-MM-DD, e.g. 2026-12-31')
        .describe('The last day the waiver holds (UTC), YYYY-MM-DD; an expired waiver is a finding.'),
});
/** The `patches` section as written. */
const patchesSchema = schemas/* strictObject */.rej({
    kinds: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z][a-z0-9-]*$/, 'a kind name is lower-case, e.g. "release"'))
        .default(DEFAULT_PATCH_KINDS)
        .describe('The branch kinds whose branches are maintenance lines to check.'),
    exempt: schemas/* array */.YOg(subjectPattern)
        .default(DEFAULT_PATCH_EXEMPTIONS)
        .describe('Subjects of commits that stay on their line, e.g. release commits.'),
    waivers: schemas/* array */.YOg(waiver)
        .default([])
        .describe('Commits approved to stay out of mainline, each until a date.'),
    missing: schemas/* enum */.k5n(['error', 'warning'])
        .default('error')
        .describe('How a patch missing from mainline is reported.'),
})
    .describe('Every patch shipped on a maintenance line is in mainline.');
/** The `patches` policy section. */
const patchesSection = definePolicySection({
    key: 'patches',
    property: 'patches',
    schema: patchesSchema,
    docs: 'patches',
    resolve: (parsed) => ({
        kinds: [...parsed.kinds],
        exempt: [...parsed.exempt],
        waivers: parsed.waivers.map((w) => ({
            commit: w.commit,
            approvedBy: w['approved-by'],
            reason: w.reason,
            until: w.until,
        })),
        missing: parsed.missing,
    }),
    fields: {
        patches: {
            expected: 'a mapping with optionally "kinds", "exempt", "waivers" and "missing"',
            example: 'patches: { kinds: [maintenance], missing: error }',
        },
        'patches.kinds': {
            expected: 'a list of branch kind names',
            example: 'kinds: [release, maintenance, hotfix]',
        },
        'patches.kinds[]': { expected: 'a branch kind name', example: 'maintenance' },
        'patches.exempt': {
            expected: 'a list of subject patterns',
            example: 'exempt: ["chore(release):", "build(deps): *"]',
        },
        'patches.exempt[]': {
            expected: 'literal text a subject starts with, or a glob with *, 1 to 200 characters',
            example: '"chore(release):"',
        },
        'patches.waivers': {
            expected: 'a list of waivers',
            example: 'waivers: [{ commit: 3f2a9c1, approved-by: alice, reason: "line only", until: 2026-12-31 }]',
        },
        'patches.waivers[]': {
            expected: 'a mapping with "commit", "approved-by", "reason" and "until"',
            example: '{ commit: 3f2a9c1, approved-by: alice, reason: "line only", until: 2026-12-31 }',
        },
        'patches.waivers[].commit': { expected: 'a commit sha or its prefix', example: '3f2a9c1' },
        'patches.waivers[].approved-by': { expected: 'a name', example: 'approved-by: alice' },
        'patches.waivers[].reason': {
            expected: 'a string',
            example: 'reason: "a workaround only the 3.5 line needs"',
        },
        'patches.waivers[].until': {
            expected: 'a date, YYYY-MM-DD',
            example: 'until: 2026-12-31',
        },
        'patches.missing': { expected: 'error or warning', example: 'missing: warning' },
    },
    defaultYaml: `patches:
  # The branch kinds (see "branches") whose branches are maintenance lines:
  # every patch shipped on one must be in mainline, merged forward or
  # cherry-picked (with -x).
  kinds: [release, maintenance, hotfix]

  # Commits that stay on their line, by subject: literal text the subject
  # starts with, or a glob where * stands for any text (the whole subject).
  exempt:
    - 'chore(release):'
    - 'release:'
    - 'Next development version'
    - '[maven-release-plugin]'

  # Commits approved to stay out of mainline, each until a date, e.g.
  #   - { commit: 3f2a9c1, approved-by: alice, reason: "3.5 only", until: 2026-12-31 }
  waivers: []

  # How a patch missing from mainline is reported: error or warning.
  missing: error
`,
});

;// CONCATENATED MODULE: ../core/src/checks/promote/duration.ts
/**
 * Durations as the policy writes them (`30m`, `2d`, `1h30m`): parsed into
 * milliseconds and described back in the same words. Pure.
 */
const UNITS = {
    s: 1000,
    m: 60 * 1000,
    h: 60 * 60 * 1000,
    d: 24 * 60 * 60 * 1000,
    w: 7 * 24 * 60 * 60 * 1000,
};
/** The form a duration takes, for schemas and messages. */
const DURATION_PATTERN = /^(?:\d{1,5}[smhdw])+$/;
/**
 * The milliseconds of a duration such as `30m`, `2d` or `1h30m`; undefined
 * when the text is not one (units s, m, h, d, w; each an integer).
 */
function parseDuration(text) {
    if (!DURATION_PATTERN.test(text))
        return undefined;
    let total = 0;
    for (const part of text.matchAll(/(\d+)([smhdw])/g)) {
        total += Number(part[1]) * (UNITS[part[2] ?? ''] ?? 0);
    }
    return total;
}
/** Describes milliseconds as the largest whole units: `2d 3h`, `45m`, `0s`. */
function describeDuration(ms) {
    let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
    const parts = [];
    for (const unit of ['d', 'h', 'm', 's']) {
        const size = UNITS[unit] ?? 1;
        const count = Math.floor(rest / size);
        if (count > 0)
            parts.push(`${count}${unit}`);
        rest -= count * size;
        if (parts.length === 2)
            break;
    }
    return parts.length > 0 ? parts.join(' ') : '0s';
}

;// CONCATENATED MODULE: ../core/src/checks/promote/zone.ts
/**
 * Wall-clock time in an IANA time zone, through `Intl.DateTimeFormat`, so
 * daylight-saving changes are the platform's own tables: an instant is
 * turned into the local date, weekday and minute it shows in that zone, and
 * windows and freezes are compared on that local time. Pure (the instant is
 * passed in).
 */
/** The days of the week as the policy writes them, Monday first. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const formats = new Map();
function formatIn(zone) {
    let format = formats.get(zone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            weekday: 'short',
        });
        formats.set(zone, format);
    }
    return format;
}
/** True when `zone` is an IANA time zone this platform knows, e.g. `Asia/Shanghai` or `UTC`. */
function isTimeZone(zone) {
    try {
        formatIn(zone);
        return true;
    }
    catch {
        // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
        return false;
    }
}
/**
 * The local date, time and weekday `instant` shows in `zone`.
 *
 * @throws RangeError when `zone` is not a time zone (the policy schema refuses those first)
 */
function readWallClock(instant, zone) {
    const parts = {};
    for (const part of formatIn(zone).formatToParts(instant))
        parts[part.type] = part.value;
    const hour = Number(parts.hour) % 24;
    const minute = Number(parts.minute);
    const weekday = (parts.weekday ?? '').toLowerCase().slice(0, 3);
    return {
        date: `${parts.year}-${parts.month}-${parts.day}`,
        time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        weekday,
        minutes: hour * 60 + minute,
    };
}
/** Minutes since midnight of `HH:MM`. */
function parseClockTime(text) {
    const [hours = '0', minutes = '0'] = text.split(':');
    return Number(hours) * 60 + Number(minutes);
}

;// CONCATENATED MODULE: ../core/src/checks/promote/section.ts
/**
 * The `environments` section of the policy: the ordered list of deployment
 * environments a version is promoted through, with what each one demands
 * (the environment before it, a soak time, approvals, change windows and
 * freezes in a time zone, an emergency path, canary steps).
 */




const duration = schemas/* string */.YjP()
    .regex(DURATION_PATTERN, 'a duration is a number and a unit (s, m, h, d, w); example: 30m or 2d')
    .describe('A duration: a number and a unit, s, m, h, d or w, e.g. 30m, 2d or 1h30m.');
const timeZone = schemas/* string */.YjP()
    .refine(isTimeZone, 'not an IANA time zone; example: Asia/Shanghai, Europe/Berlin or UTC')
    .describe('An IANA time zone, e.g. Asia/Shanghai; daylight-saving changes follow its rules.');
const clock = schemas/* string */.YjP()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, 24-hour; example: 09:00')
    .describe('A time of day, HH:MM, 24-hour, in the zone.');
const localTime = schemas/* string */.YjP()
    .regex(/^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d)?$/, 'a local time is YYYY-MM-DD or YYYY-MM-DDTHH:MM; example: 2026-12-24T18:00')
    .describe('A local date and time in the zone, YYYY-MM-DD (midnight) or YYYY-MM-DDTHH:MM.');
const environmentName = schemas/* string */.YjP()
    // GitHub takes names of up to 255 characters in any script, spaces included; quotes,
    // slashes and control characters stay out so a name is safe in every report.
    .regex(/^[\p{L}\p{N}](?:[\p{L}\p{N} ._-]{0,253}[\p{L}\p{N}._-])?$/u, 'an environment name is letters and digits of any script, spaces, ".", "_" and "-", at most 255 characters, starting with a letter or digit and not ending in a space, e.g. "production"');
const approver = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9-]+(?:\/[A-Za-z0-9._-]+)?$/, 'an approver is a login ("alice") or an org/team slug ("octo-org/release-managers")');
const section_window = schemas/* strictObject */.rej({
    days: schemas/* array */.YOg(schemas/* enum */.k5n(WEEKDAYS))
        .min(1)
        .default([...WEEKDAYS])
        .describe('The days the window opens on: mon, tue, wed, thu, fri, sat, sun.'),
    from: clock,
    to: clock,
    timezone: timeZone.optional(),
});
const freeze = schemas/* strictObject */.rej({
    from: localTime,
    to: localTime,
    reason: schemas/* string */.YjP().min(1).describe('Why nothing may be promoted then, shown in the refusal.'),
    timezone: timeZone.optional(),
});
const environment = schemas/* strictObject */.rej({
    name: environmentName.describe('The GitHub environment name, e.g. production.'),
    after: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('The environment that must hold a successful deployment of the same commit first; the previous entry by default, none for the first.'),
    soak: duration.optional(),
    approvals: schemas/* strictObject */.rej({
        required: schemas/* number */.aig().int().min(0).max(10).default(0),
        from: schemas/* array */.YOg(approver).default([]),
        'allow-self': schemas/* boolean */.zMY().default(false),
    })
        .default({ required: 0, from: [], 'allow-self': false })
        .describe('How many distinct people must approve, and who may.'),
    timezone: timeZone.default('UTC'),
    windows: schemas/* array */.YOg(section_window)
        .default([])
        .describe('When promotions are allowed; always when empty.'),
    freeze: schemas/* array */.YOg(freeze).default([]).describe('Periods when no promotion is allowed.'),
    emergency: schemas/* strictObject */.rej({
        allowed: schemas/* boolean */.zMY().default(true),
        'extra-approvals': schemas/* number */.aig().int().min(1).max(10).default(1),
    })
        .default({ allowed: true, 'extra-approvals': 1 })
        .describe('The emergency path past windows and freezes, with a reason and more approvals.'),
    canary: schemas/* strictObject */.rej({
        steps: schemas/* array */.YOg(schemas/* number */.aig().int().min(1).max(100)).min(1),
        hold: duration.default('0s'),
    })
        .optional()
        .describe('Canary steps in percent, each after the previous one held for hold.'),
    automatic: schemas/* boolean */.zMY()
        .default(false)
        .describe('A continuous environment that receives every mainline change without approvals.'),
})
    .describe('One deployment environment.');
/** The problems of the list as a whole: names, order, canary steps, freezes. */
function checkEnvironmentList(list, ctx) {
    const seen = [];
    list.forEach((entry, index) => {
        const issue = (path, message) => ctx.addIssue({ code: 'custom', path: [index, ...path], message });
        if (seen.includes(entry.name))
            issue(['name'], `the environment "${entry.name}" is listed twice`);
        if (entry.after !== undefined && entry.after !== 'none' && !seen.includes(entry.after)) {
            issue(['after'], `"after" must name an environment listed before this one, or none; example: after: ${seen.at(-1) ?? 'none'}`);
        }
        seen.push(entry.name);
        const steps = entry.canary?.steps ?? [];
        if (steps.length > 0 &&
            (steps.some((s, i) => i > 0 && s <= (steps[i - 1] ?? 0)) || steps.at(-1) !== 100)) {
            issue(['canary', 'steps'], 'canary steps must rise and end at 100; example: [5, 25, 100]');
        }
        entry.freeze.forEach((f, i) => {
            if (f.from.replace(' ', 'T') >= f.to.replace(' ', 'T'))
                issue(['freeze', i, 'to'], 'a freeze ends after it starts; example: { from: 2026-12-24, to: 2027-01-02 }');
        });
        entry.windows.forEach((w, i) => {
            if (w.from === w.to)
                issue(['windows', i, 'to'], 'a window ends at another time than it starts; example: { from: "09:00", to: "17:00" }');
        });
        if (entry.automatic && entry.approvals.required > 0) {
            issue(['approvals', 'required'], 'an automatic environment receives every change without approvals: set required: 0 or automatic: false');
        }
    });
}
/** The environments section as written. */
const environmentsSchema = schemas/* array */.YOg(environment)
    .min(1)
    .superRefine(checkEnvironmentList)
    .describe('The deployment environments, in promotion order.');
/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` as `YYYY-MM-DDTHH:MM`, so local times compare as text. */
function normalizeLocalTime(text) {
    const [date = '', time = '00:00'] = text.split(/[T ]/);
    return `${date}T${time}`;
}
function resolveEnvironment(entry, previous) {
    const soak = entry.soak ?? '0s';
    return {
        name: entry.name,
        after: entry.after === 'none' ? undefined : (entry.after ?? previous),
        soak,
        soakMs: parseDuration(soak) ?? 0,
        approvals: {
            required: entry.approvals.required,
            from: [...entry.approvals.from],
            allowSelf: entry.approvals['allow-self'],
        },
        timezone: entry.timezone,
        windows: entry.windows.map((w) => ({
            days: [...w.days],
            from: w.from,
            to: w.to,
            timezone: w.timezone ?? entry.timezone,
        })),
        freeze: entry.freeze.map((f) => ({
            from: normalizeLocalTime(f.from),
            to: normalizeLocalTime(f.to),
            reason: f.reason,
            timezone: f.timezone ?? entry.timezone,
        })),
        emergency: {
            allowed: entry.emergency.allowed,
            extraApprovals: entry.emergency['extra-approvals'],
        },
        ...(entry.canary
            ? {
                canary: {
                    steps: [...entry.canary.steps],
                    hold: entry.canary.hold,
                    holdMs: parseDuration(entry.canary.hold) ?? 0,
                },
            }
            : {}),
        automatic: entry.automatic,
    };
}
/** The `environments` policy section. */
const environmentsSection = definePolicySection({
    key: 'environments',
    property: 'environments',
    schema: environmentsSchema,
    docs: 'environments',
    resolve: (parsed) => parsed.map((entry, index) => resolveEnvironment(entry, parsed[index - 1]?.name)),
    fields: {
        environments: {
            expected: 'a list of environments, in promotion order',
            example: 'environments: [{ name: dev, after: none }, { name: production, soak: 1d }]',
        },
        'environments[]': {
            expected: 'a mapping with "name" and optionally after, soak, approvals, timezone, windows, freeze, emergency, canary, automatic',
            example: '{ name: production, soak: 1d, approvals: { required: 2 } }',
        },
        'environments[].name': { expected: 'a GitHub environment name', example: 'name: production' },
        'environments[].after': {
            expected: 'the name of an environment listed before, or none',
            example: 'after: staging',
        },
        'environments[].soak': { expected: 'a duration', example: 'soak: 2d' },
        'environments[].approvals': {
            expected: 'a mapping with "required", "from" and "allow-self"',
            example: 'approvals: { required: 2, from: [alice, octo-org/release-managers] }',
        },
        'environments[].approvals.required': {
            expected: 'a number from 0 to 10',
            example: 'required: 2',
        },
        'environments[].approvals.from': {
            expected: 'a list of logins and org/team slugs',
            example: 'from: [alice, octo-org/release-managers]',
        },
        'environments[].approvals.from[]': {
            expected: 'a login or an org/team slug',
            example: 'octo-org/release-managers',
        },
        'environments[].approvals.allow-self': {
            expected: 'true or false',
            example: 'allow-self: false',
        },
        'environments[].timezone': {
            expected: 'an IANA time zone',
            example: 'timezone: Asia/Shanghai',
        },
        'environments[].windows': {
            expected: 'a list of change windows',
            example: 'windows: [{ days: [mon, tue, wed, thu], from: "09:00", to: "17:00" }]',
        },
        'environments[].windows[]': {
            expected: 'a mapping with "from", "to" and optionally "days" and "timezone"',
            example: '{ days: [mon, tue], from: "09:00", to: "17:00" }',
        },
        'environments[].windows[].days': {
            expected: 'a list of weekdays',
            example: 'days: [mon, fri]',
        },
        'environments[].windows[].days[]': {
            expected: 'mon, tue, wed, thu, fri, sat or sun',
            example: 'mon',
        },
        'environments[].windows[].from': { expected: 'a time of day, HH:MM', example: 'from: "09:00"' },
        'environments[].windows[].to': { expected: 'a time of day, HH:MM', example: 'to: "17:00"' },
        'environments[].windows[].timezone': {
            expected: 'an IANA time zone',
            example: 'timezone: Europe/Berlin',
        },
        'environments[].freeze': {
            expected: 'a list of freeze periods',
            example: 'freeze: [{ from: 2026-12-24, to: 2027-01-02, reason: "year end" }]',
        },
        'environments[].freeze[]': {
            expected: 'a mapping with "from", "to", "reason" and optionally "timezone"',
            example: '{ from: 2026-12-24, to: 2027-01-02, reason: "year end" }',
        },
        'environments[].freeze[].from': {
            expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM',
            example: 'from: 2026-12-24T18:00',
        },
        'environments[].freeze[].to': {
            expected: 'YYYY-MM-DD or YYYY-MM-DDTHH:MM',
            example: 'to: 2027-01-02',
        },
        'environments[].freeze[].reason': {
            expected: 'a string',
            example: 'reason: "year-end closing"',
        },
        'environments[].freeze[].timezone': {
            expected: 'an IANA time zone',
            example: 'timezone: Asia/Shanghai',
        },
        'environments[].emergency': {
            expected: 'a mapping with "allowed" and "extra-approvals"',
            example: 'emergency: { allowed: true, extra-approvals: 1 }',
        },
        'environments[].emergency.allowed': { expected: 'true or false', example: 'allowed: false' },
        'environments[].emergency.extra-approvals': {
            expected: 'a number from 1 to 10',
            example: 'extra-approvals: 1',
        },
        'environments[].canary': {
            expected: 'a mapping with "steps" and "hold"',
            example: 'canary: { steps: [5, 25, 100], hold: 1h }',
        },
        'environments[].canary.steps': {
            expected: 'a rising list of percents ending at 100',
            example: 'steps: [5, 25, 100]',
        },
        'environments[].canary.steps[]': { expected: 'a whole percent from 1 to 100', example: '25' },
        'environments[].canary.hold': { expected: 'a duration', example: 'hold: 1h' },
        'environments[].automatic': { expected: 'true or false', example: 'automatic: true' },
    },
    defaultYaml: `environments:
  # The deployment environments, in promotion order (see docs/policy.md#environments).
  # Each needs a successful deployment of the same commit in the one before it
  # ("after", the previous entry by default). Per environment: soak (e.g. 2d),
  # approvals { required, from, allow-self }, timezone, windows, freeze,
  # emergency, canary { steps, hold } and automatic.
  - name: dev
    after: none
  # The customer test environment: every change merged into mainline goes
  # there at once, without approvals (the continuous workflow delivers it).
  - name: test
    after: none
    automatic: true
  # Named people authorise a release, and the authorisation is recorded:
  # distinct approvers with write access, never the author or the starter.
  - name: staging
    approvals: { required: 1 }
  - name: production
    approvals: { required: 2 }
`,
});

;// CONCATENATED MODULE: ../core/src/checks/version/section.ts
/**
 * The sections the version check reads: `versioning` (release tags, version
 * files, allowed forms) and `commits` (what each Conventional Commits type
 * implies).
 */



const versionFile = schemas/* union */.KCZ([
    schemas/* string */.YjP().min(1).describe('A repository-relative path; the format is picked by file name.'),
    schemas/* strictObject */.rej({
        path: schemas/* string */.YjP().min(1),
        /** How to read the version. `auto` picks by file name. */
        format: schemas/* enum */.k5n(['auto', 'json', 'text', 'toml'])
            .default('auto')
            .describe('How to read the version; auto picks by file name.'),
        /** A missing optional file is skipped; a missing required file is an error. */
        optional: schemas/* boolean */.zMY()
            .default(false)
            .describe('A missing optional file is skipped; a missing required file is an error.'),
    }),
]);
/** The `versioning` section as written. */
const versioningSchema = schemas/* strictObject */.rej({
    'tag-prefix': schemas/* union */.KCZ([schemas/* string */.YjP().max(50), schemas/* array */.YOg(schemas/* string */.YjP().max(50)).min(1)])
        .default('v')
        .describe('Release tags are this prefix followed by the version, e.g. v1.4.3; a list reads tags with any of the prefixes, and new releases get the first.'),
    files: schemas/* array */.YOg(versionFile).default([]).describe('Files that declare the version.'),
    /** Allowed pre-release identifiers (the first dot-separated part), e.g. `rc` in `1.0.0-rc.1`. */
    prerelease: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[0-9A-Za-z-]+$/))
        .default(['alpha', 'beta', 'rc'])
        .describe('Allowed pre-release identifiers, e.g. rc in 1.0.0-rc.1.'),
    /** Whether `+build` metadata is allowed in declared versions. */
    'build-metadata': schemas/* boolean */.zMY()
        .default(false)
        .describe('Whether +build metadata is allowed in declared versions.'),
    /** The version recommended when no release tag exists yet. */
    initial: schemas/* string */.YjP()
        .default('0.1.0')
        .describe('The version recommended when no release tag exists yet (SemVer, no v).'),
})
    .describe('Release tags, version files and allowed version forms.');
/** A `versioning.files` entry as a spec: a bare path is a required file of format `auto`. */
function normalizeVersionFile(entry) {
    return typeof entry === 'string'
        ? { path: entry, format: 'auto', optional: false }
        : { path: entry.path, format: entry.format, optional: entry.optional };
}
/** `tag-prefix` as a list without repeats: `v` -> `['v']`, `[v, '', v]` -> `['v', '']`. */
function normalizeTagPrefix(value) {
    return [...new Set(typeof value === 'string' ? [value] : value)];
}
const bumps = 'one of none, patch, minor, major';
/** The `versioning` policy section. */
const versioningSection = definePolicySection({
    key: 'versioning',
    property: 'versioning',
    schema: versioningSchema,
    docs: 'versioning',
    resolve: (parsed) => ({
        tagPrefix: normalizeTagPrefix(parsed['tag-prefix']),
        files: parsed.files.map(normalizeVersionFile),
        prerelease: [...parsed.prerelease],
        buildMetadata: parsed['build-metadata'],
        initial: parsed.initial,
    }),
    fields: {
        versioning: {
            expected: 'a mapping with tag-prefix, files, prerelease, build-metadata and initial',
            example: 'versioning: { tag-prefix: v, files: [package.json] }',
        },
        'versioning.tag-prefix': {
            expected: 'the text before the version in release tags, at most 50 characters (may be ""), or a non-empty list of them',
            example: "tag-prefix: v, or tag-prefix: [v, ''] for tags with and without it",
        },
        'versioning.tag-prefix[]': {
            expected: 'the text before the version in release tags, at most 50 characters (may be "")',
            example: "tag-prefix: [v, '']",
        },
        'versioning.files': {
            expected: 'a list of version files',
            example: 'files: [package.json, { path: VERSION, format: text, optional: true }]',
        },
        'versioning.files[]': {
            expected: 'a repository-relative path, or a mapping with "path", "format" and "optional"',
            example: '{ path: package.json, format: json, optional: true }',
        },
        'versioning.files[].path': {
            expected: 'a repository-relative file path',
            example: 'path: package.json',
        },
        'versioning.files[].format': {
            expected: 'one of auto, json, text, toml',
            example: 'format: json',
        },
        'versioning.files[].optional': { expected: 'true or false', example: 'optional: true' },
        'versioning.prerelease': {
            expected: 'a list of allowed pre-release identifiers',
            example: 'prerelease: [alpha, beta, rc]',
        },
        'versioning.prerelease[]': {
            expected: 'an identifier of letters, digits and dashes',
            example: 'rc',
        },
        'versioning.build-metadata': { expected: 'true or false', example: 'build-metadata: false' },
        'versioning.initial': {
            expected: 'a SemVer version without a "v" prefix',
            example: 'initial: 0.1.0',
        },
    },
    defaultYaml: `versioning:
  # Release tags are this prefix followed by the version: v1.4.3. A list reads
  # tags with any of its prefixes ([v, ''] reads v1.4.3 and 1.4.3); a new
  # release is tagged with the first.
  tag-prefix: v
  # Files that declare the version. A path, or { path, format, optional }:
  # format is auto (by file name), json, text or toml. An optional file that is
  # missing or has no version field (a private app's package.json) is skipped;
  # for a required file both are errors.
  files:
    - { path: package.json, optional: true }
  # Allowed pre-release identifiers: 1.5.0-rc.1 is fine, 1.5.0-preview.1 is not.
  prerelease: [alpha, beta, rc]
  # Whether "+build" metadata (1.4.3+20240101) is allowed in declared versions.
  build-metadata: false
  # The version recommended when no release tag exists yet.
  initial: 0.1.0
`,
});
/** The `commits` section as written. */
const commitsSchema = schemas/* strictObject */.rej({
    /** Conventional Commits types and the bump each implies. */
    types: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[a-z][a-z0-9-]*$/), schemas/* enum */.k5n(BUMPS))
        .describe('Conventional Commits types and the bump each implies.'),
    /** The bump a breaking change (`!` or `BREAKING CHANGE:`) implies. */
    breaking: schemas/* enum */.k5n(BUMPS).default('major').describe('The bump a breaking change implies.'),
})
    .describe('How commit types map to version bumps.');
/** The `commits` policy section. */
const commitsSection = definePolicySection({
    key: 'commits',
    property: 'commits',
    schema: commitsSchema,
    docs: 'commits',
    resolve: (parsed) => ({ types: { ...parsed.types }, breaking: parsed.breaking }),
    fields: {
        commits: {
            expected: 'a mapping with "types" and optionally "breaking"',
            example: 'commits: { types: { feat: minor, fix: patch }, breaking: major }',
        },
        'commits.types': {
            expected: 'a mapping from Conventional Commits type to the bump it implies',
            example: 'types: { feat: minor, fix: patch, docs: none }',
        },
        'commits.types.*(key)': {
            expected: 'a commit type: lower-case letters, digits and dashes, starting with a letter',
            example: 'feat',
        },
        'commits.types.*': { expected: bumps, example: 'feat: minor' },
        'commits.breaking': { expected: bumps, example: 'breaking: major' },
    },
    defaultYaml: `commits:
  # Conventional Commits types and the version bump each implies: none, patch,
  # minor or major.
  types:
    feat: minor
    fix: patch
    perf: patch
    revert: patch
    docs: none
    style: none
    refactor: none
    test: none
    build: none
    ci: none
    chore: none
  # The bump a breaking change ("feat!:" or a "BREAKING CHANGE:" footer) implies.
  breaking: major
`,
});

;// CONCATENATED MODULE: ../core/src/config/sections.ts
/**
 * Every policy section a check owns, in the order they appear in the file,
 * the JSON Schema and the default policy. A check with a new section adds it
 * here (and lists it in its definition; a test keeps the two equal).
 */







/** Every check-owned policy section. */
const POLICY_SECTIONS = [
    branchesSection,
    versioningSection,
    commitsSection,
    documentsSection,
    changeRequestSection,
    patchesSection,
    changelogSection,
    environmentsSection,
    auditSection,
];

;// CONCATENATED MODULE: ../core/src/config/schema.ts




const severityOverride = schemas/* enum */.k5n(['error', 'warning', 'notice', 'off'])
    .describe('The severity to report the rule with, or off to skip it.');
/** The sections every policy has, whatever checks exist. */
const commonShape = {
    /** The stable trunk's branch name. */
    mainline: schemas/* string */.YjP()
        .min(1)
        .default('main')
        .describe('The stable trunk\'s branch name; "mainline" in "into" lists stands for it.'),
};
/**
 * The sections after the checks' own: rule levels, the sections reserved
 * for capabilities that are not there yet (any mapping is accepted), then
 * the releases that understand the file.
 */
const closingShape = {
    /** Severity overrides per rule id, or `off`. */
    rules: schemas/* record */.g1P(schemas/* string */.YjP(), severityOverride)
        .default({})
        .describe('Severity overrides per rule id, or off.'),
    /** The release-policy releases that understand this file, a SemVer range. */
    requires: schemas/* string */.YjP()
        .min(1)
        .describe("The release-policy releases that understand this file, a SemVer range such as '>=0.2.0'.")
        .optional(),
};
/** The keys of the reserved sections. */
const RESERVED_SECTIONS = Object.keys(closingShape).filter((key) => key !== 'rules' && key !== 'requires');
function composeSectionShape(sections) {
    const shape = {};
    for (const section of sections)
        shape[section.key] = section.schema.optional();
    // The mapped type above states what this loop builds.
    return shape;
}
/** The whole policy, as read from `.github/release-policy.yml`: composed from the checks' sections. */
const policySchema = schemas/* strictObject */.rej({
    ...commonShape,
    ...composeSectionShape(POLICY_SECTIONS),
    ...closingShape,
});

;// CONCATENATED MODULE: ../core/src/text.ts
/**
 * The one home of the small text helpers every message uses: quoting an
 * offending value, cutting long text and counting things in words. The
 * GitHub adapter, the git adapter and the CLI import these rather than
 * keeping their own.
 */
/** How many characters a quoted value shows by default. */
const MAX_QUOTED_LENGTH = 80;
/**
 * Shortens `text` to at most `max` characters, ending with `…` when cut.
 * Never splits a surrogate pair.
 */
function truncateText(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 1)
        return '…'.slice(0, Math.max(0, max));
    let end = max - 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}…`;
}
/**
 * Quotes a value for a message: its JSON text, so control characters and
 * markup show as inert data, cut to `max` characters with `…` (the cut
 * drops the closing quote, which shows the value goes on). `undefined`
 * prints as `nothing`.
 */
function quoteValue(value, max = MAX_QUOTED_LENGTH) {
    let text;
    try {
        text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
    }
    catch {
        // A value JSON cannot show (a cycle, a BigInt) still gets a readable form.
        text = String(value);
    }
    return truncateText(text, max);
}
/** Counts things in words: `1 error`, `2 errors`, `0 notices`. */
function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
/**
 * Quotes one argument of a command we print for people to paste into a POSIX
 * shell: a plain word (letters, digits and `@%+=:,./_-`) stays as it is;
 * anything else is wrapped in single quotes, each `'` written as `'\''`, so
 * `x;touch${IFS}FILE` prints as `'x;touch${IFS}FILE'` and runs nothing.
 */
function quoteShellArgument(value) {
    if (/^[A-Za-z0-9@%+=:,./_-]+$/.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
// Characters that change how text reads without showing themselves: C0 and C1
// controls and DEL (cursor moves, colours, fake lines), NEL and the line and
// paragraph separators (line breaks some readers honour), bidirectional
// controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C: reorder text) and
// zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF: hide text).
const INVISIBLE = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// The same plus line feed and tab, for values that must stay on one line.
const INVISIBLE_INLINE = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const NAMED_ESCAPES = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
function escapeCharacter(c) {
    return NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * The one escaping policy for untrusted text in every output (terminal, job
 * log, annotations, job summary, pull-request comment): each control,
 * separator, bidirectional or zero-width character becomes a visible escape
 * (`\r`, `\n`, `\t`, else `\uXXXX`, e.g. U+202E → `\u202e`), so text can
 * neither reorder itself, fake a line nor hide a part. Line feeds and tabs
 * are kept unless `singleLine` is set (a branch name or path must never span
 * lines). The escapes are valid JSON escapes, so JSON text stays JSON.
 */
function escapeInvisible(text, options = {}) {
    return text.replace(options.singleLine ? INVISIBLE_INLINE : INVISIBLE, escapeCharacter);
}

;// CONCATENATED MODULE: ../core/src/config/messages.ts
/**
 * Small helpers shared by the policy loader's messages: describing offending
 * values, printing key paths and pointing at the right documentation section.
 */


/**
 * Describes what kind of YAML value was given, quoted and cut to `max`
 * characters (the default of `quoteValue` when absent), e.g. `the number 2024`.
 */
function describeValue(value, max) {
    if (value === null || value === undefined)
        return 'empty (null)';
    if (Array.isArray(value))
        return `a list ${quoteValue(value, max)}`;
    switch (typeof value) {
        case 'string':
            return `the string ${quoteValue(value, max)}`;
        case 'number':
            return `the number ${quoteValue(value, max)}`;
        case 'boolean':
            return `the boolean ${String(value)}`;
        case 'object':
            return `a mapping ${quoteValue(value, max)}`;
        default:
            return quoteValue(value, max);
    }
}
const plainKey = /^[A-Za-z0-9_-]+$/;
/**
 * Prints a path the way messages show it:
 * `branches.kinds.feature.patterns[0]`; odd or long keys are JSON-quoted (and
 * truncated) in brackets.
 * The empty path prints as `(top level)`.
 */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (plainKey.test(segment) && segment.length <= MAX_QUOTED_LENGTH) {
            out += out === '' ? segment : `.${segment}`;
        }
        else
            out += `[${escapeFormatCharacters(quoteValue(segment))}]`;
    }
    return out === '' ? '(top level)' : out;
}
/**
 * Writes format characters (Unicode Cf: zero-width, bidirectional controls)
 * as `\uXXXX`, so that a quoted name shows what it holds.
 */
function escapeFormatCharacters(text) {
    return text.replace(/\p{Cf}/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}
const sectionAnchors = {
    requires: 'requires',
    mainline: 'mainline',
    branches: 'branches',
    versioning: 'versioning',
    commits: 'commits',
    rules: 'rules',
    documents: 'documents',
    'change-request': 'change-request',
    patches: 'patches',
    environments: 'environments',
};
/** The documentation anchor for a path: its top-level section, or `sections`. */
function anchorFor(path) {
    const top = path[0];
    return typeof top === 'string' && Object.hasOwn(sectionAnchors, top)
        ? sectionAnchors[top]
        : 'sections';
}
/** The closing sentence of every message: `See docs/policy.md#<anchor>.` */
function seeDocs(anchor) {
    return `See ${POLICY_DOCS}#${anchor}.`;
}

;// CONCATENATED MODULE: ../core/src/errors.ts


/** Base class of every error this project throws on purpose. */
class ReleasePolicyError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/**
 * The policy cannot be used. Carries every issue found, not only the first.
 * `message` lists them as `file:line:col: message`.
 */
class errors_ConfigError extends ReleasePolicyError {
    issues;
    constructor(issues, options) {
        super(formatConfigIssues(issues), options);
        this.issues = issues;
    }
}
/** Formats issues one per line as `file:line:col: message`. */
function formatConfigIssues(issues) {
    const head = issues.length === 1 ? 'The policy has 1 problem:' : `The policy has ${issues.length} problems:`;
    return [head, ...issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`)].join('\n');
}
/** The command line was used wrongly (exit code 2). */
class UsageError extends ReleasePolicyError {
}
/**
 * A malformed policy as findings (rule `policy-file`), one per issue, at its
 * position. Each links the section of `docs/policy.md` that its message
 * links ({@link anchorFor}): the issue's top-level key (`branches.kinds.x`
 * links `#branches`), `#reserved-sections`, or `#sections` for a key the
 * policy does not have.
 */
function convertConfigIssuesToFindings(issues) {
    return issues.map((i) => {
        const top = i.path.split(/[.[]/, 1)[0] ?? '';
        const section = anchorFor([top]);
        return {
            rule: 'policy-file',
            severity: 'error',
            message: i.message,
            file: i.file,
            line: i.line,
            column: i.column,
            hint: 'Correct the policy file at this position; the message names the expected form.',
            docs: `${POLICY_DOCS}#${section}`,
        };
    });
}

// EXTERNAL MODULE: ../../node_modules/marked/lib/marked.esm.js
var marked_esm = __webpack_require__(1138);
;// CONCATENATED MODULE: ../core/src/markdown.ts
/**
 * Markdown outlines: the headings of a document and the text under each,
 * with line numbers, read with a real Markdown parser (so a `## Steps` inside
 * a code fence or a `> Reason` quote is not a heading). Pure: the text is
 * given; the adapters read it.
 */

/** The text with a BOM removed and CRLF or CR line breaks turned into LF. */
function normalizeLineBreaks(text) {
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
/**
 * Blanks a leading YAML front matter block (`---` … `---` or `...`), keeping
 * its line breaks so line numbers stay right.
 */
function blankFrontMatter(text) {
    if (!text.startsWith('---\n'))
        return text;
    const lines = text.split('\n');
    const end = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (end < 0)
        return text;
    return '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n');
}
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** The content lines of a token that starts at `line`, comments removed. */
function listContentLines(token, line) {
    const blanked = token.raw.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''));
    const lines = [];
    blanked.split('\n').forEach((text, index) => {
        const trimmed = text.trim();
        if (trimmed)
            lines.push({ line: line + index, text: trimmed });
    });
    return lines;
}
function countLineBreaks(text) {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        count += 1;
    return count;
}
const outlines = new Map();
/**
 * Parses Markdown into its headings and their content. Front matter, setext
 * headings, code fences, quotes, CRLF and a BOM are handled. Headings inside
 * quotes or list items do not count: a document's structure is its
 * top-level headings.
 */
function parseMarkdownOutline(source) {
    const cached = outlines.get(source);
    if (cached)
        return cached;
    const text = blankFrontMatter(normalizeLineBreaks(source));
    const tokens = new marked_esm/* Lexer */.JG().lex(text);
    const sections = [];
    const open = [];
    let line = 1;
    for (const token of tokens) {
        if (token.type === 'heading') {
            const depth = Number(token['depth']);
            while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= depth)
                open.pop();
            const section = {
                title: String(token['text']).trim(),
                depth,
                line,
                endLine: line,
                content: [],
            };
            sections.push(section);
            open.push(section);
        }
        else if (token.type !== 'space') {
            const lines = listContentLines(token, line);
            for (const section of open) {
                section.content.push(...lines);
                const last = lines[lines.length - 1];
                if (last)
                    section.endLine = last.line;
            }
        }
        line += countLineBreaks(token.raw);
    }
    const outline = { sections, lineCount: countLineBreaks(text) + 1 };
    // A few documents per run: a small cache spares each rule its own parse.
    if (outlines.size > 64)
        outlines.clear();
    outlines.set(source, outline);
    return outline;
}
/**
 * A heading as compared with a required title: compatibility forms folded
 * (full-width letters), invisible format characters (zero-width spaces)
 * removed, spaces collapsed, a closing colon dropped, lower-cased.
 */
function normalizeHeading(title) {
    return title
        .normalize('NFKC')
        .replace(/\p{Cf}/gu, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s*[:：]$/, '')
        .toLowerCase();
}
const ANGLE_PLACEHOLDER = '<…>';
/**
 * True when a content line holds only placeholder text: once the
 * placeholders (`TODO`, `<…>` for any text in angle brackets, …), list
 * markers and punctuation are removed, nothing is left.
 */
function isPlaceholderLine(text, placeholders) {
    let rest = text;
    for (const placeholder of placeholders) {
        rest =
            placeholder === ANGLE_PLACEHOLDER
                ? rest.replace(/<[^<>\n]*>/g, ' ')
                : rest.split(placeholder).join(' ');
    }
    if (rest === text)
        return false;
    return rest.replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

;// CONCATENATED MODULE: ../core/src/config/did-you-mean.ts
/**
 * "Did you mean" suggestions for misspelled keys and names: the nearest
 * candidate by edit distance, when it is near enough to be a likely typo.
 */
/**
 * Measures the edit distance between two strings: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost 1
 * (optimal string alignment distance).
 */
function measureEditDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, () => new Array(cols).fill(0));
    const at = (i, j) => d[i]?.[j] ?? 0;
    for (let i = 0; i < rows; i += 1)
        d[i][0] = i;
    for (let j = 0; j < cols; j += 1)
        d[0][j] = j;
    for (let i = 1; i < rows; i += 1) {
        for (let j = 1; j < cols; j += 1) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, at(i - 2, j - 2) + 1);
            }
            d[i][j] = best;
        }
    }
    return at(a.length, b.length);
}
/** Inputs and candidates longer than this get no suggestion. */
const MAX_INPUT_LENGTH = 64;
/**
 * Finds the candidate nearest to `input`, ignoring case, or `undefined` when
 * none is close enough to be a plausible typo: at most a third of the longer
 * word's length (and at least 1) edits away, or `input` is a prefix of it of
 * at least `minPrefixLength` characters (`warn` for `warning`). Ties go to
 * the earlier candidate. This is the one "did you mean" search: the policy
 * loader, branch patterns and the CLI all use it.
 */
function findClosest(input, candidates, { minPrefixLength = 3 } = {}) {
    // Keys and names are short; a long input is no typo, and would only cost time.
    if (input.length > MAX_INPUT_LENGTH)
        return undefined;
    const needle = input.toLowerCase();
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        if (candidate === input || candidate.length > MAX_INPUT_LENGTH)
            continue;
        const distance = measureEditDistance(needle, candidate.toLowerCase());
        const limit = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
        const prefix = needle.length >= minPrefixLength && candidate.toLowerCase().startsWith(needle);
        if ((distance <= limit || prefix) && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Formats a suggestion sentence such as ` Did you mean "mainline"?`, or an
 * empty string when no candidate is close. The leading space lets callers
 * append it directly to a sentence.
 */
function formatDidYouMean(input, candidates) {
    const closest = findClosest(input, candidates);
    return closest === undefined ? '' : ` Did you mean ${JSON.stringify(closest)}?`;
}

;// CONCATENATED MODULE: ../core/src/pattern-automaton.ts
const lit = (text) => ({ t: 'lit', text });
const cls = (test) => ({ t: 'cls', test });
const seq = (...items) => ({ t: 'seq', items });
const alt = (...items) => ({ t: 'alt', items });
const opt = (item) => ({ t: 'opt', item });
const star = (item) => ({ t: 'star', item });
const plus = (item) => seq(item, star(item));
const upTo = (item, n) => (n === 0 ? seq() : opt(seq(item, upTo(item, n - 1))));
const listOf = (item, sep) => seq(item, star(seq(lit(sep), item)));
const isDigit = (c) => c >= 48 && c <= 57;
const isNonZeroDigit = (c) => c >= 49 && c <= 57;
const isLower = (c) => c >= 97 && c <= 122;
const isUpper = (c) => c >= 65 && c <= 90;
const isIdentifier = (c) => isDigit(c) || isLower(c) || isUpper(c) || c === 45;
const isSlugSeparator = (c) => c === 45 || c === 46 || c === 95;
const REF_FORBIDDEN = new Set([...'~^:?*[\\'].map((c) => c.charCodeAt(0)));
const isRefChar = (c) => c > 32 && c !== 127 && !REF_FORBIDDEN.has(c);
const integer = alt(lit('0'), seq(cls(isNonZeroDigit), upTo(cls(isDigit), 8)));
const identifiers = listOf(plus(cls(isIdentifier)), '.');
function placeholderExpr(name, ticketKeys) {
    switch (name) {
        case 'major':
        case 'minor':
        case 'patch':
            return integer;
        case 'version':
            return seq(integer, lit('.'), integer, lit('.'), integer, opt(seq(lit('-'), identifiers)), opt(seq(lit('+'), identifiers)));
        case 'ticket': {
            const key = ticketKeys.length > 0
                ? alt(...ticketKeys.map(lit))
                : seq(cls(isUpper), upTo(cls((c) => isUpper(c) || isDigit(c)), 19));
            return seq(key, lit('-'), cls(isNonZeroDigit), upTo(cls(isDigit), 9));
        }
        case 'slug':
            return seq(plus(cls((c) => isLower(c) || isDigit(c))), star(seq(cls(isSlugSeparator), plus(cls((c) => isLower(c) || isDigit(c))))));
        case 'rest':
            return plus(cls(isRefChar));
    }
}
function emit(expr, next, states) {
    const push = (s) => states.push(s) - 1;
    switch (expr.t) {
        case 'lit': {
            let at = next;
            for (let i = expr.text.length - 1; i >= 0; i -= 1) {
                const code = expr.text.charCodeAt(i);
                at = push({ k: 'char', test: (c) => c === code, next: at });
            }
            return at;
        }
        case 'cls':
            return push({ k: 'char', test: expr.test, next });
        case 'seq':
            return expr.items.reduceRight((at, item) => emit(item, at, states), next);
        case 'alt': {
            const [head, ...tail] = expr.items;
            if (!head)
                return next;
            if (tail.length === 0)
                return emit(head, next, states);
            const first = emit(head, next, states);
            return push({ k: 'split', first, second: emit(alt(...tail), next, states) });
        }
        case 'opt':
            return push({ k: 'split', first: emit(expr.item, next, states), second: next });
        case 'star': {
            const loop = { k: 'split', first: -1, second: next };
            const at = push(loop);
            loop.first = emit(expr.item, at, states);
            return at;
        }
        case 'cap': {
            const end = push({ k: 'save', slot: expr.slot * 2 + 1, next });
            return push({ k: 'save', slot: expr.slot * 2, next: emit(expr.item, end, states) });
        }
    }
}
/**
 * Visited marks, shared by every run: a cell is visited when it holds the
 * current stamp, so a run needs neither a fresh buffer nor a clearing pass.
 */
let marks = new Uint32Array(0);
let stamp = 0;
/** Runs the automaton; returns capture positions, or undefined. O(states × length). */
function runAutomaton(states, start, name, slots) {
    const width = name.length + 1;
    const size = states.length * width;
    if (marks.length < size)
        marks = new Uint32Array(Math.max(size, marks.length * 2));
    stamp += 1;
    if (stamp === 0xffffffff) {
        marks.fill(0);
        stamp = 1;
    }
    const visited = marks;
    const current = stamp;
    const captures = new Array(slots * 2).fill(-1);
    const visit = (s, i) => {
        const key = s * width + i;
        if (visited[key] === current)
            return false;
        visited[key] = current;
        const state = states[s];
        switch (state.k) {
            case 'match':
                return i === name.length;
            case 'char':
                return i < name.length && state.test(name.charCodeAt(i)) && visit(state.next, i + 1);
            case 'split':
                return visit(state.first, i) || visit(state.second, i);
            case 'save':
                if (!visit(state.next, i))
                    return false;
                captures[state.slot] = i;
                return true;
        }
    };
    return visit(start, 0) ? captures : undefined;
}

;// CONCATENATED MODULE: ../core/src/placeholders.ts
/**
 * The placeholders a branch pattern may use, with their descriptions. A leaf
 * module: both the pattern compiler and its automaton need the names.
 */
/** Every placeholder a pattern may use, in documentation order. */
const PLACEHOLDERS = [
    'major',
    'minor',
    'patch',
    'version',
    'ticket',
    'slug',
    'rest',
];
/** One line per placeholder: what it accepts, with an example. */
const PLACEHOLDER_DESCRIPTIONS = {
    major: '{major} is a whole number without leading zeros, e.g. "1"',
    minor: '{minor} is a whole number without leading zeros, e.g. "4"',
    patch: '{patch} is a whole number without leading zeros, e.g. "3"',
    version: '{version} is a SemVer version without "v", e.g. "1.4.3" or "2.0.0-rc.1"',
    ticket: '{ticket} is an upper-case key, a dash and a number, e.g. "CHG-1234"',
    slug: '{slug} is lower-case letters and digits in words joined by single "-", "." or "_", e.g. "add-login"',
    rest: '{rest} is any non-empty text allowed in a git branch name, e.g. "npm_and_yarn/semver-7.7.0"',
};

;// CONCATENATED MODULE: ../core/src/patterns.ts
/**
 * Branch name patterns: literal text plus typed placeholders such as
 * `feature/{ticket}-{slug}`. Patterns are compiled here into a small
 * automaton; no user-supplied regular expression ever runs, and matching a
 * name costs at most (pattern states × name length) steps.
 */






/** Where branch patterns are documented. */
const PATTERN_DOCS = 'docs/policy.md#branches';
/** Names longer than this are never matched (git hosts reject them anyway). */
const MAX_BRANCH_NAME_LENGTH = 255;
/** A branch pattern cannot be compiled. `problems` lists every problem found. */
class PatternError extends ReleasePolicyError {
    pattern;
    problems;
    constructor(pattern, problems, options) {
        super(`Invalid branch pattern ${JSON.stringify(pattern)}: ${problems.join('; ')}. ` +
            `A valid pattern is literal text plus placeholders, e.g. "feature/{ticket}-{slug}" or ` +
            `"release/{major}.{minor}". See ${PATTERN_DOCS}`, options);
        this.pattern = pattern;
        this.problems = problems;
    }
}
/** Splits a pattern into literal and placeholder tokens, collecting every problem. */
function tokenize(pattern, problems) {
    const tokens = [];
    const seen = new Set();
    let literal = '';
    let open = -1;
    let previous; // the placeholder just closed, until literal text follows
    for (let i = 0; i < pattern.length; i += 1) {
        const c = pattern[i];
        if (open < 0) {
            if (c === '{') {
                if (literal)
                    tokens.push({ kind: 'literal', text: literal });
                literal = '';
                open = i;
            }
            else if (c === '}') {
                problems.push(`"}" at position ${i + 1} has no opening "{"`);
            }
            else {
                literal += c;
                previous = undefined;
            }
            continue;
        }
        if (c === '{') {
            problems.push(`"{" at position ${open + 1} is not closed before the next "{"`);
            open = i;
        }
        else if (c === '}') {
            const name = pattern.slice(open + 1, i);
            open = -1;
            if (previous !== undefined) {
                problems.push(`{${previous}} and {${name}} need literal text between them, e.g. "{${previous}}.{${name}}"`);
            }
            previous = name;
            if (!PLACEHOLDERS.includes(name)) {
                problems.push(describeUnknownPlaceholder(name));
                continue;
            }
            if (seen.has(name))
                problems.push(`the placeholder {${name}} appears more than once`);
            seen.add(name);
            tokens.push({ kind: 'placeholder', name: name });
        }
    }
    if (open >= 0)
        problems.push(`"{" at position ${open + 1} is never closed`);
    else if (literal)
        tokens.push({ kind: 'literal', text: literal });
    return tokens;
}
function describeUnknownPlaceholder(name) {
    const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
    const close = findClosest(name, PLACEHOLDERS);
    const hint = close ? `did you mean {${close}}? ` : '';
    return `unknown placeholder ${quoteValue(`{${name}}`, 44)}; ${hint}known placeholders are ${known}`;
}
const FORBIDDEN_CHARS = [
    ['~', 'a tilde "~"'],
    ['^', 'a caret "^"'],
    [':', 'a colon ":"'],
    ['?', 'a question mark "?"'],
    ['*', 'an asterisk "*"'],
    ['[', 'an opening bracket "["'],
    ['\\', 'a backslash "\\"'],
];
/** Checks the literal text against git's ref-name rules (see git check-ref-format). */
function checkLiterals(pattern, tokens, problems) {
    const literals = tokens.flatMap((t) => (t.kind === 'literal' ? [t.text] : []));
    if (literals.some((l) => /\s/u.test(l))) {
        problems.push('it contains whitespace, which git forbids in branch names');
    }
    // eslint-disable-next-line no-control-regex
    if (literals.some((l) => /[\u0000-\u0008\u000e-\u001f\u007f]/u.test(l))) {
        problems.push('it contains a control character, which git forbids in branch names');
    }
    for (const [ch, label] of FORBIDDEN_CHARS) {
        if (literals.some((l) => l.includes(ch))) {
            problems.push(`it contains ${label}, which git forbids in branch names`);
        }
    }
    if (literals.some((l) => l.includes('..')))
        problems.push('it contains "..", which git forbids');
    if (literals.some((l) => l.includes('//')))
        problems.push('it contains "//", an empty path part');
    if (pattern.startsWith('/') || pattern.endsWith('/')) {
        problems.push('it starts or ends with "/"; git forbids that');
    }
    if (pattern.startsWith('.') || literals.some((l) => l.includes('/.'))) {
        problems.push('a path part starts with "."; git forbids that');
    }
    if (pattern.endsWith('.'))
        problems.push('it ends with "."; git forbids that');
    if (pattern.endsWith('.lock') || literals.some((l) => l.includes('.lock/'))) {
        problems.push('a path part ends with ".lock"; git forbids that');
    }
    if (pattern === '@')
        problems.push('"@" alone is not a valid branch name');
}
// ---------------------------------------------------------------------------
// Public API
/**
 * Compiles a branch pattern such as `feature/{ticket}-{slug}`.
 * Literal text matches itself exactly (a `.` is a dot); placeholders match
 * their typed grammar (see {@link PLACEHOLDER_DESCRIPTIONS}).
 * @throws PatternError listing every problem: empty pattern, unbalanced braces,
 *   unknown or repeated placeholders, adjacent placeholders, characters git forbids.
 */
function compilePattern(pattern, options = {}) {
    const problems = [];
    if (pattern.length === 0) {
        throw new PatternError(pattern, ['the pattern is empty']);
    }
    const tokens = tokenize(pattern, problems);
    checkLiterals(pattern, tokens, problems);
    if (problems.length > 0)
        throw new PatternError(pattern, problems);
    const ticketKeys = options.ticketKeys ?? [];
    const placeholders = [];
    const expr = seq(...tokens.map((token) => {
        if (token.kind === 'literal')
            return lit(token.text);
        placeholders.push(token.name);
        const slot = placeholders.length - 1;
        return { t: 'cap', slot, item: placeholderExpr(token.name, ticketKeys) };
    }));
    const states = [{ k: 'match' }];
    const start = emit(expr, 0, states);
    const firstPlaceholder = tokens.findIndex((t) => t.kind === 'placeholder');
    const prefixTokens = firstPlaceholder < 0 ? tokens : tokens.slice(0, firstPlaceholder);
    const prefix = prefixTokens.map((t) => (t.kind === 'literal' ? t.text : '')).join('');
    const compiled = {
        source: pattern,
        placeholders: [...placeholders],
        prefix,
        example: '',
        match(name) {
            // The literal prefix rejects most names before the automaton runs.
            if (name.length > MAX_BRANCH_NAME_LENGTH || !name.startsWith(prefix))
                return undefined;
            const captures = runAutomaton(states, start, name, placeholders.length);
            if (!captures)
                return undefined;
            const result = {};
            placeholders.forEach((p, slot) => {
                const text = name.slice(captures[slot * 2], captures[slot * 2 + 1]);
                if (p === 'major' || p === 'minor' || p === 'patch')
                    result[p] = Number(text);
                else
                    result[p] = text;
            });
            return result;
        },
    };
    compiled.example = renderPatternExample(compiled, {}, options);
    return compiled;
}
/**
 * Renders a concrete name for a pattern, e.g. `feature/CHG-1234-add-login`.
 * `values` overrides the example values (`{ major: 1, minor: 5 }` gives
 * `release/1.5` and `hotfix/1.5.1`); the ticket key defaults to the first
 * configured key, or `CHG`.
 */
function renderPatternExample(pattern, values = {}, options = {}) {
    const major = values.major ?? 1;
    const minor = values.minor ?? 4;
    const patch = values.patch ?? (values.major !== undefined ? 1 : 3);
    const text = {
        major: String(major),
        minor: String(minor),
        patch: String(patch),
        version: values.version ?? `${major}.${minor}.${patch}`,
        ticket: values.ticket ?? `${options.ticketKeys?.[0] ?? 'CHG'}-1234`,
        slug: values.slug ?? 'add-login',
        rest: values.rest ?? 'npm_and_yarn/semver-7.7.0',
    };
    return pattern.source.replace(/\{([a-z]+)\}/g, (whole, name) => name in text ? text[name] : whole);
}

;// CONCATENATED MODULE: ../core/src/branches.ts



const HEADS = 'refs/heads/';
/** The kind name reported for the mainline branch. */
const MAINLINE_KIND = 'mainline';
/**
 * Turns a ref into a short branch name: `refs/heads/feature/x` becomes
 * `feature/x`. Anything else is returned unchanged: a short name stays as it
 * is, and a ref that is not a branch (`refs/tags/v1.2.3`, `refs/pull/1/merge`)
 * keeps its full `refs/...` form, so it matches no branch kind.
 */
function normalizeBranchName(ref) {
    return ref.startsWith(HEADS) ? ref.slice(HEADS.length) : ref;
}
/**
 * Quotes an untrusted branch name for a message with {@link quoteValue}, so
 * control characters and workflow-command text show as inert data; branch
 * names get up to `max` characters (120 by default) before the cut.
 */
function quoteBranchName(name, max = 120) {
    return quoteValue(name, max);
}
/** The longest description a message shows; longer ones are cut. */
const MAX_DESCRIPTION_LENGTH = 120;
/**
 * Names a branch kind for a message or the job summary, with the kind's
 * `description` from the policy when it has one:
 * `release branch (Release lines, cut from main)`, or `release branch` without
 * a description. With `noun: 'branches'` and `example`:
 * `release branches (Release lines, cut from main; e.g. "release/1.4")`.
 * The description is shown as written, on one line (whitespace runs become
 * one space) and cut to 120 characters. A name that is not a kind of the
 * policy (the `mainline` keyword included) has no description.
 */
function describeBranchKind(kind, policy, wording = {}) {
    const { noun = 'branch' } = wording;
    const named = noun === 'none' ? kind : `${kind} ${noun}`;
    const own = Object.hasOwn(policy.branches.kinds, kind)
        ? policy.branches.kinds[kind]?.description
        : undefined;
    const text = own?.replace(/\s+/g, ' ').trim() ?? '';
    const details = [];
    if (text !== '') {
        details.push(text.length <= MAX_DESCRIPTION_LENGTH ? text : `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…`);
    }
    if (wording.example !== undefined)
        details.push(`e.g. ${JSON.stringify(wording.example)}`);
    return details.length === 0 ? named : `${named} (${details.join('; ')})`;
}
const cache = new WeakMap();
/**
 * Compiles every pattern of the policy's branch kinds, in policy order.
 * Never throws: patterns that fail are reported in `problems` and skipped.
 * Cached per policy object, so treat policies as immutable.
 */
function compileBranchKinds(policy) {
    const cached = cache.get(policy);
    if (cached)
        return cached;
    const options = { ticketKeys: policy.branches.ticketKeys };
    const result = { kinds: [], problems: [] };
    for (const [name, kind] of Object.entries(policy.branches.kinds)) {
        const patterns = [];
        kind.patterns.forEach((source, index) => {
            try {
                patterns.push(compilePattern(source, options));
            }
            catch (error) {
                if (!(error instanceof PatternError))
                    throw error;
                result.problems.push({ kind: name, index, error });
            }
        });
        result.kinds.push({ name, kind, patterns });
    }
    cache.set(policy, result);
    return result;
}
function lineOf(match) {
    if (match.version !== undefined) {
        const [major, minor] = match.version.split('.').map(Number);
        return { major: major, minor: minor };
    }
    if (match.major === undefined)
        return undefined;
    return match.minor === undefined
        ? { major: match.major }
        : { major: match.major, minor: match.minor };
}
/**
 * Classifies a branch: the mainline (exact, case-sensitive name) is kind
 * `mainline`; otherwise kinds are tried in policy order and the first
 * matching pattern wins. No prefix or case-insensitive matching. When nothing
 * matches, only `name` is set.
 */
function classifyBranch(name, policy) {
    const short = normalizeBranchName(name);
    if (short === policy.mainline)
        return { name: short, kind: MAINLINE_KIND };
    for (const { name: kind, patterns } of compileBranchKinds(policy).kinds) {
        for (const pattern of patterns) {
            const match = pattern.match(short);
            if (!match)
                continue;
            const result = { name: short, kind, pattern: pattern.source };
            if (match.ticket !== undefined)
                result.ticket = match.ticket;
            if (match.slug !== undefined)
                result.slug = match.slug;
            if (match.version !== undefined)
                result.version = match.version;
            else if (match.major !== undefined &&
                match.minor !== undefined &&
                match.patch !== undefined) {
                result.version = `${match.major}.${match.minor}.${match.patch}`;
            }
            const line = lineOf(match);
            if (line)
                result.line = line;
            return result;
        }
    }
    return { name: short };
}
function allowedDistance(length) {
    return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}
/**
 * Finds what an unmatched name was probably meant to be: the mainline when
 * the name is a small edit away (`mai`, `Main`), and kinds whose literal
 * prefix the name starts with or nearly starts with (`featur/CHG-1-x` ->
 * `feature/CHG-1-x`). Names longer than the matching limit get no advice.
 */
function adviseBranchName(name, policy) {
    const short = normalizeBranchName(name);
    const advice = { near: [] };
    if (short.length > MAX_BRANCH_NAME_LENGTH)
        return advice;
    const { mainline } = policy;
    const toMainline = measureEditDistance(short, mainline);
    if (short !== mainline &&
        (toMainline <= allowedDistance(mainline.length) ||
            short.toLowerCase() === mainline.toLowerCase())) {
        advice.mainline = mainline;
    }
    for (const { name: kind, patterns } of compileBranchKinds(policy).kinds) {
        for (const pattern of patterns) {
            const { prefix } = pattern;
            if (prefix.length === 0 || pattern.placeholders.length === 0)
                continue;
            if (short.startsWith(prefix)) {
                advice.near.push({ kind, pattern, samePrefix: true });
                continue;
            }
            let best = { distance: Infinity, cut: 0 };
            const low = Math.max(1, prefix.length - 2);
            const high = Math.min(short.length, prefix.length + 2);
            for (let cut = low; cut <= high; cut += 1) {
                const distance = measureEditDistance(short.slice(0, cut), prefix);
                if (distance < best.distance)
                    best = { distance, cut };
            }
            if (best.distance > allowedDistance(prefix.length))
                continue;
            const corrected = prefix + short.slice(best.cut);
            const near = { kind, pattern, samePrefix: false };
            if (pattern.match(corrected))
                near.suggestion = corrected;
            advice.near.push(near);
        }
    }
    return advice;
}

;// CONCATENATED MODULE: ../core/src/commits.ts

const BREAKING_FOOTERS = ['BREAKING CHANGE:', 'BREAKING-CHANGE:'];
/** Letters, digits and `-`, starting with a letter: the type and its case-insensitive spelling. */
function isTypeChar(c, first) {
    const code = c.charCodeAt(0);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (first)
        return letter;
    return letter || (code >= 48 && code <= 57) || c === '-';
}
/** Splits off the first line, accepting `\n` and `\r\n` endings. */
function firstLine(message) {
    const nl = message.indexOf('\n');
    const raw = nl === -1 ? message : message.slice(0, nl);
    const header = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    return { header, rest: nl === -1 ? '' : message.slice(nl + 1) };
}
/** Parses `type(scope)!: subject` by hand, in one pass. */
function parseHeader(header) {
    let i = 0;
    while (i < header.length && isTypeChar(header[i], i === 0))
        i += 1;
    if (i === 0)
        return undefined;
    const type = header.slice(0, i).toLowerCase();
    let scope;
    if (header[i] === '(') {
        const close = header.indexOf(')', i + 1);
        if (close === -1)
            return undefined;
        scope = header.slice(i + 1, close).trim();
        if (scope === '' || scope.includes('('))
            return undefined;
        i = close + 1;
    }
    const bang = header[i] === '!';
    if (bang)
        i += 1;
    if (header[i] !== ':' || header[i + 1] !== ' ')
        return undefined;
    const subject = header.slice(i + 2).trim();
    if (subject === '')
        return undefined;
    return scope === undefined ? { type, subject, bang } : { type, scope, subject, bang };
}
/** True when a line after the header is a breaking-change footer. */
function hasBreakingFooter(body) {
    let start = 0;
    while (start <= body.length) {
        // Compared in place (no line copied): a token holds no line break, so it cannot run past the line.
        for (const token of BREAKING_FOOTERS)
            if (body.startsWith(token, start))
                return true;
        const nl = body.indexOf('\n', start);
        if (nl === -1)
            break;
        start = nl + 1;
    }
    return false;
}
/**
 * Parses a commit message as a Conventional Commit: header
 * `type(scope)!: subject`, and a `BREAKING CHANGE:` or `BREAKING-CHANGE:`
 * footer (upper case, at the start of a line after the header).
 *
 * Returns `undefined` for merge commits (`Merge ...`), git reverts
 * (`Revert "..."`) and any header that is not in the form. Linear in the
 * message length; `\r\n` line endings are accepted.
 */
function parseConventionalCommit(message) {
    const { header, rest } = firstLine(message);
    if (header.startsWith('Merge ') || header.startsWith('Revert "'))
        return undefined;
    const parsed = parseHeader(header);
    if (!parsed)
        return undefined;
    const breaking = parsed.bang || hasBreakingFooter(rest);
    const result = { type: parsed.type, breaking, subject: parsed.subject };
    if (parsed.scope !== undefined)
        result.scope = parsed.scope;
    return result;
}
/** Returns the stronger of two bumps (`major` > `minor` > `patch` > `none`). */
function maxBump(a, b) {
    return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
/** Compares bumps: negative when `a` is weaker than `b`, 0 when equal, positive when stronger. */
function compareBumps(a, b) {
    return BUMPS.indexOf(a) - BUMPS.indexOf(b);
}
/**
 * Computes the bump the commits imply under the policy: each commit's type
 * maps through `commits.types` (unknown types imply `none`), a breaking
 * change implies `commits.breaking`, and the strongest wins.
 */
function computeImpliedBump(commits, policy) {
    let bump = 'none';
    let ignored = 0;
    // Only the commits at the strongest bump so far are kept: a stronger one starts the list again.
    let reasons = [];
    for (const commit of commits) {
        const parsed = parseConventionalCommit(commit.message);
        if (!parsed) {
            ignored += 1;
            continue;
        }
        const byType = Object.hasOwn(policy.commits.types, parsed.type)
            ? policy.commits.types[parsed.type]
            : 'none';
        const own = parsed.breaking ? maxBump(byType, policy.commits.breaking) : byType;
        if (own === 'none')
            continue;
        const stronger = compareBumps(own, bump);
        if (stronger < 0)
            continue;
        if (stronger > 0) {
            bump = own;
            reasons = [];
        }
        reasons.push({
            sha: commit.sha,
            subject: firstLine(commit.message).header,
            type: parsed.type,
            bump: own,
            breaking: parsed.breaking,
        });
    }
    return { bump, reasons, ignored };
}

;// CONCATENATED MODULE: ../core/src/version-parse.ts
/**
 * Strict SemVer 2.0.0 parsing with teaching messages, and comparison by
 * SemVer precedence. Re-exported from `version.ts`.
 */

/** Where the version format is documented. */
const VERSION_FORMAT_DOCS = 'docs/rules.md#version-format';
/**
 * Quotes untrusted version text (a tag, a file's value) for a message with
 * {@link quoteValue}, so control characters and markup show as inert data.
 */
function quoteVersionText(text, max = 80) {
    return quoteValue(text, max);
}
const PART_NAMES = ['MAJOR', 'MINOR', 'PATCH'];
const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const DIGITS = /^[0-9]+$/;
function checkNumber(part, name, problems) {
    if (part === '') {
        problems.push(`the ${name} part is empty`);
    }
    else if (!DIGITS.test(part)) {
        problems.push(`the ${name} part ${quoteVersionText(part, 20)} is not a whole number`);
    }
    else if (part.length > 1 && part.startsWith('0')) {
        problems.push(`the ${name} part ${quoteVersionText(part, 20)} has a leading zero (write "${BigInt(part)}")`);
    }
    else if (!Number.isSafeInteger(Number(part))) {
        problems.push(`the ${name} part ${quoteVersionText(part, 20)} is larger than ${Number.MAX_SAFE_INTEGER}`);
    }
    else {
        return Number(part);
    }
    return 0;
}
function checkIdentifiers(text, what, problems) {
    const ids = text.split('.');
    if (ids.some((id) => id === '')) {
        problems.push(`the ${what} ${quoteVersionText(text, 40)} has an empty identifier (a leading, trailing or doubled ".")`);
    }
    for (const id of ids) {
        if (id === '')
            continue;
        if (!IDENTIFIER.test(id)) {
            problems.push(`the ${what} identifier ${quoteVersionText(id, 40)} has characters other than letters, digits and "-"`);
        }
        else if (what === 'pre-release' && DIGITS.test(id) && id.length > 1 && id.startsWith('0')) {
            problems.push(`the pre-release identifier ${quoteVersionText(id, 40)} has a leading zero (write "${BigInt(id)}")`);
        }
    }
    return ids;
}
function teach(text, problems, opts) {
    const prefix = opts.requirePrefix ? (opts.allowPrefix ?? '') : '';
    const forms = `MAJOR.MINOR.PATCH with an optional -PRERELEASE${opts.allowBuild ? ' and +BUILD' : ''}`;
    return (`${quoteVersionText(text)} is not a valid version: ${problems.join('; ')}. ` +
        `Expected ${prefix ? `"${prefix}" then ` : ''}${forms}, e.g. "${prefix}1.4.0" or "${prefix}1.4.0-rc.1". ` +
        `See ${VERSION_FORMAT_DOCS}`);
}
/**
 * Parses a version strictly as SemVer 2.0.0: `MAJOR.MINOR.PATCH`, optional
 * `-PRERELEASE`, optional `+BUILD` (only with `allowBuild`). Rejects a `v` or
 * `=` in front (unless it is `allowPrefix`), leading zeros in numbers and in
 * numeric pre-release identifiers, fewer or more than three numbers (`1.2`),
 * empty parts and whitespace. Every problem is reported, not only the first.
 * The `semver` package is not used here: it accepts `v1.2.3` and `=1.2.3`.
 */
function parseStrictVersion(text, opts = {}) {
    const problems = [];
    const prefix = opts.allowPrefix ?? '';
    let rest = text;
    if (prefix !== '' && rest.startsWith(prefix))
        rest = rest.slice(prefix.length);
    else if (prefix !== '' && opts.requirePrefix)
        problems.push(`it does not start with the tag prefix "${prefix}"`);
    if (rest.trim() === '') {
        problems.push(text === '' ? 'it is empty' : 'it has no version after the prefix or whitespace');
        return { ok: false, problem: teach(text, problems, opts) };
    }
    if (/\s/.test(text))
        problems.push('it contains whitespace');
    const lead = /^[vV=]+/.exec(rest.trim())?.[0] ?? '';
    if (lead !== '') {
        problems.push(`it starts with ${JSON.stringify(lead)}, which is not part of a version (only tags carry a prefix${prefix ? `, "${prefix}"` : ''})`);
    }
    const body = rest.trim().slice(lead.length);
    const plus = body.indexOf('+');
    const head = plus === -1 ? body : body.slice(0, plus);
    const dash = head.indexOf('-');
    const core = dash === -1 ? head : head.slice(0, dash);
    const parts = core.split('.');
    if (parts.length !== 3) {
        problems.push(`it has ${parts.length} number part${parts.length === 1 ? '' : 's'} (${quoteVersionText(core, 40)}) where SemVer needs exactly three, MAJOR.MINOR.PATCH${parts.length === 2 && parts.every((p) => DIGITS.test(p))
            ? ` (did you mean ${quoteVersionText(`${core}.0`, 40)}?)`
            : ''}`);
    }
    const numbers = parts
        .slice(0, 3)
        .map((p, i) => checkNumber(p, PART_NAMES[i], problems));
    let prerelease = [];
    if (dash !== -1) {
        const pre = head.slice(dash + 1);
        if (pre === '')
            problems.push('the pre-release after "-" is empty');
        else
            prerelease = checkIdentifiers(pre, 'pre-release', problems).map((id) => DIGITS.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id);
    }
    let build = [];
    if (plus !== -1) {
        const meta = body.slice(plus + 1);
        if (!opts.allowBuild) {
            problems.push(`it has build metadata ${quoteVersionText(`+${meta}`, 40)}, which the policy does not allow (versioning.build-metadata: false)`);
        }
        if (meta === '')
            problems.push('the build metadata after "+" is empty');
        else
            build = checkIdentifiers(meta, 'build metadata', problems);
    }
    if (problems.length > 0)
        return { ok: false, problem: teach(text, problems, opts) };
    const [major, minor, patch] = numbers;
    return { ok: true, version: body, major, minor, patch, prerelease, build };
}
/** The version without build metadata: what SemVer precedence looks at. */
function formatPrecedenceVersion(v) {
    const core = `${v.major}.${v.minor}.${v.patch}`;
    return v.prerelease.length === 0 ? core : `${core}-${v.prerelease.join('.')}`;
}
/**
 * Compares two valid versions by SemVer precedence: numeric identifiers as
 * numbers (`rc.10` > `rc.2`), a pre-release below its release, build
 * metadata ignored. Negative, zero or positive.
 */
function compareVersions(a, b) {
    return (a.major - b.major ||
        a.minor - b.minor ||
        a.patch - b.patch ||
        comparePrerelease(a.prerelease, b.prerelease));
}
/**
 * SemVer 2.0.0 §11 on the parts already parsed (sorting a thousand tags
 * compares about ten thousand pairs, so nothing is parsed again here): no
 * pre-release ranks above any; otherwise identifier by identifier, a longer
 * list ranking higher when all before are equal.
 */
function comparePrerelease(a, b) {
    if (a.length === 0 || b.length === 0)
        return b.length - a.length;
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i += 1) {
        const order = compareIdentifier(a[i] ?? '', b[i] ?? '');
        if (order !== 0)
            return order;
    }
    return a.length - b.length;
}
/**
 * Numeric identifiers by value and below alphanumeric ones, which compare in
 * ASCII order. A numeric identifier too large for a safe integer stays a
 * string of digits: without leading zeros, the longer one is the larger.
 */
function compareIdentifier(a, b) {
    const aDigits = typeof a === 'number' ? String(a) : DIGITS.test(a) ? a : undefined;
    const bDigits = typeof b === 'number' ? String(b) : DIGITS.test(b) ? b : undefined;
    if (aDigits !== undefined && bDigits !== undefined) {
        return aDigits.length - bDigits.length || compareAscii(aDigits, bDigits);
    }
    if (aDigits !== undefined)
        return -1;
    if (bDigits !== undefined)
        return 1;
    return compareAscii(String(a), String(b));
}
function compareAscii(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** True when `v` has pre-release identifiers. */
function isPrerelease(v) {
    return v.prerelease.length > 0;
}
/** True when both versions share MAJOR.MINOR.PATCH. */
function isSameCore(a, b) {
    return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}

;// CONCATENATED MODULE: ../core/src/version-sources.ts

/**
 * The tag prefix `text` is read with: the longest of `prefixes` it starts
 * with (`v1.2.3` with `[v, '']` -> `v`), else the first, so a tag with none of
 * them is reported against the prefix new releases get.
 */
function selectTagPrefix(text, prefixes) {
    let match;
    for (const prefix of prefixes) {
        if (text.startsWith(prefix) && (match === undefined || prefix.length > match.length)) {
            match = prefix;
        }
    }
    return match ?? prefixes[0] ?? '';
}
/** The prefix a new release tag gets: the first of `versioning.tag-prefix`. */
function selectReleaseTagPrefix(policy) {
    return policy.versioning.tagPrefix[0] ?? '';
}
/** Parse options for each kind of source: files and branches bare, input and tags may carry the tag prefix. */
function selectSourceParseOptions(source, policy) {
    const allowBuild = policy.versioning.buildMetadata;
    const prefix = selectTagPrefix(source.value, policy.versioning.tagPrefix);
    if (source.kind === 'tag')
        return { allowPrefix: prefix, requirePrefix: true, allowBuild };
    if (source.kind === 'input')
        return { allowPrefix: prefix, allowBuild };
    return { allowBuild };
}
function placeOf(source) {
    if (!source.file)
        return '';
    return ` (${source.file}${source.line ? `:${source.line}${source.column ? `:${source.column}` : ''}` : ''})`;
}
/** Names a source for a message: its label and where it stands, e.g. `package.json "version" (package.json:3:14)`. */
function placeVersionSource(source) {
    return `${source.label}${placeOf(source)}`;
}
/** Describes a source for a message: its label, its value JSON-quoted (unless the label shows it), and where it stands. */
function describeVersionSource(source) {
    const value = quoteVersionText(source.value);
    const label = source.label.includes(value) ? source.label : `${source.label} ${value}`;
    return `${label}${placeOf(source)}`;
}
/** The finding location of a source: its file and position, when it has them. */
function locateVersionSource(source) {
    const at = {};
    if (source.file !== undefined)
        at.file = source.file;
    if (source.line !== undefined)
        at.line = source.line;
    if (source.column !== undefined)
        at.column = source.column;
    return at;
}
/** The version a branch name declares (`hotfix/1.4.3` -> `1.4.3`) as a source; undefined when it declares none. */
function collectBranchVersionSource(branch) {
    if (branch.version === undefined)
        return undefined;
    return { kind: 'branch', value: branch.version, label: `branch ${JSON.stringify(branch.name)}` };
}
/**
 * The tag being pushed, as a source. Every pushed tag is returned, release
 * tag or not, so that `version-format` reports a tag without the prefix.
 */
function collectTagVersionSource(tagName, _policy) {
    return { kind: 'tag', value: tagName, label: `tag ${JSON.stringify(tagName)}` };
}

;// CONCATENATED MODULE: ../core/src/version-next.ts
/**
 * Release lines and the next version. `computeNextVersion` is the one place
 * that decides which version to suggest: the `recommended` output and every
 * "e.g." version in the version rules' findings come from it. Re-exported
 * from `version.ts`.
 */


/** True when the version is on the line. */
function version_next_isVersionOnLine(v, line) {
    return v.major === line.major && (line.minor === undefined || v.minor === line.minor);
}
/** Renders a line for messages: `1.4.x` or `1.x`. */
function formatVersionLine(line) {
    return line.minor === undefined ? `${line.major}.x` : `${line.major}.${line.minor}.x`;
}
/** Builds a stable version from its three numbers. */
function makeStable(major, minor, patch) {
    return { version: `${major}.${minor}.${patch}`, major, minor, patch, prerelease: [], build: [] };
}
/** Computes the first version of a line: 1.4.x -> 1.4.0, 1.x -> 1.0.0. */
function computeLineFloor(line) {
    return makeStable(line.major, line.minor ?? 0, 0);
}
/** Which part of MAJOR.MINOR.PATCH grew from `from` to `to` (`none` when none did). */
function diffVersionCores(from, to) {
    const base = from ?? { major: 0, minor: 0, patch: 0 };
    if (to.major !== base.major)
        return to.major > base.major ? 'major' : 'none';
    if (to.minor !== base.minor)
        return to.minor > base.minor ? 'minor' : 'none';
    return to.patch > base.patch ? 'patch' : 'none';
}
/** Bumps the MAJOR.MINOR.PATCH of `v`, dropping pre-release and build: 1.4.2 + minor -> 1.5.0. */
function bumpStable(v, bump) {
    if (bump === 'major')
        return makeStable(v.major + 1, 0, 0);
    if (bump === 'minor')
        return makeStable(v.major, v.minor + 1, 0);
    if (bump === 'patch')
        return makeStable(v.major, v.minor, v.patch + 1);
    return makeStable(v.major, v.minor, v.patch);
}
/** Applies a bump to a stable version: 1.4.2 + minor -> 1.5.0. */
function applyBump(v, bump) {
    return bumpStable(v, bump).version;
}
/** The strongest bump a line takes: 1.4.x takes patches, 1.x minors, no line anything. */
function capBumpForLine(line) {
    if (!line)
        return 'major';
    return line.minor === undefined ? 'minor' : 'patch';
}
/** The pre-release after `v`: its last numeric identifier plus one (`rc.10` -> `rc.11`), else `.1` appended. */
function bumpPrerelease(v) {
    const ids = [...v.prerelease];
    const last = ids[ids.length - 1];
    if (typeof last === 'number')
        ids[ids.length - 1] = last + 1;
    else
        ids.push(1);
    return `${v.major}.${v.minor}.${v.patch}-${ids.join('.')}`;
}
/**
 * Computes the version to release next, the one every suggestion uses:
 *
 * 1. a branch that names its version (`hotfix/1.4.3`): that version, unless
 *    it is tagged already or not above every release on its line;
 * 2. otherwise a candidate: `previous` bumped by the implied bump (at least a
 *    patch; on a `1.4.x` line a patch, on a `1.x` line at most a minor), the
 *    line's first version when the line has no stable release yet, or
 *    `initial` when nothing was released;
 * 3. the candidate must be above every release in `lineReleases`,
 *    pre-releases included. When the newest one is a
 *    pre-release (`2.0.0-rc.10`), the result is its release (`2.0.0`): that is
 *    the smallest version above it and above the candidate. When it is a
 *    stable release, the result is that release bumped as in step 2.
 *
 * The result is never tagged already, and on a branch's line it stays on the line.
 */
function computeNextVersion(input) {
    const { named, line, previous, implied } = input;
    const newest = input.lineReleases.reduce((top, r) => (top === undefined || compareVersions(r, top) > 0 ? r : top), undefined);
    const isFree = (v) => !input.releases.some((r) => compareVersions(r, v) === 0) &&
        (newest === undefined || compareVersions(v, newest) > 0);
    if (named && isFree(named))
        return named;
    const cap = capBumpForLine(line);
    const implies = maxBump(implied, 'patch');
    const step = compareBumps(implies, cap) > 0 ? cap : implies;
    let candidate;
    if (previous && (!line || version_next_isVersionOnLine(previous, line))) {
        candidate = bumpStable(previous, step);
    }
    else {
        candidate = line ? computeLineFloor(line) : input.initial;
    }
    if (newest === undefined || isFree(candidate))
        return candidate;
    return isPrerelease(newest)
        ? makeStable(newest.major, newest.minor, newest.patch)
        : bumpStable(newest, step);
}
/**
 * Suggests a pre-release of `next` (a version from `computeNextVersion`) with
 * the identifiers `prerelease` (`1.5.0` and `rc.4` -> `1.5.0-rc.4`); when a
 * pre-release of `next` at or above that is tagged, the one after the newest.
 */
function suggestPrereleaseOf(next, prerelease, releases) {
    const core = makeStable(next.major, next.minor, next.patch);
    const wanted = {
        ...core,
        version: `${core.version}-${prerelease.join('.')}`,
        prerelease: [...prerelease],
    };
    const newest = releases
        .filter((r) => isSameCore(r, core) && compareVersions(r, wanted) >= 0)
        .sort((a, b) => compareVersions(b, a))[0];
    return newest ? bumpPrerelease(newest) : wanted.version;
}
/**
 * Suggests a pre-release of `version`'s MAJOR.MINOR.PATCH with an allowed
 * first identifier that sorts above every tagged pre-release of it: the one
 * after the newest tagged pre-release when its identifier is allowed
 * (`22.2.0-next.4` tagged -> `22.2.0-next.5`), else the first allowed
 * identifier whose `.1` sorts above it (`22.2.0-rc.1` after `next.4` when
 * `next` is not allowed). Undefined when none does: the version is released
 * already, no identifier is allowed, or every allowed one sorts below.
 */
function suggestAllowedPrerelease(version, allowed, releases) {
    const core = makeStable(version.major, version.minor, version.patch);
    const tagged = releases.filter((r) => isSameCore(r, core));
    if (tagged.some((r) => !isPrerelease(r)))
        return undefined;
    const newest = tagged.reduce((top, r) => (top === undefined || compareVersions(r, top) > 0 ? r : top), undefined);
    const id = newest?.prerelease[0];
    if (newest && typeof id === 'string' && allowed.includes(id))
        return bumpPrerelease(newest);
    for (const identifier of allowed) {
        const candidate = {
            ...core,
            version: `${core.version}-${identifier}.1`,
            prerelease: [identifier, 1],
        };
        if (!newest || compareVersions(candidate, newest) > 0)
            return candidate.version;
    }
    return undefined;
}

;// CONCATENATED MODULE: ../core/src/version-tags.ts



/**
 * Reads a tag as a release tag: the policy's tag prefix, then a strict
 * SemVer version (build metadata accepted, since the tag exists already).
 * With several prefixes, the longest one the tag starts with is used.
 * Undefined for any other tag (`latest`, `v1.2`, `1.2.3` with prefix `v`).
 */
function parseReleaseTag(tag, policy) {
    const parsed = parseStrictVersion(tag, {
        allowPrefix: selectTagPrefix(tag, policy.versioning.tagPrefix),
        requirePrefix: true,
        allowBuild: true,
    });
    if (!parsed.ok)
        return undefined;
    const { ok: _ok, ...parts } = parsed;
    return { ...parts, tag };
}
/** Sorts release tags newest first (SemVer precedence, then tag name). */
function sortNewestFirst(tags) {
    return tags.sort((a, b) => compareVersions(b, a) || a.tag.localeCompare(b.tag));
}
/** Every release tag in `tags`, newest first, leaving out `exclude` (the pushed tag). */
function listReleaseTags(tags, policy, exclude) {
    const releases = [];
    for (const tag of tags) {
        if (tag === exclude)
            continue;
        const release = parseReleaseTag(tag, policy);
        if (release)
            releases.push(release);
    }
    return sortNewestFirst(releases);
}
/**
 * The release tags that belong to the branch's line, newest first: for a
 * branch with a line (release, maintenance, hotfix) only tags on it; for the
 * mainline, other kinds, or no branch, every release tag.
 */
function selectLineTags(tags, policy, branch) {
    const releases = listReleaseTags(tags, policy);
    const line = branch?.line;
    return line ? releases.filter((r) => isVersionOnLine(r, line)) : releases;
}
/**
 * The release tags a pushed tag is compared with: on a tag push whose history
 * is known (`tagsBeforePushed`), only the releases before it in history, so
 * re-running the job of `v17.10.0` after `v17.10.4` was tagged compares it
 * with what preceded it, as on its first run; otherwise every release.
 */
function selectReleasesBefore(releases, pushed, tagsBefore) {
    if (!pushed || !tagsBefore)
        return releases;
    const before = new Set(tagsBefore);
    return releases.filter((r) => before.has(r.tag));
}

;// CONCATENATED MODULE: ../core/src/version.ts










/**
 * The line a check uses: the branch's line; on a tag push with no branch,
 * the pushed version's MAJOR.MINOR (so a maintenance tag such as `v1.2.4`
 * after `v1.3.0` is judged against 1.2.x); otherwise none (every release).
 */
function resolveLine(branch, pushed) {
    if (branch)
        return branch.line;
    return pushed ? { major: pushed.major, minor: pushed.minor } : undefined;
}
/**
 * The previous stable release candidates, in the order they are preferred:
 * the stable releases on the line below the anchor (the pushed or branch
 * version), newest first, then the stable releases below the line's first
 * version, newest first (without a line: every stable release below the
 * anchor, newest first). The first one is the previous release. The order
 * does not depend on which other tags are present, so the first candidate
 * of a subset of the tags is the first of these that is in the subset.
 */
function rankPreviousReleases(releases, line, anchor) {
    const candidates = releases.filter((r) => !isPrerelease(r) && (!anchor || compareVersions(r, anchor) < 0));
    if (!line)
        return candidates;
    const floor = computeLineFloor(line);
    return [
        ...candidates.filter((r) => version_next_isVersionOnLine(r, line)),
        ...candidates.filter((r) => compareVersions(r, floor) < 0),
    ];
}
/** The previous stable release: the first of {@link rankPreviousReleases}. */
function findPreviousRelease(releases, line, anchor) {
    return rankPreviousReleases(releases, line, anchor)[0];
}
function parseVersion(value, opts) {
    if (value === undefined)
        return undefined;
    const parsed = parseStrictVersion(value, opts);
    return parsed.ok ? parsed : undefined;
}
/**
 * Decides which tag the adapter reads `commits` from: the previous stable
 * release on the line, below the pushed tag or the branch's version when
 * there is one (the pushed tag itself excluded); when the line has no
 * release yet, the newest stable release before the line starts. Undefined
 * when there is no such release (read all history).
 */
function planVersionCheck(input, policy) {
    const releases = listReleaseTags(input.tags, policy, input.pushedTag);
    const pushed = input.pushedTag === undefined ? undefined : parseReleaseTag(input.pushedTag, policy);
    const anchor = pushed ?? parseVersion(input.branch?.version, { allowBuild: true });
    const previous = findPreviousRelease(releases, resolveLine(input.branch, pushed), anchor);
    return previous ? { previousTag: previous.tag } : {};
}
/**
 * Every tag `planVersionCheck` could choose as the previous release, in its
 * order of preference: `planVersionCheck` over any subset of `tags` (with
 * the same branch and pushed tag) answers the first of these in the subset.
 * An adapter that needs the previous release among the tags reachable from a
 * commit tests these in order and stops at the first reachable one, instead
 * of first listing every reachable tag (a walk of the whole history).
 */
function rankPreviousReleaseTags(input, policy) {
    const releases = listReleaseTags(input.tags, policy, input.pushedTag);
    const pushed = input.pushedTag === undefined ? undefined : parseReleaseTag(input.pushedTag, policy);
    const anchor = pushed ?? parseVersion(input.branch?.version, { allowBuild: true });
    return rankPreviousReleases(releases, resolveLine(input.branch, pushed), anchor).map((release) => release.tag);
}
const inspections = new WeakMap();
/**
 * Reads the version facts once for the rules and `analyzeVersion`. Cached per
 * facts and policy object (every version rule asks), so treat both as immutable.
 */
function inspectVersionFacts(facts, policy) {
    let byPolicy = inspections.get(facts);
    if (!byPolicy) {
        byPolicy = new WeakMap();
        inspections.set(facts, byPolicy);
    }
    const cached = byPolicy.get(policy);
    if (cached)
        return cached;
    const inspection = buildInspection(facts, policy);
    byPolicy.set(policy, inspection);
    return inspection;
}
/**
 * Whether this run releases the declared version (see
 * `VersionInspection.releasing`): a tag push, the explicit `version` input,
 * or a declared version other than the latest release on the line (the
 * branch's; for a pull request from a branch without one, its base's) on a
 * branch that releases (release, maintenance, hotfix) or in a pull request.
 * A push to a maintenance line whose version is its latest release is not
 * one: no release is pending there.
 */
function decideReleasing(facts, policy, branch, declared, releases) {
    if (facts.version?.pushedTag !== undefined || declared?.source.kind === 'input')
        return true;
    const base = facts.branch?.base;
    // A pull request from a branch without a line (a backport into 22.1.x) is judged on its base's line.
    const line = branch?.line ?? (base === undefined ? undefined : classifyBranch(base, policy).line);
    const latest = line ? releases.find((r) => version_next_isVersionOnLine(r, line)) : releases[0];
    if (declared && latest && compareVersions(latest, declared.version) === 0)
        return false;
    return branch?.line !== undefined || branch?.version !== undefined || base !== undefined;
}
function buildInspection(facts, policy) {
    const version = facts.version;
    const sources = (version?.sources ?? []).map((source) => ({
        source,
        parsed: parseStrictVersion(source.value, selectSourceParseOptions(source, policy)),
    }));
    const first = sources.find((s) => s.parsed.ok);
    const branch = facts.branch ? classifyBranch(facts.branch.name, policy) : undefined;
    const pushed = version?.pushedTag === undefined ? undefined : parseReleaseTag(version.pushedTag, policy);
    const releases = selectReleasesBefore(listReleaseTags(version?.tags ?? [], policy, version?.pushedTag), pushed, version?.tagsBeforePushed);
    const line = resolveLine(branch, pushed);
    const anchor = pushed ?? parseVersion(branch?.version, { allowBuild: true });
    const lineReleases = line ? releases.filter((r) => version_next_isVersionOnLine(r, line)) : releases;
    let declared;
    if (first?.parsed.ok) {
        const { ok: _ok, ...parts } = first.parsed;
        declared = { source: first.source, version: parts };
    }
    const releasing = decideReleasing(facts, policy, branch, declared, releases);
    const inspection = {
        sources,
        releases,
        lineReleases,
        releasing,
        pending: false,
    };
    if (declared) {
        inspection.declared = declared;
        const tagged = releases.find((r) => compareVersions(r, declared.version) === 0);
        if (tagged)
            inspection.tagged = tagged;
        inspection.pending = releasing || !tagged;
    }
    if (branch)
        inspection.branch = branch;
    if (pushed)
        inspection.pushed = pushed;
    if (line)
        inspection.line = line;
    const previous = findPreviousRelease(releases, line, anchor);
    if (previous)
        inspection.previous = previous;
    return inspection;
}
function computeBump(inspection) {
    const declared = inspection.declared?.version;
    if (!declared)
        return 'unknown';
    const { previous, releases } = inspection;
    if (releases.some((r) => compareVersions(r, declared) === 0))
        return 'none';
    if (previous && compareVersions(declared, previous) <= 0)
        return 'none';
    if (isPrerelease(declared) &&
        releases.some((r) => isSameCore(r, declared) && compareVersions(r, declared) < 0)) {
        return 'prerelease';
    }
    return diffVersionCores(previous, declared);
}
function recommendFromInspection(inspection, implied, policy) {
    const initial = parseVersion(policy.versioning.initial, { allowBuild: true });
    const named = parseVersion(inspection.branch?.version, { allowBuild: true });
    return computeNextVersion({
        ...(named ? { named } : {}),
        ...(inspection.branch?.line ? { line: inspection.branch.line } : {}),
        ...(inspection.previous ? { previous: inspection.previous } : {}),
        releases: inspection.releases,
        lineReleases: inspection.lineReleases,
        implied,
        // The policy loader checks `initial`; a hand-built policy with a bad one falls back to 0.1.0.
        initial: initial ?? {
            version: '0.1.0',
            major: 0,
            minor: 1,
            patch: 0,
            prerelease: [],
            build: [],
        },
    });
}
const implications = new WeakMap();
/** What the commits imply; cached per commit list and policy (`check` asks once per check). */
function computeImplied(facts, policy) {
    const commits = facts.version?.commits;
    if (!commits)
        return { bump: 'none', reasons: [] };
    const byPolicy = implications.get(commits) ?? new WeakMap();
    implications.set(commits, byPolicy);
    const implied = byPolicy.get(policy) ?? computeImpliedBump(commits, policy);
    byPolicy.set(policy, implied);
    return implied;
}
/**
 * Recommends the version to release next, the one every suggestion names
 * (`analyzeVersion(facts, policy).recommended` is its `version`); see
 * `computeNextVersion`.
 */
function recommendNextVersion(facts, policy) {
    const inspection = inspectVersionFacts(facts, policy);
    return recommendFromInspection(inspection, computeImplied(facts, policy).bump, policy);
}
/**
 * Analyses the declared version against tags and commits: the values the
 * action and the CLI output (see `VersionAnalysis` for each one's meaning).
 * Pure; findings come from the version rules, not from here.
 */
function analyzeVersion(facts, policy) {
    const inspection = inspectVersionFacts(facts, policy);
    const implied = computeImplied(facts, policy);
    const declared = inspection.declared?.version;
    const analysis = {
        bump: computeBump(inspection),
        recommended: recommendFromInspection(inspection, implied.bump, policy).version,
        prerelease: declared ? isPrerelease(declared) : false,
        implied: implied.bump,
        impliedBy: implied.reasons,
    };
    if (declared) {
        analysis.version = declared.version;
        analysis.tag = `${selectReleaseTagPrefix(policy)}${declared.version}`;
    }
    if (inspection.previous)
        analysis.previous = inspection.previous.version;
    return analysis;
}

;// CONCATENATED MODULE: ../core/src/checks/docs/release.ts
/**
 * Whether a run releases, and the type of release: what decides which
 * documents the docs check requires.
 */



/** The branch kinds whose runs release: a release line being cut, a hotfix. */
const RELEASING_KINDS = ['release', 'hotfix'];
/** True when `value` is a release type. */
function isReleaseType(value) {
    return RELEASE_TYPES.includes(value);
}
/** Why the run releases, or undefined when it does not. */
function describeReleasing(facts, policy, bumped) {
    const baseVersions = facts.documents?.baseVersions;
    const given = facts.documents?.releaseType;
    if (given !== undefined && given !== '')
        return `the release type ${JSON.stringify(given)} given`;
    const sources = facts.version?.sources ?? [];
    const input = sources.find((s) => s.kind === 'input');
    if (input)
        return `the version ${JSON.stringify(input.value)} given`;
    const tag = facts.version?.pushedTag;
    if (tag !== undefined)
        return `the pushed tag ${JSON.stringify(tag)}`;
    const branch = facts.branch ? classifyBranch(facts.branch.name, policy) : undefined;
    if (branch?.kind !== undefined && RELEASING_KINDS.includes(branch.kind)) {
        return `the ${branch.kind} branch ${JSON.stringify(branch.name)}`;
    }
    const declared = sources.filter((s) => s.kind === 'file').map((s) => s.value);
    const changed = declared.some((value) => !baseVersions?.includes(value));
    if (facts.branch?.base !== undefined && baseVersions !== undefined && bumped && changed) {
        return 'the pull request, which changes the declared version';
    }
    return undefined;
}
/**
 * Classifies the run: it releases on a release or hotfix branch, a pull
 * request that changes the declared version (to one above the previous
 * release), a pushed tag,
 * or an explicit release type or version; the type is the one given, else
 * the version analysis's bump (`prerelease` for a pre-release version).
 * Pure.
 */
function classifyRelease(facts, policy) {
    const analysis = facts.version ? analyzeVersion(facts, policy) : undefined;
    const bump = analysis?.bump;
    const bumped = bump === 'major' || bump === 'minor' || bump === 'patch' || bump === 'prerelease';
    const reason = describeReleasing(facts, policy, bumped);
    if (reason === undefined)
        return { releasing: false, reason: 'the run does not release' };
    const given = facts.documents?.releaseType;
    if (given !== undefined && isReleaseType(given))
        return { releasing: true, type: given, reason };
    if (analysis?.prerelease && bumped)
        return { releasing: true, type: 'prerelease', reason };
    if (bumped && bump !== undefined && isReleaseType(bump)) {
        return { releasing: true, type: bump, reason };
    }
    return { releasing: true, reason };
}

;// CONCATENATED MODULE: ../core/src/checks/docs/inspect.ts



/** Matches `text` against the required sections in order. Pure. */
function checkSections(outline, specs, placeholders) {
    const found = specs.map((spec) => findSection(outline, spec));
    return specs.map((spec, index) => {
        const section = found[index];
        if (!section)
            return { spec, line: locateMissing(outline, found, index), gap: 'missing' };
        if (section.content.length === 0)
            return { spec, found: section, line: section.line, gap: 'empty' };
        const onlyPlaceholders = section.content.every((c) => isPlaceholderLine(c.text, placeholders));
        if (onlyPlaceholders) {
            const placeholderLine = section.content[0]?.line ?? section.line;
            return { spec, found: section, line: placeholderLine, gap: 'placeholder', placeholderLine };
        }
        return { spec, found: section, line: section.line };
    });
}
/**
 * The first heading of `outline` that is `spec`'s title or one of its
 * aliases, compared as {@link normalizeHeading} says; undefined without one.
 * The change-request check and the release notes' risk assessment both read
 * sections through it.
 */
function findSection(outline, spec) {
    const names = [spec.title, ...spec.aliases].map(normalizeHeading);
    return outline.sections.find((s) => names.includes(normalizeHeading(s.title)));
}
/**
 * Where a missing section belongs: after the preceding required section
 * that is there (its last line), else before the next one, else line 1.
 */
function locateMissing(outline, found, index) {
    for (let i = index - 1; i >= 0; i -= 1) {
        const before = found[i];
        if (before)
            return before.endLine;
    }
    const after = found.slice(index + 1).find((s) => s !== undefined);
    return after ? after.line : Math.min(1, outline.lineCount);
}
const inspect_inspections = new WeakMap();
/** Classifies the run and lists the documents its release type needs. Pure; cached per facts and policy. */
function inspectDocuments(facts, policy) {
    const cached = inspect_inspections.get(facts)?.get(policy);
    if (cached)
        return cached;
    const release = classifyRelease(facts, policy);
    const type = release.type;
    const entries = facts.documents?.entries ?? [];
    const required = type === undefined
        ? []
        : policy.documents.flatMap((spec) => spec.requiredFor.includes(type)
            ? [{ spec, files: entries.find((e) => e.path === spec.path)?.files ?? [] }]
            : []);
    const version = facts.version ? analyzeVersion(facts, policy).version : undefined;
    const inspection = { release, required, ...(version === undefined ? {} : { version }) };
    const byPolicy = inspect_inspections.get(facts) ?? new WeakMap();
    byPolicy.set(policy, inspection);
    inspect_inspections.set(facts, byPolicy);
    return inspection;
}
/** True when the documents rules have something to judge: a release of a known type, and documents facts. */
function appliesToDocuments(facts, policy) {
    return (facts.documents !== undefined && inspectDocuments(facts, policy).release.type !== undefined);
}
/** The readable, non-empty text of a document file, parsed; undefined for the others. */
function readOutline(file) {
    if (file.problem !== undefined || file.text === undefined || file.text.trim() === '') {
        return undefined;
    }
    return parseMarkdownOutline(file.text);
}
/** `the release notes "docs/release/release-notes.md" required for a minor release` */
function describeRequirement(file, release) {
    return `${JSON.stringify(file)}, required for a ${release.type ?? 'release'} release (${release.reason}),`;
}
/** Why the pull request is not checked (an exempt label or author), or undefined. */
function describeExemption(pr, policy) {
    const { exemptLabels, exemptAuthors } = policy.changeRequest;
    const label = pr.labels.find((l) => exemptLabels.includes(l));
    if (label !== undefined)
        return `the label ${JSON.stringify(label)}`;
    if (exemptAuthors.includes(pr.author))
        return `the author ${JSON.stringify(pr.author)}`;
    return undefined;
}
/** True when the change-request rules judge this run: a pull request that is not exempt. */
function appliesToChangeRequest(facts, policy) {
    return (facts.pullRequest !== undefined && describeExemption(facts.pullRequest, policy) === undefined);
}

;// CONCATENATED MODULE: ../core/src/rules/change-request-sections.ts


/** A pull request's description holds the change request: each required section, filled in. */
const changeRequestSections = {
    id: 'change-request-sections',
    check: 'docs',
    description: "A pull request's description holds each required change-request section (Reason, Impact analysis, Verification plan, Risk by default), filled in.",
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToChangeRequest(facts, policy),
    evaluate({ facts, policy }) {
        const pr = facts.pullRequest;
        if (!pr)
            return [];
        const { sections, placeholders } = policy.changeRequest;
        const outline = parseMarkdownOutline(pr.body);
        const findings = [];
        for (const check of checkSections(outline, sections, placeholders)) {
            if (check.gap === undefined)
                continue;
            const title = JSON.stringify(check.spec.title);
            const aliases = check.spec.aliases.length
                ? ` (or ${check.spec.aliases.map((a) => JSON.stringify(a)).join(', ')})`
                : '';
            const problem = check.gap === 'missing'
                ? `has no section ${title}${aliases}`
                : check.gap === 'empty'
                    ? `has an empty section ${title}`
                    : `has only placeholder text in the section ${title}`;
            findings.push({
                message: `The description of pull request #${pr.number} ${problem}. A change request states ${sections.map((s) => s.title).join(', ')}, each under its heading, e.g. "## ${check.spec.title}" followed by a paragraph.`,
                hint: `Edit the pull request description and fill in "## ${check.spec.title}", then re-run the check.`,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/change-request-ticket.ts



const TICKET = new RegExp(`(?<![A-Za-z0-9])(${TICKET_KEY_SOURCE})-(\\d+)(?![A-Za-z0-9])`, 'g');
/** The ticket ids in `text` whose key is one of `keys` (any key when `keys` is empty). */
function findTickets(text, keys) {
    const found = [];
    for (const match of text.matchAll(TICKET)) {
        if (keys.length === 0 || keys.includes(match[1] ?? ''))
            found.push(match[0]);
    }
    return found;
}
/** A pull request names its ticket in the title, the description or the branch name. */
const changeRequestTicket = {
    id: 'change-request-ticket',
    check: 'docs',
    description: 'A pull request names a ticket id (CHG-1234 by default) in its title, its description or its branch name.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => policy.changeRequest.requireTicket && appliesToChangeRequest(facts, policy),
    evaluate({ facts, policy }) {
        const pr = facts.pullRequest;
        if (!pr)
            return [];
        const keys = policy.changeRequest.ticketKeys;
        const texts = [pr.title, pr.body, pr.head.ref];
        if (texts.some((text) => findTickets(text, keys).length > 0))
            return [];
        const example = `${keys[0] ?? 'CHG'}-1234`;
        const allowed = keys.length ? `with the key ${keys.join(' or ')}` : 'with an upper-case key';
        return [
            {
                message: `Pull request #${pr.number} names no ticket id ${allowed} in its title, its description or its branch name ${JSON.stringify(pr.head.ref)}. Every change is tracked: add the ticket, e.g. the title ${quoteValue(`${example}: ${pr.title}`, 60)}.`,
                hint: `Put the ticket id, e.g. ${example}, in the pull request title.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/document-placeholder.ts

/** A required document is filled in: not its template, no required section left as placeholder text. */
const documentPlaceholder = {
    id: 'document-placeholder',
    check: 'docs',
    description: 'A required document is not still its template, and no required section holds only placeholder text (TODO, TBD, <…>, …).',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
    evaluate({ facts, policy }) {
        const { release, required } = inspectDocuments(facts, policy);
        const findings = [];
        for (const { spec, files } of required) {
            for (const file of files) {
                const where = describeRequirement(file.path, release);
                if (file.sameAsTemplate === true) {
                    findings.push({
                        message: `The document ${where} is still identical to its template ${JSON.stringify(spec.template)}. Fill it in for this release.`,
                        file: file.path,
                        line: 1,
                        hint: 'Replace the template text with this release’s content.',
                    });
                }
                const outline = readOutline(file);
                if (!outline)
                    continue;
                for (const check of checkSections(outline, spec.sections, spec.placeholders)) {
                    if (check.gap !== 'placeholder')
                        continue;
                    findings.push({
                        message: `The section ${JSON.stringify(check.spec.title)} of the document ${where} holds only placeholder text (${spec.placeholders.join(', ')}). Replace it with the real content.`,
                        file: file.path,
                        line: check.line,
                        hint: `Fill in the section ${JSON.stringify(check.spec.title)}.`,
                    });
                }
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/document-present.ts

/** How a file that was not read is explained. */
function describeProblem(file) {
    switch (file.problem) {
        case 'binary':
            return 'is a binary file, not a text document';
        case 'too-large':
            return `is ${file.size} bytes, larger than the 1 MiB limit for documents, so it was not read`;
        case 'not-file':
            return 'is not a regular file';
        case 'unreadable':
            return `could not be read (${file.detail ?? 'unknown error'})`;
        default:
            return file.text !== undefined && file.text.trim() === '' ? 'is empty' : undefined;
    }
}
/** Every document the release type needs exists, as a readable, non-empty text file. */
const documentPresent = {
    id: 'document-present',
    check: 'docs',
    description: 'Every document the release type requires exists and is a non-empty text file of at most 1 MiB.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
    evaluate({ facts, policy }) {
        const { release, required } = inspectDocuments(facts, policy);
        const findings = [];
        for (const { spec, files } of required) {
            if (files.length === 0) {
                findings.push({
                    message: `The document ${describeRequirement(spec.path, release)} is missing: no file in the ` +
                        `repository matches it. Add it, e.g. with "release-policy init --docs", which writes ` +
                        `a template to fill in.`,
                    file: spec.path,
                    hint: `Add ${spec.path} with the sections the policy lists.`,
                });
                continue;
            }
            for (const file of files) {
                const problem = describeProblem(file);
                if (problem === undefined)
                    continue;
                findings.push({
                    message: `The document ${describeRequirement(file.path, release)} ${problem}. Expected a Markdown text file with its required sections.`,
                    file: file.path,
                    ...(file.problem === undefined ? { line: 1 } : {}),
                    hint: 'Write the document as Markdown text.',
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/document-sections.ts


/** How many sections a message names before "and N more" (the data lists them all). */
const NAMED_SECTIONS = 3;
/** `"Rollback" (or "回滚")`: the title and its aliases, JSON-quoted. */
function describeTitle(spec) {
    const aliases = spec.aliases.length
        ? ` (or ${spec.aliases.map((a) => JSON.stringify(a)).join(', ')})`
        : '';
    return `${JSON.stringify(spec.title)}${aliases}`;
}
/** The finding of a document with one gap: the message names it and its fix. */
function describeOneGap(where, gap) {
    const title = JSON.stringify(gap.spec.title);
    return gap.gap === 'missing'
        ? {
            message: `The document ${where} has no section ${describeTitle(gap.spec)}. Add a heading with its content, for example "## ${gap.spec.title}" followed by a paragraph.`,
            hint: `Add "## ${gap.spec.title}" here, with its content.`,
        }
        : {
            message: `The section ${title} of the document ${where} is empty. Write its content below the heading.`,
            hint: `Fill in the section ${title}.`,
        };
}
/** The finding of a document with several gaps: the first few named, every one in `data`. */
function describeGaps(where, path, gaps) {
    const named = gaps
        .slice(0, NAMED_SECTIONS)
        .map((g) => `${describeTitle(g.spec)} (${g.gap}, line ${g.line})`);
    const more = gaps.length > NAMED_SECTIONS ? ` and ${gaps.length - NAMED_SECTIONS} more` : '';
    const sections = gaps.map((g) => ({
        title: g.spec.title,
        gap: g.gap === 'empty' ? 'empty' : 'missing',
        line: g.line,
    }));
    const first = gaps[0]?.spec.title ?? '';
    return {
        message: `The document ${where} lacks ${plural(gaps.length, 'required section')} with content: ` +
            `${named.join(', ')}${more}. Add each heading with its content, for example ` +
            `"## ${first}" followed by a paragraph.`,
        hint: `Add or fill in each section listed, starting with "## ${first}" here.`,
        data: { kind: 'documents', documents: [{ path, sections }] },
    };
}
/**
 * Every required document holds its required headings, each with content
 * below it: one finding per document, at its first gap's line (a missing
 * heading where it belongs), every gap with its line in the finding's data.
 */
const documentSections = {
    id: 'document-sections',
    check: 'docs',
    description: 'A required document holds each required section (a heading at any level, or an alias) with content below it.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
    evaluate({ facts, policy }) {
        const { release, required } = inspectDocuments(facts, policy);
        const findings = [];
        for (const { spec, files } of required) {
            for (const file of files) {
                const outline = readOutline(file);
                if (!outline)
                    continue;
                const gaps = checkSections(outline, spec.sections, spec.placeholders).filter((check) => check.gap === 'missing' || check.gap === 'empty');
                const first = gaps[0];
                if (!first)
                    continue;
                const where = describeRequirement(file.path, release);
                findings.push({
                    ...(gaps.length === 1
                        ? describeOneGap(where, first)
                        : describeGaps(where, file.path, gaps)),
                    file: file.path,
                    line: first.line,
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/document-updated.ts

/** A document with `updated` changed since the previous release tag. */
const documentUpdated = {
    id: 'document-updated',
    check: 'docs',
    description: 'A required document with updated: true changed since the previous release tag.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToDocuments(facts, policy),
    evaluate({ facts, policy }) {
        const { release, required } = inspectDocuments(facts, policy);
        const since = facts.documents?.since;
        const findings = [];
        for (const { spec, files } of required) {
            if (!spec.updated)
                continue;
            for (const file of files) {
                if (file.changed !== false)
                    continue;
                findings.push({
                    message: `The document ${describeRequirement(file.path, release)} has not changed since the previous release ${JSON.stringify(since ?? '(unknown)')}. Update it for this release.`,
                    file: file.path,
                    line: 1,
                    hint: 'Describe this release in the document.',
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/document-version.ts

const WORD = /[0-9A-Za-z]/;
/**
 * True when `text` holds `version` (or `v` + version) as a whole word:
 * `1.4.0` is not in `11.4.0` nor in `1.4.0.1` or `1.4.0-rc.1`.
 */
function mentionsVersion(text, version) {
    for (let at = text.indexOf(version); at >= 0; at = text.indexOf(version, at + 1)) {
        let before = text[at - 1] ?? '';
        if (before === 'v' || before === 'V')
            before = text[at - 2] ?? '';
        const after = text[at + version.length] ?? '';
        const afterNext = text[at + version.length + 1] ?? '';
        const continues = WORD.test(after) || ((after === '.' || after === '-') && WORD.test(afterNext));
        if (!WORD.test(before) && before !== '.' && !continues)
            return true;
    }
    return false;
}
/** A document with `mention-version` names the version being released. */
const documentVersion = {
    id: 'document-version',
    check: 'docs',
    description: 'A required document with mention-version names the version being released.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => appliesToDocuments(facts, policy) && inspectDocuments(facts, policy).version !== undefined,
    evaluate({ facts, policy }) {
        const { release, required, version } = inspectDocuments(facts, policy);
        if (version === undefined)
            return [];
        const findings = [];
        for (const { spec, files } of required) {
            if (!spec.mentionVersion)
                continue;
            for (const file of files) {
                // Unreadable and empty files are document-present's.
                if (file.text === undefined || file.problem !== undefined || !file.text.trim())
                    continue;
                if (mentionsVersion(file.text, version))
                    continue;
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

;// CONCATENATED MODULE: ../core/src/checks/types.ts
/**
 * A kind of facts a check needs, and which adapter gathers it:
 * `run` (the branch under test: the runner's event, or the local checkout),
 * `git` (the repository's history, tags and files), `github` (only the API
 * knows it; the CLI needs a token for these).
 */
const FACT_SOURCES = {
    branch: 'run',
    version: 'git',
    pullRequest: 'github',
    releases: 'github',
    documents: 'git',
    mergedPullRequests: 'github',
    patches: 'git',
    promotion: 'github',
    audit: 'github',
};
/**
 * Declares a check, keeping its literal name so the union of check names is
 * derived from the registry.
 */
function defineCheck(definition) {
    return definition;
}

;// CONCATENATED MODULE: ../core/src/checks/docs/index.ts
/**
 * The docs check: a releasing run has the documents its release type needs
 * (present, with their sections filled in, naming the version, updated), and
 * a pull request's description holds a complete change request with a ticket.
 */










/** The docs check. */
const docsCheck = defineCheck({
    name: 'docs',
    title: 'Release documents',
    action: 'docs-gate',
    command: {
        name: 'docs',
        summary: 'check the documents a release needs and the pull request’s change request',
        usage: '[VERSION] [--release-type TYPE]',
        positional: 'version',
        example: 'release-policy docs 1.4.0 --release-type minor',
    },
    sections: [documentsSection, changeRequestSection],
    rules: [
        documentPresent,
        documentSections,
        documentPlaceholder,
        documentVersion,
        documentUpdated,
        changeRequestSections,
        changeRequestTicket,
    ],
    needs: ['branch', 'version', 'documents'],
    // Without a token the documents are still checked; the change request needs the API.
    wants: ['pullRequest'],
    outputs: [
        {
            name: 'release-type',
            description: 'The release type whose documents were checked: major, minor, patch or prerelease; empty when the run does not release.',
        },
        {
            name: 'missing',
            description: 'How many required documents or sections are missing, empty or still placeholder text; 0 when the run does not release.',
        },
    ],
    summarize(facts, policy) {
        if (!facts.documents)
            return {};
        const { release, required } = inspectDocuments(facts, policy);
        let missing = 0;
        for (const { spec, files } of required) {
            if (files.length === 0)
                missing += 1;
            for (const file of files) {
                const outline = readOutline(file);
                if (!outline) {
                    missing += 1;
                    continue;
                }
                const checks = checkSections(outline, spec.sections, spec.placeholders);
                missing += checks.filter((check) => check.gap !== undefined).length;
            }
        }
        return { 'release-type': release.type, missing };
    },
    describe(values) {
        if (values.missing === undefined)
            return {};
        return {
            'release type': values['release-type'] === undefined ? '(not a release)' : String(values['release-type']),
            missing: String(values.missing),
        };
    },
});

;// CONCATENATED MODULE: ../core/src/checks/audit/environments.ts
/**
 * The policy's environments, in promotion order, with the approvals each
 * requires (the `environments` section; its default is the procedure's
 * `dev`, `test`, `staging` and `production`).
 */
function listPolicyEnvironments(policy) {
    return policy.environments.map((environment) => ({
        name: environment.name,
        approvals: environment.approvals.required,
    }));
}

;// CONCATENATED MODULE: ../core/src/checks/promote/plan.ts

/** The environment entry the promotion targets; undefined when the policy does not list it. */
function plan_findEnvironmentSpec(policy, name) {
    return policy.environments.find((e) => e.name === name);
}
/** The environments an approval for `environment` may be given in: itself and its `-approval-N` gates. */
function isApprovalEnvironment(environment, reviewed) {
    if (reviewed === environment)
        return true;
    const prefix = `${environment}-approval-`;
    return reviewed.startsWith(prefix) && /^[2-9]$|^10$/.test(reviewed.slice(prefix.length));
}
/**
 * The gate environments that make each approval beyond the first reachable
 * through GitHub's review screen: `<env>-approval-2` … `<env>-approval-N`
 * (none for one approval). One home for the names the promotion counts, the
 * audit checks and `init` sets up.
 */
function listApprovalGates(environment, required) {
    const gates = [];
    for (let n = 2; n <= required; n += 1)
        gates.push(`${environment}-approval-${n}`);
    return gates;
}
/** The environments `required` approvals are given in: the environment, then its gates. */
function listApprovalEnvironments(environment, required) {
    return [environment, ...listApprovalGates(environment, required)];
}
/** True when a deployment went live in full (no canary percent, or 100). */
function isFull(d) {
    return d.percent === undefined || d.percent === 100;
}
/**
 * The environment's live deployment: the newest promotion (a deployment with
 * an evidence record) whose latest status is `success`. The deployment GitHub
 * makes for the promoting job itself succeeds after it, with the job's ref
 * and no record: it is not what went live.
 */
function plan_findLiveDeployment(deployments, environment) {
    return newestFirst(deployments).find((d) => d.environment === environment && d.state === 'success' && d.unrecorded !== true);
}
function newestFirst(deployments) {
    return [...deployments].sort((a, b) => b.id - a.id);
}
/**
 * The newest promotion of `sha` to `environment` that went live in full
 * (it may have been replaced since: a pipeline moves on).
 */
function findSucceededDeployment(deployments, environment, sha) {
    return newestFirst(deployments).find((d) => d.environment === environment &&
        d.sha === sha &&
        d.succeededAt !== undefined &&
        d.unrecorded !== true &&
        isFull(d));
}
/**
 * The version a rollback of `environment` returns to: the newest deployment
 * before the live one that went live in full with another commit. Undefined
 * when the environment has no live deployment or nothing before it.
 */
function findRollbackTarget(deployments, environment) {
    const live = plan_findLiveDeployment(deployments, environment);
    if (!live)
        return undefined;
    return newestFirst(deployments).find((d) => d.environment === environment &&
        d.id < live.id &&
        d.sha !== live.sha &&
        d.succeededAt !== undefined &&
        d.unrecorded !== true &&
        isFull(d));
}
/**
 * The canary step asked for, or the next one: the first step unless this
 * commit is live at a step, then the step after that one. Without canary
 * steps in the policy, 100 (or the step asked for, which the canary rule refuses).
 */
function plan_computeCanaryStep(facts, spec) {
    const steps = spec.canary?.steps ?? [100];
    const live = plan_findLiveDeployment(facts.deployments, spec.name);
    const current = live?.sha === facts.commit && live.percent !== undefined ? steps.indexOf(live.percent) : -1;
    const percent = facts.step ?? steps[Math.min(current + 1, steps.length - 1)] ?? 100;
    const index = steps.indexOf(percent);
    return { percent, index, ...(index > 0 ? { previous: steps[index - 1] } : {}) };
}
const WRITE_OR_MORE = ['admin', 'maintain', 'write'];
function classifyApproval(approval, facts, spec) {
    const login = approval.login.toLowerCase();
    if (approval.state !== 'approved')
        return 'not-approved';
    if (approval.type === 'Bot' || login.endsWith('[bot]'))
        return 'bot';
    if (!WRITE_OR_MORE.includes(approval.permission))
        return 'permission';
    if (!spec.approvals.allowSelf && login === facts.author?.toLowerCase())
        return 'author';
    if (!spec.approvals.allowSelf && login === facts.starter?.toLowerCase())
        return 'starter';
    const from = spec.approvals.from;
    const users = from.filter((f) => !f.includes('/')).map((f) => f.toLowerCase());
    if (from.length > 0 && !users.includes(login) && approval.teams.length === 0)
        return 'not-listed';
    return undefined;
}
/** Counts the distinct approvals of the environment and its gates that meet the policy. */
function plan_tallyApprovals(facts, spec) {
    const required = spec.automatic
        ? 0
        : spec.approvals.required + (facts.emergency !== undefined ? spec.emergency.extraApprovals : 0);
    const counted = [];
    const refused = [];
    for (const approval of facts.approvals ?? []) {
        if (!isApprovalEnvironment(spec.name, approval.environment))
            continue;
        const seen = counted.some((c) => c.login.toLowerCase() === approval.login.toLowerCase());
        const why = seen ? 'duplicate' : classifyApproval(approval, facts, spec);
        if (why === undefined)
            counted.push(approval);
        else if (why !== 'duplicate')
            refused.push({ approval, why });
    }
    return { counted, refused, required };
}
/** True when the local time of `now` falls in `window` (a window past midnight ends the next day). */
function isInWindow(window, now) {
    const clock = readWallClock(now, window.timezone);
    const from = parseClockTime(window.from);
    const to = parseClockTime(window.to);
    if (from < to)
        return window.days.includes(clock.weekday) && clock.minutes >= from && clock.minutes < to;
    const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(clock.weekday) + 6) % 7] ?? clock.weekday;
    return ((window.days.includes(clock.weekday) && clock.minutes >= from) ||
        (window.days.includes(yesterday) && clock.minutes < to));
}
/** Describes a window: `mon–fri 09:00–17:00 Europe/Berlin`. */
function describeWindow(window) {
    return `${window.days.join(',')} ${window.from}–${window.to} ${window.timezone}`;
}
/**
 * Decides whether `now` is a time the environment takes promotions: in one
 * of its windows (when it has any) and in none of its freezes, each compared
 * on the local wall-clock time of its zone.
 */
function plan_decideWindow(spec, now) {
    const freeze = spec.freeze.find((f) => {
        const clock = readWallClock(now, f.timezone);
        const local = `${clock.date}T${clock.time}`;
        return local >= f.from && local < f.to;
    });
    const window = spec.windows.find((w) => isInWindow(w, now));
    const outsideWindows = spec.windows.length > 0 && window === undefined;
    const summary = freeze
        ? `frozen: ${freeze.from}–${freeze.to} ${freeze.timezone} (${freeze.reason})`
        : outsideWindows
            ? `closed: outside every window (${spec.windows.map(describeWindow).join('; ')})`
            : window
                ? `open: in the window ${describeWindow(window)}`
                : 'open: no windows or freezes apply';
    return {
        open: freeze === undefined && !outsideWindows,
        ...(freeze ? { freeze } : {}),
        outsideWindows,
        summary,
    };
}

;// CONCATENATED MODULE: ../core/src/checks/audit/plan.ts
/**
 * What the audit reads, decided by the policy: which branches are lines to
 * protect, which tag stands for the release tags, and where a setting is
 * changed in GitHub. The adapter only fetches what these plan.
 */


/** The branch kinds whose branches are release and maintenance lines. */
const LINE_KINDS = ['release', 'maintenance'];
/** Lines audited at most, newest names last, so a repository with hundreds stays bounded. */
const MAX_AUDITED_LINES = 20;
/**
 * Mainline and the release and maintenance lines among `branches` (short
 * names), mainline first, at most {@link MAX_AUDITED_LINES} lines (the last
 * ones in name order).
 */
function planAuditBranches(branches, policy) {
    const lines = branches
        .map((name) => classifyBranch(name, policy))
        .filter((c) => c.kind !== undefined && LINE_KINDS.includes(c.kind))
        .map((c) => ({ name: c.name, kind: c.kind ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(-MAX_AUDITED_LINES);
    return [{ name: policy.mainline, kind: MAINLINE_KIND }, ...lines];
}
/**
 * The tag ref tag rulesets are matched with: the newest release tag, or a
 * release tag as the policy would name the first one (`refs/tags/v0.1.0`).
 */
function planTagSample(tags, policy) {
    const newest = listReleaseTags(tags, policy)[0];
    const prefix = policy.versioning.tagPrefix[0] ?? '';
    return `refs/tags/${newest?.tag ?? `${prefix}${policy.versioning.initial}`}`;
}
/** Where a setting is changed in GitHub, e.g. `https://github.com/o/r/settings/environments`. */
function linkSettings(facts, page) {
    return `${facts.webUrl}/settings/${page}`;
}
/**
 * The severity of a drift finding: the rule's own (undefined) when the
 * policy fails on drift, else a warning that reports without failing.
 */
function computeDriftSeverity(policy) {
    return policy.audit.failOn.includes('drift') ? undefined : 'warning';
}

;// CONCATENATED MODULE: ../core/src/rules/audit-approval-gates.ts




/** Each approval beyond the first has its gate environment with required reviewers. */
const auditApprovalGates = {
    id: 'audit-approval-gates',
    check: 'audit',
    description: 'An environment needing N approvals has the gate environments <env>-approval-2 … <env>-approval-N, each with required reviewers, as release-policy init sets them up.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.environments !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.environments)
            return [];
        const findings = [];
        for (const wanted of listPolicyEnvironments(policy)) {
            for (const gate of listApprovalGates(wanted.name, wanted.approvals)) {
                const env = audit.environments.find((e) => e.name.toLowerCase() === gate.toLowerCase());
                const state = !env
                    ? 'does not exist'
                    : env.reviewers === 0
                        ? 'has no required reviewers'
                        : undefined;
                if (state === undefined)
                    continue;
                findings.push({
                    message: `The gate environment ${quoteValue(gate)} ${state}, but the policy requires ` +
                        `${plural(wanted.approvals, 'approval')} for ${quoteValue(wanted.name)}, one gate per approval beyond the first; ` +
                        'without it GitHub lets a promotion go on after fewer approvals.',
                    hint: `Run "release-policy init" or create it with the same reviewers as ${quoteValue(wanted.name)}: ${linkSettings(audit, 'environments')}.`,
                    severity: computeDriftSeverity(policy),
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-branch-protection.ts



/** The settings a line's protection lacks: the setting, its value, and the demand. */
function listGaps(branch, policy) {
    const gaps = [];
    if (!branch.pullRequests) {
        gaps.push([
            '"Require a pull request before merging" is off',
            'every change to arrive through a pull request',
        ]);
    }
    const missing = policy.audit.requiredChecks.filter((c) => !branch.requiredChecks.includes(c));
    if (missing.length > 0) {
        const has = branch.requiredChecks.length === 0
            ? 'none'
            : branch.requiredChecks.map((c) => quoteValue(c)).join(', ');
        gaps.push([
            `the required status checks are ${has}`,
            `the checks ${missing.map((c) => quoteValue(c)).join(', ')} to pass before merging`,
        ]);
    }
    if (!branch.forcePushesBlocked)
        gaps.push(['force pushes are allowed', 'force pushes blocked, so history is never rewritten']);
    if (!branch.deletionBlocked)
        gaps.push(['deletion is allowed', 'deletion blocked, so the line is kept']);
    return gaps;
}
/** Mainline and the release and maintenance lines are protected as the policy needs. */
const auditBranchProtection = {
    id: 'audit-branch-protection',
    check: 'audit',
    description: 'Mainline and the release and maintenance lines require pull requests and the policy’s status checks, and block force pushes and deletion (branch protection or rulesets).',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.branches !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.branches)
            return [];
        const findings = [];
        const hint = `Add a branch ruleset (${linkSettings(audit, 'rules')}) or a branch protection rule (${linkSettings(audit, 'branches')}) that covers it.`;
        for (const branch of audit.branches) {
            const name = `The ${branch.kind === 'mainline' ? 'mainline' : `${branch.kind} line`} ${quoteBranchName(branch.name)}`;
            if (branch.sources.length === 0) {
                findings.push({
                    message: `${name} is not protected (no branch protection rule or active ruleset covers it), so anyone with write access can push to it, bypassing the policy's checks.`,
                    hint,
                    severity: computeDriftSeverity(policy),
                });
                continue;
            }
            for (const [setting, demand] of listGaps(branch, policy)) {
                findings.push({
                    message: `${name}: ${setting} (by ${branch.sources.join(', ')}), but the policy needs ${demand}.`,
                    hint,
                    severity: computeDriftSeverity(policy),
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-environment-branches.ts



/** Patterns that let any branch deploy. */
const ANY_BRANCH = new Set(['*', '**']);
/** An environment that needs approvals accepts deployments only from mainline, release or tag refs. */
const auditEnvironmentBranches = {
    id: 'audit-environment-branches',
    check: 'audit',
    description: 'An environment whose promotions need approvals has a deployment branch policy limited to protected branches or named mainline, release and tag patterns.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.environments !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.environments)
            return [];
        const findings = [];
        const hint = `Under Settings → Environments → "Deployment branches and tags", choose "Protected branches only" or name ${quoteValue(policy.mainline)}, the release branches (e.g. release/*) and release tags (e.g. v*): ${linkSettings(audit, 'environments')}.`;
        for (const wanted of listPolicyEnvironments(policy)) {
            if (wanted.approvals === 0)
                continue;
            const env = audit.environments.find((e) => e.name.toLowerCase() === wanted.name.toLowerCase());
            if (!env)
                continue;
            if (env.branches.kind === 'all') {
                findings.push({
                    message: `The environment ${quoteValue(env.name)} accepts deployments from any branch (setting "Deployment branches and tags": no restriction), but the policy promotes only mainline, release and tag refs to it.`,
                    hint,
                    severity: computeDriftSeverity(policy),
                });
            }
            else if (env.branches.kind === 'custom') {
                const open = (env.branches.patterns ?? []).filter((p) => p.type === 'branch' && ANY_BRANCH.has(p.name));
                if (open.length > 0) {
                    findings.push({
                        message: `The environment ${quoteValue(env.name)} accepts deployments from any branch (branch pattern ${quoteValue(open[0]?.name)}), but the policy promotes only mainline, release and tag refs to it.`,
                        hint,
                        severity: computeDriftSeverity(policy),
                    });
                }
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-environment-reviewers.ts



/** An environment that needs approvals has required reviewers who cannot approve their own run. */
const auditEnvironmentReviewers = {
    id: 'audit-environment-reviewers',
    check: 'audit',
    description: 'An environment whose promotions need approvals has required reviewers and "Prevent self-review" on.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.environments !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.environments)
            return [];
        const findings = [];
        const where = `Settings → Environments: ${linkSettings(audit, 'environments')}`;
        for (const wanted of listPolicyEnvironments(policy)) {
            if (wanted.approvals === 0)
                continue;
            const env = audit.environments.find((e) => e.name.toLowerCase() === wanted.name.toLowerCase());
            if (!env)
                continue;
            const demand = `the policy requires ${plural(wanted.approvals, 'approval')} for ${quoteValue(wanted.name)}`;
            if (env.reviewers === 0) {
                findings.push({
                    message: `The environment ${quoteValue(env.name)} has no required reviewers (setting "Required reviewers": none), but ${demand}.`,
                    hint: `Add the people or teams who approve under ${where}.`,
                    severity: computeDriftSeverity(policy),
                });
            }
            else if (!env.preventSelfReview) {
                findings.push({
                    message: `The environment ${quoteValue(env.name)} lets the person who started a deployment approve it (setting "Prevent self-review": off), but ${demand} from people other than its author.`,
                    hint: `Turn on "Prevent self-review" under ${where}.`,
                    severity: computeDriftSeverity(policy),
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-environment.ts



/** Every environment of the policy exists in GitHub. */
const auditEnvironment = {
    id: 'audit-environment',
    check: 'audit',
    description: 'Every environment the policy names exists in the repository’s GitHub settings.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.environments !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.environments)
            return [];
        const names = audit.environments.map((env) => env.name);
        const known = new Set(names.map((name) => name.toLowerCase()));
        const findings = [];
        for (const env of listPolicyEnvironments(policy)) {
            if (known.has(env.name.toLowerCase()))
                continue;
            findings.push({
                message: `The environment ${quoteValue(env.name)} of the policy does not exist in GitHub ` +
                    `(the repository has ${names.length === 0 ? 'no environments' : names.map((n) => quoteValue(n)).join(', ')}), ` +
                    `so nothing pauses a deployment to it for the policy's rules.`,
                hint: `Create it under Settings → Environments: ${linkSettings(audit, 'environments')}.`,
                severity: computeDriftSeverity(policy),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/checks/patches/classify.ts

/**
 * The maintenance lines to check among `branches` (local names, and
 * remote-tracking ones with their remote): those whose name, without a
 * remote, is of a kind `patches.kinds` lists; each line once, a local branch
 * rather than its remote-tracking copy, sorted by name.
 */
function selectPatchLines(branches, policy) {
    const kinds = new Set(policy.patches.kinds);
    const byShort = new Map();
    const isLine = (name) => kinds.has(classifyBranch(name, policy).kind ?? '');
    for (const name of branches) {
        if (isLine(name)) {
            byShort.set(name, name);
            continue;
        }
        const slash = name.indexOf('/');
        const short = slash < 0 ? '' : name.slice(slash + 1);
        if (short !== '' && !byShort.has(short) && isLine(short))
            byShort.set(short, name);
    }
    return [...byShort.values()].sort();
}
/**
 * Whether `check` compares the lines on this branch: a branch of one of the
 * policy's `patches.kinds` (release, maintenance, hotfix by default, by
 * whatever names the policy gives them) is a release of its line, which
 * must hold every patch shipped on the lines below it. False for any other
 * branch (a feature branch, the mainline).
 */
function isPatchReleaseBranch(branch, policy) {
    return policy.patches.kinds.includes(classifyBranch(branch, policy).kind ?? '');
}
/** -1, 0 or 1: `a`'s release line against `b`'s (a missing minor is below any minor). */
function compareLines(a, b) {
    if (a.major !== b.major)
        return Math.sign(a.major - b.major);
    return Math.sign((a.minor ?? -1) - (b.minor ?? -1));
}
/**
 * The lines a release on `branch` must hold the patches of: the other
 * branches of its own release line (`release/3.5` for `3.5.x`) and those of
 * the release line right below it, the line whose next version this release
 * is ("every patch is merged into the next version"). Older lines are the
 * duty of the release above each of them, and a main-version release
 * (mainline, a main-version tag) compares every line, so a patch left on an
 * old line is still caught before the next main version; comparing 96 old
 * lines on every push of the newest one would not add to that. Lines above
 * the branch's (`3.6.x` ships after `release/3.5`) are never compared; a line
 * or branch without a version line always is. Pure.
 */
function selectLinesBelow(lines, branch, policy) {
    const own = classifyBranch(branch, policy);
    const kinds = new Set(policy.patches.kinds);
    const candidates = lines.flatMap((line) => {
        // A remote-tracking line (origin/3.5.x) is read by its name without the remote, as selectPatchLines found it.
        const local = classifyBranch(line, policy);
        const other = kinds.has(local.kind ?? '')
            ? local
            : classifyBranch(line.slice(line.indexOf('/') + 1), policy);
        if (other.name === own.name)
            return [];
        if (own.line !== undefined &&
            other.line !== undefined &&
            compareLines(other.line, own.line) > 0)
            return [];
        return [{ line, version: other.line }];
    });
    if (own.line === undefined)
        return candidates.map((c) => c.line);
    const ownLine = own.line;
    const below = candidates.flatMap((c) => c.version !== undefined && compareLines(c.version, ownLine) < 0 ? [c.version] : []);
    const nearest = below.reduce((best, version) => (best === undefined || compareLines(version, best) > 0 ? version : best), undefined);
    return candidates
        .filter((c) => c.version === undefined ||
        compareLines(c.version, ownLine) === 0 ||
        (nearest !== undefined && compareLines(c.version, nearest) === 0))
        .map((c) => c.line);
}
const CHERRY_PICK_LINE = /^\(cherry picked from commit ([0-9a-f]{40})\)$/;
/** The commits a message says it was cherry-picked from (`git cherry-pick -x` lines), in order. */
function readCherryPickSources(message) {
    const sources = [];
    for (const line of message.split('\n')) {
        const match = CHERRY_PICK_LINE.exec(line.trim());
        if (match?.[1] !== undefined)
            sources.push(match[1]);
    }
    return sources;
}
const SQUASH_NUMBER = /\(#([1-9][0-9]{0,9})\)\s*$/;
const MERGE_NUMBER = /^Merge pull request #([1-9][0-9]{0,9}) from /;
/**
 * The pull request number a subject names: GitHub's squash subject
 * (`Fix it (#123)`) or merge subject (`Merge pull request #123 from …`).
 */
function readPullRequestNumber(subject) {
    const match = SQUASH_NUMBER.exec(subject) ?? MERGE_NUMBER.exec(subject);
    return match?.[1] === undefined ? undefined : Number(match[1]);
}
/**
 * True when `subject` matches an exemption pattern: without `*` the subject
 * starts with the pattern; with `*` (any text) the pattern covers the whole
 * subject. The pattern is compared as text, never compiled to a RegExp.
 */
function matchSubjectPattern(pattern, subject) {
    if (!pattern.includes('*'))
        return subject.startsWith(pattern);
    const parts = pattern.split('*');
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (!subject.startsWith(first))
        return false;
    let at = first.length;
    for (const part of parts.slice(1, -1)) {
        const found = subject.indexOf(part, at);
        if (found < 0)
            return false;
        at = found + part.length;
    }
    return subject.length - last.length >= at && subject.endsWith(last);
}
/** True when the waiver still holds on `now`: through the end of its `until` day, UTC. */
function isWaiverActive(waiver, now) {
    return now.getTime() < Date.parse(`${waiver.until}T00:00:00Z`) + 86_400_000;
}
/** The waiver naming `sha` (full or by prefix), if any. */
function findWaiver(waivers, sha) {
    return waivers.find((w) => sha.startsWith(w.commit));
}
const indexes = new WeakMap();
/** Mainline's patch ids and pull request numbers, cached by the facts' identity. */
function indexMainline(commits) {
    const cached = indexes.get(commits);
    if (cached)
        return cached;
    const index = { full: new Map(), zero: new Map(), pulls: new Map() };
    for (const commit of commits) {
        if (commit.patchId !== undefined)
            index.full.set(commit.patchId, commit.sha);
        if (commit.zeroContextPatchId !== undefined)
            index.zero.set(commit.zeroContextPatchId, commit.sha);
        const number = readPullRequestNumber(commit.subject);
        if (number !== undefined)
            index.pulls.set(number, commit.sha);
    }
    indexes.set(commits, index);
    return index;
}
/** The evidence that mainline holds the commit, strongest first; empty when none. */
function findMainlineEvidence(commit, index) {
    const evidence = [];
    const full = commit.patchId === undefined ? undefined : index.full.get(commit.patchId);
    if (full !== undefined)
        evidence.push({ kind: 'patch-id', context: 'full', mainline: full });
    const zero = commit.zeroContextPatchId === undefined ? undefined : index.zero.get(commit.zeroContextPatchId);
    if (full === undefined && zero !== undefined) {
        evidence.push({ kind: 'patch-id', context: 'zero', mainline: zero });
    }
    for (const pick of commit.pickedFrom ?? []) {
        evidence.push({
            kind: pick.inMainline ? 'cherry-pick' : 'unverified-cherry-pick',
            from: pick.sha,
        });
    }
    const number = readPullRequestNumber(commit.subject);
    const pull = number === undefined ? undefined : index.pulls.get(number);
    if (number !== undefined && pull !== undefined) {
        evidence.push({ kind: 'pull-request', number, mainline: pull });
    }
    return evidence;
}
/** The status the strongest trusted evidence gives; undefined when nothing shows the commit in mainline. */
function readStatus(evidence) {
    if (evidence.some((e) => e.kind === 'patch-id'))
        return 'equivalent';
    if (evidence.some((e) => e.kind === 'cherry-pick'))
        return 'cherry-picked';
    if (evidence.some((e) => e.kind === 'pull-request'))
        return 'pr';
    return undefined;
}
/** Classifies one commit of a line. */
function classifyCommit(commit, index, policy, now) {
    const found = findMainlineEvidence(commit, index);
    const base = { sha: commit.sha, subject: commit.subject };
    const status = readStatus(found);
    if (status !== undefined)
        return { ...base, status, evidence: found };
    const pattern = policy.patches.exempt.find((p) => matchSubjectPattern(p, commit.subject));
    if (pattern !== undefined) {
        return { ...base, status: 'exempt', evidence: [{ kind: 'exemption', pattern }, ...found] };
    }
    const waiver = findWaiver(policy.patches.waivers, commit.sha);
    if (waiver !== undefined && isWaiverActive(waiver, now)) {
        return {
            ...base,
            status: 'exempt',
            evidence: [
                {
                    kind: 'waiver',
                    approvedBy: waiver.approvedBy,
                    reason: waiver.reason,
                    until: waiver.until,
                },
                ...found,
            ],
        };
    }
    return { ...base, status: 'missing', evidence: found };
}
/** Classifies every line-only commit of one line, newest first. */
function classifyLine(line, policy, now) {
    const index = indexMainline(line.mainline);
    return {
        line: line.line,
        base: line.base,
        commits: line.commits.map((commit) => classifyCommit(commit, index, policy, now)),
    };
}
/**
 * Classifies the commits of every line in the facts, with evidence: the
 * same patch id (with or without context) in mainline since the merge base,
 * a cherry-pick from a mainline commit, the same pull request merged into
 * mainline, an exemption or an active waiver of the policy, else missing.
 */
function classifyLineCommits(facts, policy, now) {
    return facts.lines.map((line) => classifyLine(line, policy, now));
}

;// CONCATENATED MODULE: ../core/src/rules/audit-patches.ts



const UNREAD = {
    'no-checkout': 'the workspace is not a clone of the audited repository',
    shallow: "the checkout's history is cut off (a shallow clone)",
    'not-comparable': 'a line or the mainline is missing from the checkout',
};
/** A notice, never a silent pass: the lines were not compared, with why and the fix. */
function describeUnread(unread) {
    return {
        severity: 'notice',
        message: `The maintenance lines were not compared with mainline, so patches missing from mainline are not reported: ${UNREAD[unread.reason]}. ${unread.detail}`,
        hint: 'Check out the repository with its whole history before the audit: actions/checkout with "fetch-depth: 0".',
    };
}
/** The audit reports the maintenance lines' patches missing from mainline. */
const auditPatches = {
    id: 'audit-patches',
    check: 'audit',
    description: 'Every patch of a maintenance line is in mainline; the audit fails on missing patches when audit.fail-on lists missing-patches.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit !== undefined && (facts.patches !== undefined || facts.patchesUnread !== undefined),
    evaluate({ facts, policy, now }) {
        if (facts.patchesUnread)
            return [describeUnread(facts.patchesUnread)];
        if (!facts.patches)
            return [];
        const findings = [];
        for (const line of classifyLineCommits(facts.patches, policy, now)) {
            const missing = line.commits.filter((c) => c.status === 'missing');
            if (missing.length === 0)
                continue;
            findings.push({
                message: `The line ${quoteBranchName(line.line)} has ${plural(missing.length, 'commit')} not in ${quoteBranchName(facts.patches.mainline)}.`,
                hint: 'Merge or cherry-pick them into mainline (release-policy patches lists each with its evidence).',
                data: {
                    kind: 'commits',
                    commits: missing.map((c) => ({ sha: c.sha, subject: c.subject })),
                },
                ...(policy.audit.failOn.includes('missing-patches')
                    ? {}
                    : { severity: 'warning' }),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-permission.ts

/** A setting the token could not read is said, with the permission that reads it. */
const auditPermission = {
    id: 'audit-permission',
    check: 'audit',
    description: 'A setting the token could not read is reported with the permission that reads it (neither a failure nor a silent pass).',
    defaultSeverity: 'notice',
    applies: ({ facts }) => (facts.audit?.unreadable.length ?? 0) > 0,
    evaluate({ facts }) {
        return (facts.audit?.unreadable ?? []).map((u) => ({
            message: `The ${u.setting} could not be read (${quoteValue(u.answer)}), so it was not audited.`,
            hint: `Give the token the permission ${u.permission} (a fine-grained token or a GitHub App installation token; the workflow's GITHUB_TOKEN cannot read it).`,
        }));
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-tag-protection.ts


/** Release tags are protected by a tag ruleset, so a released version cannot move. */
const auditTagProtection = {
    id: 'audit-tag-protection',
    check: 'audit',
    description: 'An active tag ruleset covers the release tags and blocks moving (updating) and deleting them.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.tags !== undefined,
    evaluate({ facts, policy }) {
        const audit = facts.audit;
        if (!audit?.tags)
            return [];
        const tags = audit.tags;
        const tag = quoteValue(tags.sample.replace(/^refs\/tags\//, ''));
        const hint = `Add a tag ruleset targeting the release tags (e.g. v*) with "Restrict updates" and "Restrict deletions": ${linkSettings(audit, 'rules')}.`;
        const severity = computeDriftSeverity(policy);
        if (tags.rulesets.length === 0) {
            return [
                {
                    message: `The release tags are not protected (no active tag ruleset covers the tag ${tag}), so a released version can be moved to another commit or deleted.`,
                    hint,
                    severity,
                },
            ];
        }
        const by = tags.rulesets.map((name) => `ruleset ${quoteValue(name)}`).join(', ');
        const findings = [];
        if (!tags.updateBlocked) {
            findings.push({
                message: `The release tag ${tag} can be moved (${by} does not restrict updates), but the policy needs a released version to stay on its commit.`,
                hint,
                severity,
            });
        }
        if (!tags.deletionBlocked) {
            findings.push({
                message: `The release tag ${tag} can be deleted (${by} does not restrict deletions), but the policy needs every released version kept.`,
                hint,
                severity,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/audit-workflow-pin.ts


/** A version tag (`v1`, `v1.4`, `v1.4.0`, prefix optional) or a full commit sha. */
const PINNED_REF = /^(v?\d+(\.\d+){0,2}|[0-9a-f]{40})$/;
/** True when a `uses:` ref pins a version: a version tag or a full commit sha, never a branch. */
function isPinnedRef(ref) {
    return PINNED_REF.test(ref);
}
/** The workflows run this project's actions, each pinned to a version. */
const auditWorkflowPin = {
    id: 'audit-workflow-pin',
    check: 'audit',
    description: 'A workflow runs the release-policy actions, and every use pins them to a version tag or a commit sha, not a branch.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.audit?.workflows !== undefined,
    evaluate({ facts, policy }) {
        const workflows = facts.audit?.workflows;
        if (!workflows)
            return [];
        const severity = computeDriftSeverity(policy);
        const repository = policy.audit.actionRepository;
        if (workflows.every((w) => w.uses.length === 0)) {
            return [
                {
                    message: `No workflow in .github/workflows uses the actions of ${quoteValue(repository)} (${workflows.length} workflow files read), so nothing checks pull requests and releases against the policy.`,
                    hint: `Add the reusable workflow (release-policy init writes .github/workflows/release-policy.yml), using ${repository}/actions/<name>@v1.`,
                    severity,
                },
            ];
        }
        const findings = [];
        for (const workflow of workflows) {
            for (const use of workflow.uses) {
                if (isPinnedRef(use.ref))
                    continue;
                findings.push({
                    message: `${quoteValue(use.uses)} is ${use.ref === '' ? 'not pinned to any version' : `pinned to ${quoteValue(use.ref)}, which is not a version`}, so the checks that run can change without a change to this repository.`,
                    hint: `Pin it to a version tag or a full commit sha, e.g. ${use.uses.split('@')[0] ?? use.uses}@v1.`,
                    file: workflow.path,
                    line: use.line,
                    severity,
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/checks/audit/documents.ts






/** The type the next release is taken as when no version facts tell it: the policy's main-version step. */
const DEFAULT_NEXT_RELEASE_TYPE = 'minor';
/** A file that cannot be judged by its sections, with why. */
function describeUnjudgeable(file) {
    switch (file.problem) {
        case 'binary':
            return 'a binary file';
        case 'too-large':
            return `${file.size} bytes, over the 1 MiB limit`;
        case 'not-file':
            return 'not a regular file';
        case 'unreadable':
            return 'unreadable';
        default:
            break;
    }
    if (file.text === undefined || file.text.trim() === '')
        return 'empty';
    if (file.sameAsTemplate === true)
        return 'still its template';
    return undefined;
}
/** The section titles, quoted and comma-separated, for a detail: `"Changes", "Risk"`. */
function listTitles(titles) {
    return titles.map((t) => JSON.stringify(t)).join(', ');
}
/** Judges one file of a required entry with the docs check's own section checks. */
function judgeFile(spec, file) {
    const unjudgeable = describeUnjudgeable(file);
    const outline = unjudgeable === undefined ? readOutline(file) : undefined;
    if (!outline)
        return { path: file.path, state: 'incomplete', detail: unjudgeable ?? 'empty' };
    const checks = checkSections(outline, spec.sections, spec.placeholders);
    const gaps = ['missing', 'empty', 'placeholder'].flatMap((gap) => {
        const titles = checks.filter((c) => c.gap === gap).map((c) => c.spec.title);
        return titles.length > 0 ? [`${gap}: ${listTitles(titles)}`] : [];
    });
    if (gaps.length > 0)
        return { path: file.path, state: 'incomplete', detail: gaps.join('; ') };
    const titles = spec.sections.map((s) => s.title);
    return {
        path: file.path,
        state: 'present',
        ...(titles.length > 0 ? { detail: `sections ${listTitles(titles)}` } : {}),
    };
}
/** The next release's type and line from the version analysis, when version facts are there. */
function readVersionedNext(facts, policy) {
    if (!facts.version)
        return undefined;
    const analysis = analyzeVersion(facts, policy);
    const next = parseStrictVersion(analysis.recommended);
    if (!next.ok)
        return undefined;
    const previous = analysis.previous ? parseStrictVersion(analysis.previous) : undefined;
    const bump = next.prerelease.length > 0
        ? 'prerelease'
        : diffVersionCores(previous?.ok ? previous : undefined, next);
    if (!isReleaseType(bump))
        return undefined;
    return { releaseType: bump, line: `${next.major}.${next.minor}` };
}
/** The line a minor step from the newest release tag opens (`1.4.2` -> `1.5`), else the initial version's. */
function readDefaultLine(facts, policy) {
    const newest = listReleaseTags(facts.audit?.tagNames ?? [], policy)[0];
    if (newest)
        return `${newest.major}.${newest.minor + 1}`;
    const initial = parseStrictVersion(policy.versioning.initial);
    return initial.ok ? `${initial.major}.${initial.minor}` : '0.1';
}
/**
 * The documents of the mainline's next release, read from `facts.documents`
 * (the working tree of a mainline checkout; the adapter gives `documentsUnread`
 * instead for another branch or commit): every entry the policy requires
 * for the next release's type — the version analysis's recommended step when
 * version facts are there, else {@link DEFAULT_NEXT_RELEASE_TYPE} — as
 * `missing` (no file matched), `incomplete` (binary, unreadable, empty,
 * still its template, a required section missing, empty or placeholder
 * text) or `present`. Undefined without documents facts. Pure.
 */
function inspectNextReleaseDocuments(facts, policy) {
    if (!facts.documents)
        return undefined;
    const versioned = readVersionedNext(facts, policy);
    const releaseType = versioned?.releaseType ?? DEFAULT_NEXT_RELEASE_TYPE;
    const entries = facts.documents.entries;
    const items = policy.documents.flatMap((spec) => {
        if (!spec.requiredFor.includes(releaseType))
            return [];
        const files = entries.find((e) => e.path === spec.path)?.files ?? [];
        if (files.length === 0)
            return [{ path: spec.path, state: 'missing', detail: 'no file matched' }];
        return files.map((file) => judgeFile(spec, file));
    });
    return {
        branch: policy.mainline,
        line: versioned?.line ?? readDefaultLine(facts, policy),
        releaseType,
        releaseTypeFrom: versioned ? 'version' : 'default',
        items,
    };
}

;// CONCATENATED MODULE: ../core/src/checks/audit/status.ts






/** Release lines shown at most, newest first. */
const MAX_STATUS_LINES = 10;
/** The label of deployments whose ref is not a release tag (a branch, a sha). */
const OTHER_LINE = '(other refs)';
/** Missing commits listed per line at most; `missing` counts them all. */
const MAX_STATUS_MISSING_COMMITS = 20;
function status_lineOf(version, policy) {
    const release = parseReleaseTag(version, policy);
    return release ? `${release.major}.${release.minor}` : OTHER_LINE;
}
/**
 * A recorded version as the status shows it: the release tag of a SemVer
 * version (the policy's first tag prefix in front), the version itself when
 * it already is a release tag, else as recorded.
 */
function describeDeployedVersion(version, policy) {
    if (parseReleaseTag(version, policy))
        return version;
    const tag = `${policy.versioning.tagPrefix[0] ?? ''}${version}`;
    return parseReleaseTag(tag, policy) ? tag : version;
}
/** The live promotion of `environment` as the status shows it; undefined when none went live. */
function readDeployedVersion(deployments, environment, policy) {
    const live = plan_findLiveDeployment(deployments, environment);
    if (!live)
        return undefined;
    return {
        environment,
        version: describeDeployedVersion(live.version, policy),
        sha: live.sha,
        at: live.succeededAt ?? live.createdAt,
        by: live.creator,
        deployment: live.id,
    };
}
function isNewer(a, b, policy) {
    if (!b)
        return true;
    const [ra, rb] = [parseReleaseTag(a.version, policy), parseReleaseTag(b.version, policy)];
    if (ra && rb)
        return compareVersions(ra, rb) > 0;
    return a.version !== b.version && a.at > b.at;
}
/** Promotions waiting: a version an environment holds that the next one lacks. */
function listPending(deployed, policy) {
    const pending = [];
    for (let i = 0; i + 1 < deployed.length; i += 1) {
        const [from, to] = [deployed[i], deployed[i + 1]];
        if (!from?.deployment || !to)
            continue;
        if (isNewer(from.deployment, to.deployment, policy)) {
            pending.push({
                version: from.deployment.version,
                from: from.environment,
                to: to.environment,
            });
        }
    }
    return pending;
}
/**
 * The status of every release line: its newest tag, what is live of the line
 * in each environment of the policy (the environment's newest promotion that
 * succeeded, never the deployment GitHub makes for a job), and the pending promotions;
 * the missing patches when the lines were compared; the documents of the
 * mainline's next release when the checkout was read. Undefined without audit facts.
 */
function computeReleaseStatus(facts, policy, now) {
    const audit = facts.audit;
    if (!audit)
        return undefined;
    const environments = listPolicyEnvironments(policy).map((env) => env.name);
    const newestTags = new Map();
    for (const release of listReleaseTags(audit.tagNames ?? [], policy)) {
        const line = `${release.major}.${release.minor}`;
        if (!newestTags.has(line))
            newestTags.set(line, release.tag);
    }
    const live = environments.flatMap((environment) => {
        const deployed = readDeployedVersion(audit.deployments ?? [], environment, policy);
        return deployed ? [deployed] : [];
    });
    const deployedLines = live.map((d) => status_lineOf(d.version, policy));
    const lineNames = [...new Set([...newestTags.keys(), ...deployedLines])].slice(0, MAX_STATUS_LINES);
    const lines = lineNames.map((line) => {
        const deployed = environments.map((environment) => {
            const deployment = live.find((d) => d.environment === environment && status_lineOf(d.version, policy) === line);
            return deployment ? { environment, deployment } : { environment };
        });
        const latestTag = newestTags.get(line);
        return {
            line,
            ...(latestTag ? { latestTag } : {}),
            deployed,
            pending: listPending(deployed, policy),
        };
    });
    const status = {
        repository: audit.repository,
        environments,
        lines,
        unreadable: audit.unreadable,
    };
    if (facts.patches) {
        status.patches = classifyLineCommits(facts.patches, policy, now).map((line) => {
            const missing = line.commits.filter((c) => c.status === 'missing');
            return {
                line: line.line,
                commits: line.commits.length,
                missing: missing.length,
                missingCommits: missing
                    .slice(0, MAX_STATUS_MISSING_COMMITS)
                    .map((c) => ({ sha: c.sha, subject: c.subject })),
            };
        });
    }
    if (facts.patchesUnread)
        status.patchesUnread = facts.patchesUnread;
    const documents = inspectNextReleaseDocuments(facts, policy);
    if (documents)
        status.nextReleaseDocuments = documents;
    if (facts.documentsUnread)
        status.documentsUnread = facts.documentsUnread;
    return status;
}

;// CONCATENATED MODULE: ../core/src/checks/audit/index.ts
/**
 * The audit check: GitHub's settings enforce what the policy says
 * (environments, branch and tag protection, pinned workflows), and the
 * configuration status says where every release line stands.
 */












/** The audit check. */
const auditCheck = defineCheck({
    name: 'audit',
    title: 'Configuration audit',
    action: 'audit',
    command: {
        name: 'audit',
        summary: 'check that GitHub’s settings enforce the policy, and show where every release stands',
        usage: '[--repo OWNER/NAME]',
        example: 'release-policy audit --repo octo-org/app --json',
        standalone: true,
    },
    sections: [auditSection],
    rules: [
        auditEnvironment,
        auditEnvironmentReviewers,
        auditEnvironmentBranches,
        auditApprovalGates,
        auditBranchProtection,
        auditTagProtection,
        auditWorkflowPin,
        auditPermission,
        auditPatches,
    ],
    needs: ['audit'],
    // From a checkout of the audited repository, when there is one: the lines' patches, the next release's documents.
    wants: ['patches', 'documents'],
    outputs: [
        {
            name: 'lines',
            description: 'How many release lines the status report shows.',
        },
        {
            name: 'unreadable',
            description: 'How many settings the token could not read (each a notice naming the permission); 0 when every setting was audited.',
        },
        {
            name: 'report',
            description: "Path of the JSON status report (release lines, deployments, pending promotions, missing patches, the next release's documents, findings); empty in the CLI, which prints it with --json.",
        },
        {
            name: 'status-issue',
            description: 'The number of the status issue created or updated; empty when none was written.',
        },
        {
            name: 'artifact-id',
            description: 'The id of the artifact holding the JSON report; empty when none was uploaded (always in the CLI).',
        },
    ],
    summarize(facts, policy) {
        if (!facts.audit)
            return {};
        const status = computeReleaseStatus(facts, policy, new Date(0));
        return { lines: status?.lines.length ?? 0, unreadable: facts.audit.unreadable.length };
    },
    describe(values) {
        if (values.lines === undefined)
            return {};
        return {
            'release lines': String(values.lines),
            'settings not readable': String(values.unreadable ?? 0),
        };
    },
    report(facts, policy, now) {
        const status = computeReleaseStatus(facts, policy, now);
        return status ? { status } : {};
    },
});

;// CONCATENATED MODULE: ../core/src/ref-patterns.ts
/**
 * GitHub's ref name patterns of rulesets and deployment policies
 * (`refs/heads/release/*`, `refs/tags/v*`), matched the way GitHub's
 * fnmatch does: `*` and `?` stay within one `/`-separated segment, `**`
 * crosses segments. Compiled by us, never into a regular expression, in
 * (pattern length × ref length) steps.
 */
/** True when `ref` matches `pattern`. */
function matchRefPattern(pattern, ref) {
    // reach[j]: the pattern read so far matches the first j characters of the ref.
    let reach = Array.from({ length: ref.length + 1 }, (_, j) => j === 0);
    let i = 0;
    while (i < pattern.length) {
        const char = pattern[i];
        const double = char === '*' && pattern[i + 1] === '*';
        const next = Array.from({ length: ref.length + 1 }, () => false);
        for (let j = 0; j <= ref.length; j += 1) {
            if (char === '*') {
                // A star matches an empty run, or extends the run one character further.
                next[j] =
                    reach[j] === true || (j > 0 && next[j - 1] === true && (double || ref[j - 1] !== '/'));
            }
            else if (j > 0 && reach[j - 1] === true) {
                next[j] = char === '?' ? ref[j - 1] !== '/' : ref[j - 1] === char;
            }
        }
        reach = next;
        i += double ? 2 : 1;
    }
    return reach[ref.length] === true;
}

;// CONCATENATED MODULE: ../core/src/checks/docs/links.ts
/**
 * A document link that leaves the repository is a policy error: the entry
 * asks for a file the check must never read, so it is reported at the
 * entry's position in the policy file (exit 2), like every other policy
 * error, rather than as a finding about the document.
 */


/**
 * The policy errors for document links that leave the repository, each at
 * its entry's position (the file's first line for an entry of the default
 * policy, or of a policy built in code: they have no positions).
 */
function checkDocumentLinks(policy, outside) {
    return outside.map(({ entry, field, file }) => {
        const spec = policy.documents[entry];
        const given = field === 'path' ? spec?.path : spec?.template;
        // An entry without a position comes from the default policy (the file has no documents section).
        const position = spec?.positions?.[field] ?? { file: policy.source, line: 1, column: 1 };
        const origin = spec?.positions ? '' : " (the default policy's entry)";
        const matched = given === file ? '' : ` matches ${quoteValue(file)}, which`;
        return {
            ...position,
            path: `documents[${entry}].${field}`,
            message: `documents[${entry}].${field}${origin} ${quoteValue(given ?? file)}${matched} is a symbolic link ` +
                'whose target leaves the repository (or enters its .git folder), so it is never read. ' +
                'Commit the document itself at that path, or point the entry at a file inside the ' +
                `repository, for example: path: docs/release/rollback.md. ${seeDocs('documents')}`,
        };
    });
}

;// CONCATENATED MODULE: ../core/src/checks/docs/templates.ts
/** Where GitHub reads the pull request template from. */
const PULL_REQUEST_TEMPLATE_PATH = '.github/pull_request_template.md';
/** `docs/release/backup-restore.md` -> `Backup restore`. */
function templates_describeTitle(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    const words = name.replace(/[-_]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
}
/** Each section with a comment saying what goes there and a visible TODO to replace. */
function renderSections(sections, hint) {
    return sections
        .map((s) => `## ${s.title}\n\n<!-- ${hint} ${s.title.toLowerCase()}. -->\nTODO\n`)
        .join('\n');
}
function renderDocumentTemplate(spec) {
    const version = spec.mentionVersion ? '\nVersion: TODO (the version released, e.g. 1.4.0)\n' : '';
    return (`# ${templates_describeTitle(spec.path)}\n${version}\n` +
        '<!-- Required for ' +
        `${spec.requiredFor.join(', ')} releases by .github/release-policy.yml. Replace every ` +
        'TODO; the release is blocked until then. -->\n\n' +
        renderSections(spec.sections, 'Describe the'));
}
/** The templates of the policy's documents; entries whose path is a glob are left out. */
function renderDocumentTemplates(policy) {
    return policy.documents
        .filter((spec) => !/[*?[]/.test(spec.path))
        .map((spec) => ({ path: spec.path, text: renderDocumentTemplate(spec) }));
}
/** The pull request template: the change request's sections, a ticket line. */
function renderPullRequestTemplate(policy) {
    const { sections, ticketKeys } = policy.changeRequest;
    const ticket = `${ticketKeys[0] ?? 'CHG'}-1234`;
    const text = `<!-- Change request: fill in every section; the docs check fails on the placeholders. ` +
        `Name the ticket (${ticket}) in the title or on the Ticket line. -->\n\nTicket: TODO\n\n` +
        renderSections(sections, 'Write the');
    return { path: PULL_REQUEST_TEMPLATE_PATH, text };
}

;// CONCATENATED MODULE: ../core/src/run-branch.ts

function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value;
}
/**
 * The branch under test and its base. The branch is the explicit one, else
 * the pull request's head, else the pushed branch, else the checked-out one.
 * The base is the explicit one, else the pull request's base, but only when
 * the branch checked is that pull request's head: a base says where the
 * branch merges, and the pull request says that only for its own head.
 * Names are normalized (`refs/heads/` dropped). Undefined when the run is
 * not for a branch (a tag push, a detached HEAD). Pure.
 */
function resolveBranchUnderTest(signals) {
    const pr = signals.pullRequest && nonEmpty(signals.pullRequest.head) ? signals.pullRequest : undefined;
    const pushed = nonEmpty(signals.pushedRef);
    const name = nonEmpty(signals.branch) ??
        pr?.head ??
        (pushed?.startsWith('refs/heads/') ? pushed : undefined) ??
        nonEmpty(signals.checkedOut);
    if (name === undefined)
        return undefined;
    const branch = normalizeBranchName(name);
    const prBase = pr && normalizeBranchName(pr.head) === branch ? nonEmpty(pr.base) : undefined;
    const base = nonEmpty(signals.base) ?? prBase;
    return base === undefined ? { name: branch } : { name: branch, base: normalizeBranchName(base) };
}

;// CONCATENATED MODULE: ../core/src/config/default.ts
/**
 * The default policy as a commented YAML text (what `release-policy init`
 * writes). `defaultPolicy()` in `load.ts` parses it; this module imports no
 * loader, so the two never import each other.
 */

/** Where the policy's JSON Schema is published; editors read it from the first line. */
const POLICY_SCHEMA_URL = 'https://raw.githubusercontent.com/release-policy/release-policy/main/schema/release-policy.schema.json';
/** The `source` of the default policy. */
const DEFAULT_POLICY_SOURCE = '(default policy)';
/**
 * The default policy's text, composed from the common header, each check's
 * section (`PolicySection.defaultYaml`) and the closing sections, so a new
 * check's defaults are written once, beside its schema.
 */
function composeDefaultPolicyYaml() {
    const sections = POLICY_SECTIONS.map((section) => section.defaultYaml).join('\n');
    return `${DEFAULT_POLICY_HEAD}${sections}\n${DEFAULT_POLICY_TAIL}`;
}
const DEFAULT_POLICY_HEAD = `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}
#
# Release policy: how branches are named, where they merge, and how versions
# are declared and bumped. Reference: docs/policy.md
#
# This file is read from the base branch of a pull request, so a change to the
# policy takes effect once it is merged. Each top-level section you write
# replaces the default section as a whole; a section you leave out keeps its
# default. The file is YAML 1.2: only true and false are booleans ("no", "on"
# stay strings), and values that start with "{" must be quoted.

# The stable trunk's branch name. In "into" lists below, the keyword
# "mainline" stands for this branch.
mainline: main

`;
const DEFAULT_POLICY_TAIL = `# Severity per rule id: error, warning, notice, or off. Rules not listed keep
# their own severity. Rule ids are listed in docs/rules.md.
rules: {}
`;
/** The default policy as a commented YAML file: what `release-policy init` writes. */
const DEFAULT_POLICY_YAML = composeDefaultPolicyYaml();

;// CONCATENATED MODULE: ../core/src/config/fields.ts
/**
 * What each policy field expects, with an example, for messages; and a small
 * walker over the zod schema to find the allowed keys at a path.
 */


/**
 * Field descriptions by schema path: mapping keys joined with dots, `*` for
 * any key of a free-form mapping, `[]` for any list item, and a `(key)`
 * suffix for the key itself of a free-form mapping. The checks' sections
 * bring their own (`PolicySection.fields`).
 */
const FIELDS = {
    '': { expected: 'a mapping of sections', example: 'mainline: main' },
    requires: {
        expected: 'a SemVer range of release-policy releases, a string',
        example: "requires: '>=0.2.0'",
    },
    mainline: { expected: 'the mainline branch name, a string', example: 'mainline: main' },
    rules: {
        expected: 'a mapping from rule id to severity',
        example: 'rules: { version-bump: warning, branch-name: off }',
    },
    'rules.*(key)': { expected: 'a rule id', example: 'version-bump' },
    'rules.*': { expected: 'one of error, warning, notice, off', example: 'version-bump: warning' },
    ...Object.fromEntries(POLICY_SECTIONS.flatMap((section) => Object.entries(section.fields))),
};
function unwrap(node) {
    let current = node;
    while (current?._zod.def.innerType)
        current = current._zod.def.innerType;
    return current;
}
/** Picks the mapping alternative of a union (`versioning.files[]`), when there is one. */
function pickObject(node) {
    const def = node?._zod.def;
    if (def?.type !== 'union')
        return node;
    return def.options?.map(unwrap).find((o) => o?._zod.def.type === 'object') ?? node;
}
function walkSchema(path) {
    let node = unwrap(policySchema);
    let key = '';
    for (const segment of path) {
        const current = pickObject(node);
        const def = current?._zod.def;
        if (def?.type === 'object' && typeof segment === 'string') {
            key = key === '' ? segment : `${key}.${segment}`;
            node = unwrap(def.shape?.[segment]);
        }
        else if (def?.type === 'record') {
            key = `${key}.*`;
            node = unwrap(def.valueType);
        }
        else if (def?.type === 'array') {
            key = `${key}[]`;
            node = unwrap(def.element);
        }
        else {
            key = `${key}.${String(segment)}`;
            node = undefined;
        }
    }
    return { node, key };
}
/** The catalogue key for a path, e.g. `branches.kinds.*.patterns[]`. */
function fieldKeyOf(path) {
    return walkSchema(path).key;
}
/**
 * Describes what the field at `path` expects; `keyOfRecord` asks about the
 * key itself of a free-form mapping (a kind name, a rule id).
 */
function describeField(path, keyOfRecord = false) {
    const top = path[0];
    if (typeof top === 'string' && RESERVED_SECTIONS.includes(top)) {
        return {
            expected: 'a mapping (this section is reserved for a later capability)',
            example: `${top}: {}`,
        };
    }
    const key = fieldKeyOf(path) + (keyOfRecord ? '(key)' : '');
    return ((Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined) ?? {
        expected: 'a value of the documented form',
        example: 'mainline: main',
    });
}
/** The keys a mapping at `path` allows, in schema order; empty when it is free-form. */
function listAllowedKeys(path) {
    const node = pickObject(walkSchema(path).node);
    const shape = node?._zod.def.type === 'object' ? node._zod.def.shape : undefined;
    return shape ? Object.keys(shape) : [];
}

// EXTERNAL MODULE: ../core/node_modules/semver/index.js
var semver = __webpack_require__(747);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ../core/src/config/requires.ts
/**
 * The policy's `requires`: the range of release-policy releases that
 * understand the file. A policy written for a newer release then fails with
 * a message naming that release, instead of a list of unknown keys.
 */




/** A range with a pre-release bound (`>=0.3.0-rc.1`) includes that release's pre-releases. */
const rangeOptions = { includePrerelease: true };
/** Reads `requires` from the plain policy value and compares it with the running release. */
function classifyRequirement(value) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'requires')) {
        return { state: 'absent' };
    }
    const range = value.requires;
    if (typeof range !== 'string' || semver_default().validRange(range, rangeOptions) === null) {
        return { state: 'invalid' };
    }
    return semver_default().satisfies(RELEASE_POLICY_VERSION, range, rangeOptions)
        ? { state: 'met', range }
        : { state: 'unmet', range };
}
/**
 * The issue `requires` raises, if any: a range that is not SemVer, or a
 * range the running release does not satisfy (what to update to, then).
 * A `requires` that is not a string is the schema's to report.
 */
function checkRequirement(requirement, value, source, file) {
    const raw = readRequires(value);
    if (typeof raw !== 'string')
        return undefined;
    const at = { file, ...source.locate(['requires'], 'key'), path: formatPath(['requires']) };
    if (requirement.state === 'invalid') {
        return {
            ...at,
            message: `requires ${quoteValue(raw)} is not a SemVer range of release-policy releases. ` +
                `Expected a range such as >=0.2.0 or ^0.3.0, for example: requires: '>=0.2.0'. ` +
                seeDocs('requires'),
        };
    }
    if (requirement.state !== 'unmet')
        return undefined;
    return { ...at, message: describeUnmetRequirement(requirement.range) };
}
function readRequires(value) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'requires')) {
        return undefined;
    }
    return value.requires;
}
/** What to do when the running release is outside the range: update, or pin an older one. */
function describeUnmetRequirement(range) {
    const head = `This policy needs release-policy ${range} (requires: ${quoteValue(range)}); this is ${RELEASE_POLICY_VERSION}.`;
    const lowest = semver_default().minVersion(range)?.version;
    if (lowest !== undefined && semver_default().gt(lowest, RELEASE_POLICY_VERSION)) {
        return (`${head} Update the action, e.g. uses: release-policy/release-policy/actions/version@v${lowest}, ` +
            `or the CLI (npm install --save-dev @release-policy/cli@${lowest}), to a release in that ` +
            `range. ${seeDocs('requires')}`);
    }
    return (`${head} This release is outside the range: use a release in it, or widen the range ` +
        `to include this one, for example: requires: '>=${RELEASE_POLICY_VERSION}'. ${seeDocs('requires')}`);
}
/**
 * The sentence an unknown key gets when no known key is close to it: from
 * the newer release the policy requires, or not a section of this release.
 */
function describeUnknownSection(requirement, topLevel) {
    if (requirement.state === 'unmet') {
        return (` It is probably from the newer release this policy requires (${requirement.range}), ` +
            `which release-policy ${RELEASE_POLICY_VERSION} does not know; update as the "requires" problem says.`);
    }
    if (!topLevel)
        return '';
    if (requirement.state === 'met') {
        return ` It is not a section of release-policy ${RELEASE_POLICY_VERSION}, which this policy's requires (${requirement.range}) accepts; check its spelling.`;
    }
    return (` It is not a section of release-policy ${RELEASE_POLICY_VERSION}. If it comes from a newer ` +
        `release, update the action to that release and add requires to the policy, for example ` +
        `requires: '>=0.2.0', so that older releases name the release it needs.`);
}

;// CONCATENATED MODULE: ../core/src/config/zod-issues.ts





/** Reads the plain value at `path`, or `undefined` when it is absent. */
function readAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        if (!Object.hasOwn(current, segment))
            return undefined;
        current = current[segment];
    }
    return current;
}
const nouns = {
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
};
function toPath(path) {
    return path.map((s) => (typeof s === 'number' ? s : String(s)));
}
function lastKey(path) {
    const last = path.at(-1);
    return typeof last === 'string' ? last : undefined;
}
/** Converts every zod issue to one or more positioned config issues. */
function convertZodIssues(issues, ctx) {
    return issues.flatMap((issue) => convertIssue(issue, [], ctx));
}
/**
 * Converts one zod issue: find where it stands, then word it by kind (keys,
 * unions, values), as {@link convertZodIssues} needs.
 */
function convertIssue(issue, prefix, ctx) {
    const site = locateIssue(issue, prefix, ctx);
    switch (issue.code) {
        case 'unrecognized_keys':
            return convertUnknownKeys(issue.keys, site, ctx.requirement);
        case 'invalid_key':
            return [convertInvalidKey(site)];
        case 'invalid_union':
            return convertUnion(issue, site.path, site.value, ctx, site.make, site.expectation);
        default:
            return [site.make(site.path, 'value', describeValueProblem(issue, site, ctx))];
    }
}
function locateIssue(issue, prefix, ctx) {
    const path = [...prefix, ...toPath(issue.path)];
    const field = describeField(path);
    return {
        path,
        value: readAt(ctx.value, path),
        name: formatPath(path),
        field,
        expectation: `Expected ${field.expected}, for example: ${field.example}.`,
        make: (at, target, message) => ({
            file: ctx.file,
            ...ctx.source.locate(at, target),
            path: formatPath(at),
            message: `${message} ${seeDocs(anchorFor(at))}`,
        }),
    };
}
/**
 * Unknown keys: "did you mean" when a known key is close; else, from the
 * policy's `requires`, whether the key is probably from a newer release.
 */
function convertUnknownKeys(keys, site, requirement) {
    const { path, make } = site;
    const allowed = listAllowedKeys(path);
    const where = path.length === 0 ? 'at the top level' : `in ${site.name}`;
    return keys.map((key) => {
        const hint = formatDidYouMean(key, allowed) || describeUnknownSection(requirement, path.length === 0);
        return make([...path, key], 'key', `Unknown key ${quoteValue(key)} ${where}.${hint} Allowed keys here: ${allowed.join(', ')}.`);
    });
}
function convertInvalidKey({ path, make }) {
    const key = lastKey(path) ?? '';
    const info = describeField(path, true);
    return make(path, 'key', `${quoteValue(key)} is not a valid key in ${formatPath(path.slice(0, -1))}. ` +
        `Expected ${info.expected}, for example: ${info.example}.`);
}
/** Words a problem with a value: its type, size, format or allowed values. */
function describeValueProblem(issue, site, ctx) {
    const { path, value, name, field, expectation } = site;
    switch (issue.code) {
        case 'invalid_type': {
            // A boolean's expected form is already spelled out by the problem itself.
            const tail = issue.expected === 'boolean' ? `For example: ${field.example}.` : expectation;
            return `${describeTypeProblem(issue.expected, path, value, ctx)} ${tail}`;
        }
        case 'too_small':
            return Array.isArray(value)
                ? `${name} is an empty list; it needs at least ${String(issue.minimum)} item. ${expectation}`
                : `${name} must not be empty, but it is ${quoteValue(value)}. ${expectation}`;
        case 'too_big':
            return (`${name} is too long: at most ${String(issue.maximum)} characters, but it is ` +
                `${quoteValue(value)}. ${expectation}`);
        case 'invalid_format':
            return `${name} has an invalid value ${quoteValue(value)}. ${expectation}`;
        case 'invalid_value': {
            const options = issue.values.map(String);
            const suggestion = typeof value === 'string' ? formatDidYouMean(value, options) : '';
            return (`${name} must be one of ${options.join(', ')}, but it is ${describeValue(value)}.` +
                `${suggestion} For example: ${field.example}.`);
        }
        default:
            return `${name}: ${issue.message} (got ${quoteValue(value)}). ${expectation}`;
    }
}
/**
 * Explains a wrong type, with the YAML-specific advice that usually fixes it:
 * quote numbers and booleans meant as strings, write `true`/`false` for
 * booleans, quote values that start with `{`.
 */
function describeTypeProblem(expected, path, value, ctx) {
    const name = formatPath(path);
    if (value === undefined) {
        const parent = formatPath(path.slice(0, -1));
        return `${parent} is missing the required key ${quoteValue(lastKey(path) ?? name)}.`;
    }
    const noun = nouns[expected] ?? expected;
    const base = `${name} must be ${noun}, but it is ${describeValue(value)}.`;
    if (expected === 'boolean' && typeof value === 'string') {
        return (`${base} The policy is read as YAML 1.2, where only true and false are booleans: ` +
            `yes, no, on, off, y and n are plain strings. Write true or false.`);
    }
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const text = ctx.source.sourceOf(path) ?? String(value);
        const key = lastKey(path);
        const quoted = quoteValue(text);
        return (`${base} YAML reads ${quoted.slice(1, -1)} as a ${typeof value}; quote it to make it a string, ` +
            `for example ${key === undefined ? `- ${quoted}` : `${key}: ${quoted}`}.`);
    }
    if (value !== null && typeof value === 'object' && expected === 'string') {
        const text = ctx.source.sourceOf(path)?.trimStart() ?? '';
        if (text.startsWith('{')) {
            return (`${base} A value that starts with "{" is YAML flow syntax (a mapping); quote it to ` +
                `make it a string, for example ${quoteValue(text)}.`);
        }
    }
    if (value === null) {
        return `${name} is empty: it has no value. Write a value, or remove the key or item.`;
    }
    return base;
}
/** A union failed: report the alternative that matches the value's shape, else what is accepted. */
function convertUnion(issue, path, value, ctx, make, expectation) {
    const rootTypeError = (list) => list.length > 0 && list.every((i) => i.code === 'invalid_type' && i.path.length === 0);
    const relevant = issue.errors.filter((list) => !rootTypeError(list));
    if (relevant.length === 1) {
        return relevant[0].flatMap((inner) => convertIssue(inner, path, ctx));
    }
    const problem = value === null
        ? `${formatPath(path)} is empty: it has no value.`
        : `${formatPath(path)} has the wrong form: it is ${describeValue(value)}.`;
    return [make(path, 'value', `${problem} ${expectation}`)];
}

;// CONCATENATED MODULE: ../core/src/config/invisible.ts



const FORMAT_CHARACTER = /\p{Cf}/u;
/** Names of the format characters most often met in copied text. */
const CHARACTER_NAMES = new Map([
    [0x00ad, 'SOFT HYPHEN'],
    [0x061c, 'ARABIC LETTER MARK'],
    [0x200b, 'ZERO WIDTH SPACE'],
    [0x200c, 'ZERO WIDTH NON-JOINER'],
    [0x200d, 'ZERO WIDTH JOINER'],
    [0x200e, 'LEFT-TO-RIGHT MARK'],
    [0x200f, 'RIGHT-TO-LEFT MARK'],
    [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
    [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
    [0x202c, 'POP DIRECTIONAL FORMATTING'],
    [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
    [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
    [0x2060, 'WORD JOINER'],
    [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
    [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
    [0x2068, 'FIRST STRONG ISOLATE'],
    [0x2069, 'POP DIRECTIONAL ISOLATE'],
    [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);
/** `U+200B (ZERO WIDTH SPACE)`, or `U+XXXX` for a character without a listed name. */
function describeCodePoint(character) {
    const code = character.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = CHARACTER_NAMES.get(code);
    return name === undefined ? hex : `${hex} (${name})`;
}
/** JSON-quotes a value with its format characters written as `\uXXXX`, so a reader sees them. */
function showInvisible(value) {
    return escapeFormatCharacters(quoteValue(value));
}
function listNameSites(value) {
    const sites = [];
    const mainline = readAt(value, ['mainline']);
    if (typeof mainline === 'string') {
        sites.push({
            path: ['mainline'],
            text: mainline,
            isKey: false,
            noun: 'mainline',
            example: 'mainline: main',
        });
    }
    const keys = readAt(value, ['branches', 'ticket-keys']);
    if (Array.isArray(keys)) {
        keys.forEach((key, index) => {
            if (typeof key !== 'string')
                return;
            const path = ['branches', 'ticket-keys', index];
            sites.push({
                path,
                text: key,
                isKey: false,
                noun: formatPath(path),
                example: 'ticket-keys: [CHG]',
            });
        });
    }
    const kinds = readAt(value, ['branches', 'kinds']);
    if (kinds === null || typeof kinds !== 'object' || Array.isArray(kinds))
        return sites;
    for (const kind of Object.keys(kinds)) {
        const path = ['branches', 'kinds', kind];
        sites.push({ path, text: kind, isKey: true, noun: 'the kind name', example: 'feature:' });
        const patterns = readAt(value, [...path, 'patterns']);
        if (!Array.isArray(patterns))
            continue;
        patterns.forEach((pattern, index) => {
            if (typeof pattern !== 'string')
                return;
            const at = [...path, 'patterns', index];
            sites.push({
                path: at,
                text: pattern,
                isKey: false,
                noun: formatPath(at),
                example: '"feature/{slug}"',
            });
        });
    }
    return sites;
}
/**
 * Reports the first format character of each mainline name, kind name,
 * pattern and ticket key, at its own column when the text is written as is.
 */
function checkInvisibleCharacters(ctx) {
    const issues = [];
    for (const site of listNameSites(ctx.value)) {
        const match = FORMAT_CHARACTER.exec(site.text);
        if (match === null)
            continue;
        const start = ctx.source.locate(site.path, site.isKey ? 'key' : 'value');
        const written = site.isKey ? site.text : (ctx.source.sourceOf(site.path) ?? '');
        const inSource = written.indexOf(match[0]);
        const column = inSource === -1 ? start.column : start.column + inSource;
        issues.push({
            file: ctx.file,
            line: start.line,
            column,
            path: formatPath(site.path),
            message: `${site.noun} ${showInvisible(site.text)} contains the invisible character ` +
                `${describeCodePoint(match[0])}, so it differs from the name it looks like. Remove ` +
                `it; names hold visible characters only, for example: ${site.example}. ` +
                seeDocs(site.path[0] === 'mainline' ? anchorFor(site.path) : 'encoding'),
        });
    }
    return issues;
}

;// CONCATENATED MODULE: ../core/src/config/policy-text.ts

/** Lists and mappings may nest at most this deep (the top-level mapping is level 1). */
const MAX_NESTING_DEPTH = 64;
const encodingDocs = seeDocs('encoding');
/** The 1-based line and column (in characters) of an offset, counting LF line breaks. */
function locateOffset(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line += 1;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
/**
 * The offset of the first byte that is not part of a well-formed UTF-8
 * sequence (overlong forms, surrogates and code points above U+10FFFF
 * included), or `undefined` when every byte is.
 */
function findInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const length = measureUtf8Sequence(bytes, i);
        if (length === 0)
            return i;
        i += length;
    }
    return undefined;
}
/** The length of the well-formed UTF-8 sequence at `i`, or 0 (the Unicode table 3-7 ranges). */
function measureUtf8Sequence(bytes, i) {
    const b0 = bytes[i];
    if (b0 < 0x80)
        return 1;
    const inRange = (at, low, high) => at < bytes.length && bytes[at] >= low && bytes[at] <= high;
    if (b0 >= 0xc2 && b0 <= 0xdf)
        return inRange(i + 1, 0x80, 0xbf) ? 2 : 0;
    if (b0 >= 0xe0 && b0 <= 0xef) {
        const low = b0 === 0xe0 ? 0xa0 : 0x80;
        const high = b0 === 0xed ? 0x9f : 0xbf;
        return inRange(i + 1, low, high) && inRange(i + 2, 0x80, 0xbf) ? 3 : 0;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
        const low = b0 === 0xf0 ? 0x90 : 0x80;
        const high = b0 === 0xf4 ? 0x8f : 0xbf;
        const rest = inRange(i + 2, 0x80, 0xbf) && inRange(i + 3, 0x80, 0xbf);
        return inRange(i + 1, low, high) && rest ? 4 : 0;
    }
    return 0;
}
/** Explains a byte that is not UTF-8. */
function describeInvalidUtf8(byte) {
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    return (`The policy is not valid UTF-8: the byte 0x${hex} here does not start or continue a ` +
        `UTF-8 character (the file may be saved as Latin-1, Windows-1252 or UTF-16). Save the ` +
        `file as UTF-8 text; every character, including those in patterns, must be UTF-8. ` +
        encodingDocs);
}
/**
 * Finds a NUL character and CR-only line breaks, each reported once at its
 * first occurrence. Either stops the YAML reading: the parser would report
 * them as unrelated syntax errors, or accept a NUL inside a name.
 */
function checkPolicyCharacters(text) {
    const problems = [];
    const nul = text.indexOf('\0');
    if (nul !== -1) {
        problems.push({
            offset: nul,
            message: 'The policy contains a NUL character (U+0000). A policy is UTF-8 text and no name, ' +
                'pattern or value may hold a NUL; a NUL usually means the file was saved as UTF-16 ' +
                `or is not text. Remove it, or save the file as UTF-8 text. ${encodingDocs}`,
        });
    }
    const cr = text.search(/\r(?!\n)/);
    if (cr !== -1) {
        problems.push({
            offset: cr,
            message: 'The policy uses CR line breaks (a carriage return with no line feed after it), as ' +
                'classic Mac OS editors wrote them; YAML would read the whole file as one line. Save ' +
                `the file with LF (or CRLF) line breaks. ${encodingDocs}`,
        });
    }
    return problems;
}
function isCollection(token) {
    return (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection');
}
/**
 * Finds the first list or mapping nested deeper than {@link MAX_NESTING_DEPTH}
 * in the YAML parser's token tree (the lexer's output, before any document is
 * composed; the loader composes the document from the same tokens). It reads
 * the tree with an explicit stack, so no recursion runs before the depth is
 * known to be safe.
 */
function checkNestingDepth(tokens) {
    let first;
    for (const document of tokens) {
        const stack = [[document, 0]];
        while (stack.length > 0) {
            const [node, depth] = stack.pop();
            if (node === null || typeof node !== 'object')
                continue;
            const token = node;
            const level = isCollection(token) ? depth + 1 : depth;
            if (level > MAX_NESTING_DEPTH && token.offset !== undefined) {
                first = Math.min(first ?? token.offset, token.offset);
                continue;
            }
            for (const item of token.items ?? [])
                stack.push([item.key, level], [item.value, level]);
            if (token.value !== null && typeof token.value === 'object')
                stack.push([token.value, level]);
        }
    }
    if (first === undefined)
        return undefined;
    return {
        offset: first,
        message: `The policy nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; this ` +
            `is the first value past that depth. A policy needs a few levels (section, kind, ` +
            `list), so the file is rejected rather than read. Remove the extra "[", "{" or "-" ` +
            `levels, for example: patterns: ['feature/{ticket}-{slug}']. ${encodingDocs}`,
    };
}

;// CONCATENATED MODULE: ../core/src/rules/branch-name.ts



const BRANCHES_DOCS = `${POLICY_DOCS}#branches`;
/**
 * Lists every accepted name form, one line per kind, each pattern with a
 * concrete example, followed by what the placeholders in use accept.
 */
function describeAcceptedBranches(policy) {
    const lines = [`  - mainline: ${JSON.stringify(policy.mainline)}`];
    const used = new Set();
    for (const { name, patterns } of compileBranchKinds(policy).kinds) {
        if (patterns.length === 0)
            continue;
        const forms = patterns.map((p) => {
            p.placeholders.forEach((ph) => used.add(ph));
            return `${JSON.stringify(p.source)} (e.g. ${JSON.stringify(p.example)})`;
        });
        lines.push(`  - ${describeBranchKind(name, policy, { noun: 'none' })}: ${forms.join(', ')}`);
    }
    const placeholders = [...used].map((p) => `  ${PLACEHOLDER_DESCRIPTIONS[p]}`);
    const keys = policy.branches.ticketKeys;
    if (used.has('ticket') && keys.length > 0) {
        placeholders.push(`  {ticket} keys allowed by the policy: ${keys.join(', ')}`);
    }
    return ['Accepted branch names:', ...lines, ...placeholders].join('\n');
}
function describeMiss(name, policy) {
    const quoted = quoteBranchName(name);
    if (name.length > MAX_BRANCH_NAME_LENGTH) {
        return (`Branch ${quoted} is too long to be checked: at most ${MAX_BRANCH_NAME_LENGTH} ` +
            `characters are accepted.`);
    }
    const advice = adviseBranchName(name, policy);
    const guesses = [];
    if (advice.mainline !== undefined)
        guesses.push(JSON.stringify(advice.mainline));
    for (const near of advice.near) {
        if (near.suggestion !== undefined)
            guesses.push(JSON.stringify(near.suggestion));
    }
    const sentences = [`Branch ${quoted} matches no branch kind of the policy.`];
    if (guesses.length > 0)
        sentences.push(`Did you mean ${[...new Set(guesses)].join(' or ')}?`);
    for (const near of advice.near.filter((n) => n.samePrefix)) {
        sentences.push(`It starts like a ${describeBranchKind(near.kind, policy)}, but the rest does not fit ` +
            `${JSON.stringify(near.pattern.source)}; example: ${JSON.stringify(near.pattern.example)}.`);
    }
    if (guesses.length === 0 && !advice.near.some((n) => n.samePrefix)) {
        for (const near of advice.near) {
            sentences.push(`Did you mean a ${describeBranchKind(near.kind, policy)}? Those start with ` +
                `${JSON.stringify(near.pattern.prefix)}, ` +
                `e.g. ${JSON.stringify(near.pattern.example)}.`);
        }
    }
    return sentences.join(' ');
}
/**
 * Why no branch name was checked, as a notice: a run for a tag or a detached
 * checkout has no branch, and that is said, never skipped in silence.
 */
function describeNoBranch(run) {
    if (run.event === 'local') {
        return {
            severity: 'notice',
            message: 'HEAD is detached and no branch was given, so no branch name was checked. ' +
                'Give one with --branch NAME (or "release-policy branch NAME").',
            docs: 'docs/cli.md#commands',
        };
    }
    return {
        severity: 'notice',
        message: `This ${run.event || 'run'} is not for a branch (ref ${JSON.stringify(run.ref)}), so no branch name was checked. Give the branch input to check one.`,
    };
}
/** Every branch (head) name must be the mainline or match a configured kind. */
const branchName = {
    id: 'branch-name',
    check: 'branch',
    description: 'The branch name is the mainline or matches a branch kind of the policy.',
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.branch !== undefined || ctx.facts.run !== undefined,
    evaluate({ facts, policy }) {
        if (facts.branch === undefined)
            return facts.run ? [describeNoBranch(facts.run)] : [];
        const findings = [];
        const compiled = compileBranchKinds(policy);
        for (const { kind, index, error } of compiled.problems) {
            findings.push({
                message: `Branch kind ${JSON.stringify(kind)}, pattern ${index + 1}: ${error.message}`,
                hint: 'Fix the pattern in branches.kinds of the policy.',
                docs: BRANCHES_DOCS,
            });
        }
        if (compiled.kinds.length === 0) {
            findings.push({
                message: `The policy defines no branch kinds, so no branch can be accepted (the check fails ` +
                    `closed). Add kinds under branches.kinds, e.g. feature: { patterns: ` +
                    `["feature/{ticket}-{slug}"], into: [mainline] }. See ${BRANCHES_DOCS}.`,
                hint: 'Add at least one kind to branches.kinds in the policy, or use the default policy.',
                docs: BRANCHES_DOCS,
            });
            return findings;
        }
        const name = normalizeBranchName(facts.branch?.name ?? '');
        if (classifyBranch(name, policy).kind !== undefined)
            return findings;
        const example = compiled.kinds.flatMap((k) => k.patterns)[0]?.example ?? policy.mainline;
        findings.push({
            message: `${describeMiss(name, policy)}\n${describeAcceptedBranches(policy)}`,
            hint: `Rename the branch to an accepted form (for example ${JSON.stringify(example)}) with ` +
                `git branch -m, or add a pattern to branches.kinds in the policy.`,
        });
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/branch-target.ts


function formatLine(line) {
    return line.minor === undefined ? `${line.major}.x` : `${line.major}.${line.minor}`;
}
function isOnLine(head, base) {
    return head.major === base.major && (base.minor === undefined || head.minor === base.minor);
}
/** An example name of `kind`, placed on `line` when given. */
function exampleOf(kind, policy, line) {
    if (kind === MAINLINE_KIND)
        return policy.mainline;
    const found = compileBranchKinds(policy).kinds.find((k) => k.name === kind);
    const pattern = found?.patterns[0];
    if (!pattern)
        return undefined;
    if (!line)
        return pattern.example;
    return renderPatternExample(pattern, line, { ticketKeys: policy.branches.ticketKeys });
}
/**
 * `the mainline "main"`, or `release branches (e.g. "release/1.4")`; with
 * `described`, the kind's description too:
 * `release branches (Release lines, cut from main; e.g. "release/1.4")`.
 */
function describeTarget(kind, policy, described = false) {
    if (kind === MAINLINE_KIND)
        return `the mainline ${JSON.stringify(policy.mainline)}`;
    const example = exampleOf(kind, policy);
    if (described) {
        return describeBranchKind(kind, policy, {
            noun: 'branches',
            ...(example === undefined ? {} : { example }),
        });
    }
    return example === undefined
        ? `${kind} branches`
        : `${kind} branches (e.g. ${JSON.stringify(example)})`;
}
/** Where `kind` may be merged; `described` names the kind with its description. */
function describeAllowed(kind, into, policy, described = false) {
    const subject = described
        ? describeBranchKind(kind, policy, { noun: 'branches' })
        : `${kind} branches`;
    if (into.length === 0) {
        return `${subject} may not be merged anywhere (their kind has an empty "into" list)`;
    }
    return `${subject} may be merged into ${into.map((k) => describeTarget(k, policy)).join(', ')}`;
}
/** A kind whose branches may be merged into `baseKind`, with an example on the base's line. */
function exampleHeadFor(baseKind, base, policy) {
    for (const { name, kind } of compileBranchKinds(policy).kinds) {
        if (!kind.into.includes(baseKind))
            continue;
        const example = exampleOf(name, policy, kind['same-line'] ? base.line : undefined);
        if (example !== undefined)
            return example;
    }
    return undefined;
}
function checkFromMainline(head, base, policy) {
    const branchOff = base.kind ? exampleHeadFor(base.kind, base, policy) : undefined;
    const how = branchOff === undefined
        ? `create a branch from ${quoteBranchName(base.name)}`
        : `create a branch from ${quoteBranchName(base.name)}, e.g. ${JSON.stringify(branchOff)}`;
    return {
        message: `Pull request from the mainline ${quoteBranchName(head.name)} into ` +
            `${quoteBranchName(base.name)}: the mainline is not merged into other branches. ` +
            `Branch off instead: ${how}, cherry-pick the commits it needs, and open the pull ` +
            `request from that branch.`,
        hint: 'Close this pull request and open one from a branch made off the target.',
    };
}
/** A pull request's base must be a place the head's kind may be merged into. */
const branchTarget = {
    id: 'branch-target',
    check: 'branch',
    description: "A pull request targets a branch the head's kind may be merged into, on the same version line when required.",
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.branch?.base !== undefined,
    evaluate({ facts, policy }) {
        const findings = [];
        const head = classifyBranch(facts.branch?.name ?? '', policy);
        const base = classifyBranch(facts.branch?.base ?? '', policy);
        if (head.kind === MAINLINE_KIND)
            findings.push(checkFromMainline(head, base, policy));
        const headKind = head.kind === undefined || head.kind === MAINLINE_KIND
            ? undefined
            : policy.branches.kinds[head.kind];
        const pr = `Pull request from ${quoteBranchName(head.name)} into ${quoteBranchName(base.name)}`;
        if (base.kind === undefined) {
            const allowed = headKind
                ? ` ${describeAllowed(head.kind, headKind.into, policy, true)}.`
                : '';
            findings.push({
                message: `${pr}: the target ${quoteBranchName(base.name)} is not a known line: it is neither ` +
                    `the mainline ${JSON.stringify(policy.mainline)} nor a name of any branch kind of ` +
                    `the policy.${allowed}`,
                hint: `Retarget the pull request, e.g. to ${JSON.stringify(policy.mainline)}.`,
            });
            return findings;
        }
        // An unknown head is reported by branch-name; its targets cannot be judged.
        if (!headKind || head.kind === undefined)
            return findings;
        if (!headKind.into.includes(base.kind)) {
            const first = headKind.into[0];
            const retarget = first === undefined ? undefined : exampleOf(first, policy, head.line);
            findings.push({
                message: `${pr}: a ${describeBranchKind(head.kind, policy)} may not be merged into ` +
                    `${describeTarget(base.kind, policy, true)}; ` +
                    `${describeAllowed(head.kind, headKind.into, policy)}.`,
                hint: retarget === undefined
                    ? `Change the branch kind, or allow ${base.kind} in the into list of ${head.kind}.`
                    : `Retarget the pull request to an allowed branch, e.g. ${JSON.stringify(retarget)}.`,
            });
            return findings;
        }
        if (headKind['same-line'] && base.line && head.line && !isOnLine(head.line, base.line)) {
            const onLine = exampleOf(head.kind, policy, base.line);
            const example = onLine === undefined ? '' : ` (e.g. ${JSON.stringify(onLine)})`;
            findings.push({
                message: `${pr}: ${describeBranchKind(head.kind, policy, { noun: 'branches' })} must stay on the ` +
                    `target's version line, but ` +
                    `${quoteBranchName(head.name)} is on line ${formatLine(head.line)} and ` +
                    `${quoteBranchName(base.name)} is line ${formatLine(base.line)}. Only ` +
                    `${head.kind} branches of ${formatLine(base.line)}${example} may target it.`,
                hint: `Retarget the pull request to the ${formatLine(head.line)} line, or rename the branch to a version on ${formatLine(base.line)}.`,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/checks/branch/index.ts
/**
 * The branch check: the branch under test matches a branch kind of the
 * policy and, on a pull request, may merge into its base.
 */





/** The branch check. */
const branchCheck = defineCheck({
    name: 'branch',
    title: 'Branch name',
    action: 'branch-name',
    command: {
        name: 'branch',
        summary: 'check a branch name and, with --base, its merge direction',
        usage: '[NAME] [--base BRANCH]',
        positional: 'branch',
        example: 'release-policy branch feature/CHG-1234-add-login --base main',
    },
    sections: [branchesSection],
    rules: [branchName, branchTarget],
    needs: ['branch'],
    outputs: [
        {
            name: 'name',
            description: 'The branch checked, short name; empty when the run is not for a branch.',
        },
        {
            name: 'base',
            description: 'The pull request base branch it merges into; empty when there is none (a push).',
        },
        {
            name: 'kind',
            description: 'The branch kind: a kind name of the policy (feature, fix, release, maintenance, hotfix or bot in the default policy) or mainline; empty when none matched.',
        },
        {
            name: 'ticket',
            description: 'The ticket key in the branch name, e.g. CHG-1234; empty when none.',
        },
        {
            name: 'version',
            description: 'The version in the branch name (hotfix/1.4.3 gives 1.4.3); empty when none.',
        },
    ],
    summarize(facts, policy) {
        if (!facts.branch)
            return {};
        const branch = classifyBranch(facts.branch.name, policy);
        return {
            name: branch.name,
            base: facts.branch.base,
            kind: branch.kind,
            ticket: branch.ticket,
            version: branch.version,
        };
    },
    describe(values, policy) {
        if (values.name === undefined)
            return { branch: '(none)' };
        const kind = typeof values.kind === 'string' ? values.kind : undefined;
        const description = kind ? policy.branches.kinds[kind]?.description : undefined;
        return {
            branch: String(values.name),
            ...(values.base !== undefined ? { base: String(values.base) } : {}),
            kind: kind ? (description ? `${kind} (${description})` : kind) : '(none)',
            ...(values.ticket !== undefined ? { ticket: String(values.ticket) } : {}),
        };
    },
});

;// CONCATENATED MODULE: ../core/src/checks/changelog/index.ts
/**
 * The changelog check: the release notes of a version, from the Conventional
 * Commits since the previous release of its line. It has no rules of its
 * own; its action writes the notes, and publishes them as the GitHub Release.
 */



/** The changelog check. */
const changelogCheck = defineCheck({
    name: 'changelog',
    title: 'Changelog',
    action: 'changelog',
    command: {
        name: 'changelog',
        summary: 'write the release notes from the Conventional Commits since the previous release',
        usage: '[--from REF] [--to REF] [--version V] [--json] [--write FILE] [--all] [--package NAME]',
        example: 'release-policy changelog --version 1.4.0 --write CHANGELOG.md',
        standalone: true,
    },
    sections: [changelogSection],
    rules: [],
    needs: ['branch', 'version'],
    outputs: [
        { name: 'version', description: 'The version the notes are for, without the tag prefix.' },
        { name: 'notes', description: 'The path of the Markdown file holding the notes.' },
        {
            name: 'release-id',
            description: 'The id of the GitHub Release that was created or updated; empty without publish.',
        },
        { name: 'url', description: 'The URL of that GitHub Release; empty without publish.' },
    ],
    summarize(facts, policy) {
        if (!facts.version)
            return {};
        const analysis = analyzeVersion(facts, policy);
        return { version: analysis.version ?? analysis.recommended };
    },
    describe(values) {
        return values.version === undefined ? {} : { version: String(values.version) };
    },
});

;// CONCATENATED MODULE: ../core/src/rules/patch-merged.ts



/** Every patch shipped on a maintenance line is in mainline, or exempt by the policy. */
const patchMerged = {
    id: 'patch-merged',
    check: 'patches',
    description: 'Every commit on a maintenance line is in mainline: merged forward, cherry-picked, the same patch or pull request, or exempt by the policy.',
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.patches !== undefined,
    evaluate({ facts, policy, now }) {
        if (!facts.patches)
            return [];
        const mainline = quoteBranchName(facts.patches.mainline);
        const findings = [];
        for (const line of classifyLineCommits(facts.patches, policy, now)) {
            for (const commit of line.commits) {
                if (commit.status !== 'missing')
                    continue;
                const unverified = commit.evidence.find((e) => e.kind === 'unverified-cherry-pick');
                const why = unverified === undefined
                    ? `no commit of ${mainline} since the merge base ${line.base.slice(0, 12)} has the same patch, cherry-pick source or pull request`
                    : `its message says it was cherry-picked from ${unverified.from.slice(0, 12)}, which is not a commit of ${mainline}, and no commit of ${mainline} since the merge base has the same patch`;
                findings.push({
                    message: `The commit ${commit.sha.slice(0, 12)} ${quoteValue(commit.subject)} on the line ` +
                        `${quoteBranchName(line.line)} is not in ${mainline}: ${why}.`,
                    hint: `Merge the line into ${mainline}, or cherry-pick the commit there with ` +
                        `"git cherry-pick -x ${commit.sha}", or waive it under patches.waivers in the policy.`,
                    ...(policy.patches.missing === 'warning' ? { severity: 'warning' } : {}),
                    data: { kind: 'commits', commits: [{ sha: commit.sha, subject: commit.subject }] },
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/patch-waiver.ts



/** Every waiver of the `patches` section is current and names a commit of a line checked. */
const patchWaiver = {
    id: 'patch-waiver',
    check: 'patches',
    description: 'Every waiver under patches.waivers is still valid and names a commit on a maintenance line that is not in mainline.',
    defaultSeverity: 'error',
    applies: ({ facts, policy }) => facts.patches !== undefined && policy.patches.waivers.length > 0,
    evaluate({ facts, policy, now }) {
        if (!facts.patches)
            return [];
        const lines = facts.patches.lines;
        const findings = [];
        for (const waiver of policy.patches.waivers) {
            const where = lines.find((line) => line.commits.some((c) => c.sha.startsWith(waiver.commit)));
            const commit = where?.commits.find((c) => c.sha.startsWith(waiver.commit));
            if (!isWaiverActive(waiver, now)) {
                findings.push({
                    message: `The waiver for the commit ${waiver.commit} (approved by ${quoteValue(waiver.approvedBy)}) ` +
                        `expired after ${waiver.until}${where ? ` and the commit is still not in ${quoteBranchName(facts.patches.mainline)}` : ''}. ` +
                        `Expected an until date not in the past, e.g. until: ${now.toISOString().slice(0, 10)}.`,
                    hint: 'Merge the commit into mainline, or renew the waiver with a new until date after a new approval.',
                    ...(commit
                        ? { data: { kind: 'commits', commits: [{ sha: commit.sha, subject: commit.subject }] } }
                        : {}),
                });
                continue;
            }
            if (where === undefined) {
                const names = lines.map((line) => quoteBranchName(line.line)).join(', ');
                findings.push({
                    message: `The waiver for the commit ${waiver.commit} names no commit missing from ` +
                        `${quoteBranchName(facts.patches.mainline)} on the lines checked (${names || 'none'}): ` +
                        `it is merged already, or not a commit of these lines.`,
                    hint: 'Remove the waiver, or correct its commit sha.',
                    severity: 'warning',
                });
            }
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/checks/patches/index.ts
/**
 * The patches check: every patch shipped on a maintenance line is in
 * mainline (merged forward, cherry-picked with -x, the same patch or pull
 * request), exempt by the policy or waived until a date.
 */





/** The patches check. */
const patchesCheck = defineCheck({
    name: 'patches',
    title: 'Patches in mainline',
    action: 'patch-merge',
    command: {
        name: 'patches',
        summary: 'check that every patch on a maintenance line is in mainline',
        usage: '[--mainline BRANCH] [--line NAME ...]',
        example: 'release-policy patches --mainline main --line 3.5.x',
    },
    sections: [patchesSection],
    rules: [patchMerged, patchWaiver],
    needs: ['patches'],
    outputs: [
        {
            name: 'missing-count',
            description: 'How many commits on the maintenance lines checked are not in mainline, not exempt and not waived.',
        },
        {
            name: 'report',
            description: 'Path of the JSON report: every commit of each line with its status and evidence; empty in the CLI, which prints it with --json.',
        },
        {
            name: 'forward-ports',
            description: 'The forward-port pull requests opened or updated, as a JSON array of objects with line, branch, pullRequest (number and url, null when none could be opened), picked (shas) and skipped (sha, subject, reason: conflict, empty or already-on-branch); empty unless open-forward-ports is true, and in the CLI.',
        },
    ],
    summarize(facts, policy) {
        if (!facts.patches)
            return {};
        const lines = classifyLineCommits(facts.patches, policy, new Date(facts.patches.checkedAt));
        const missing = lines.flatMap((line) => line.commits.filter((c) => c.status === 'missing'));
        return { 'missing-count': missing.length };
    },
    describe(values) {
        if (values['missing-count'] === undefined)
            return {};
        return { 'missing patches': String(values['missing-count']) };
    },
    report(facts, policy, now) {
        if (!facts.patches)
            return {};
        return { lines: classifyLineCommits(facts.patches, policy, now) };
    },
});

;// CONCATENATED MODULE: ../core/src/rules/promote-context.ts
/**
 * What the promotion rules share: the promotion facts and the entry of the
 * environment they target, when both are there.
 */

/** The promotion and its environment's policy; undefined without facts or for an unlisted environment. */
function readPromotion(ctx) {
    const promotion = ctx.facts.promotion;
    if (!promotion)
        return undefined;
    const spec = plan_findEnvironmentSpec(ctx.policy, promotion.environment);
    return spec ? { promotion, spec } : undefined;
}
/** The first 12 digits of a commit, for messages. */
function shortSha(sha) {
    return sha.slice(0, 12);
}

;// CONCATENATED MODULE: ../core/src/rules/promote-approvals.ts



const WHY = {
    bot: 'a bot account',
    permission: 'has less than write permission',
    author: "the commit's author",
    starter: 'started the run',
    'not-listed': 'not in approvals.from (neither listed nor a member of a listed team)',
    'not-approved': 'did not approve',
    duplicate: 'counted once already',
};
/** The promotion has the distinct approvals the environment demands. */
const promoteApprovals = {
    id: 'promote-approvals',
    check: 'promote',
    description: "Enough distinct people with write permission approved the run for the environment (not the author or the starter unless allow-self; never a bot), plus the emergency's extra approvals.",
    defaultSeverity: 'error',
    applies: (ctx) => readPromotion(ctx)?.promotion.approvals !== undefined,
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read)
            return [];
        const { promotion, spec } = read;
        const tally = plan_tallyApprovals(promotion, spec);
        if (tally.counted.length >= tally.required)
            return [];
        const counted = tally.counted.map((a) => quoteValue(a.login)).join(', ') || 'none';
        const refused = tally.refused.map((r) => `${quoteValue(r.approval.login)} (${WHY[r.why]})`);
        const gates = listApprovalEnvironments(spec.name, tally.required);
        const from = spec.approvals.from.length > 0 ? ` from ${spec.approvals.from.join(', ')}` : '';
        return [
            {
                message: `${quoteValue(spec.name)} needs ${plural(tally.required, 'distinct approval')}` +
                    `${promotion.emergency !== undefined ? ' (the emergency adds ' + spec.emergency.extraApprovals + ')' : ''}; ` +
                    `${tally.counted.length} counted: ${counted}` +
                    (refused.length > 0 ? `; not counted: ${refused.join(', ')}` : '') +
                    '.',
                hint: `Have ${tally.required - tally.counted.length} more ${tally.required - tally.counted.length === 1 ? 'person' : 'people'} with write permission${from} ` +
                    `approve the run's review of ${gates.join(', ')} (one gate job per environment; see docs/actions.md#promote-approvals).`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-artifact.ts



/** The artifact promoted is the one the environment before this one received: same digest. */
const promoteArtifact = {
    id: 'promote-artifact',
    check: 'promote',
    description: 'A named artifact has the same sha256 digest as the one deployed to the environment before.',
    defaultSeverity: 'error',
    applies: (ctx) => {
        const read = readPromotion(ctx);
        return (read?.promotion.artifact !== undefined &&
            read.spec.after !== undefined &&
            !read.promotion.rollback);
    },
    evaluate(ctx) {
        const read = readPromotion(ctx);
        const artifact = read?.promotion.artifact;
        if (!read || !artifact || read.spec.after === undefined)
            return [];
        const before = findSucceededDeployment(read.promotion.deployments, read.spec.after, read.promotion.commit);
        // No deployment there is the order rule's finding; a digest only compares with one.
        if (!before || before.digest === artifact.digest)
            return [];
        const recorded = before.digest === undefined ? 'no artifact digest' : quoteValue(before.digest);
        return [
            {
                message: `The artifact ${quoteValue(artifact.name)} has the digest ${quoteValue(artifact.digest)}, but the deployment ` +
                    `#${before.id} of the same commit to ${quoteValue(read.spec.after)} recorded ${recorded}: ` +
                    'what would go live is not what was tested there.',
                hint: `Promote the artifact that went to ${read.spec.after} (digest ${before.digest ?? 'recorded by promote'}), or promote this one through ${read.spec.after} first.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-canary.ts




/** Canary steps go in the policy's order, each after the previous one held for `hold`. */
const promoteCanary = {
    id: 'promote-canary',
    check: 'promote',
    description: 'A canary step is one of the policy\'s steps, and each after the first follows the previous step of the same commit, live for at least "hold".',
    defaultSeverity: 'error',
    applies: (ctx) => {
        const read = readPromotion(ctx);
        return (read !== undefined && (read.spec.canary !== undefined || read.promotion.step !== undefined));
    },
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read)
            return [];
        const { promotion, spec } = read;
        const step = plan_computeCanaryStep(promotion, spec);
        const steps = spec.canary?.steps;
        if (!steps || step.index < 0) {
            return [
                {
                    message: `The canary step ${step.percent}% is not one of ${quoteValue(spec.name)}'s steps (${steps ? steps.join(', ') : 'it has none'}).`,
                    hint: steps
                        ? `Give step one of ${steps.join(', ')}, starting at ${steps[0]}.`
                        : `Leave step empty, or add canary: { steps: [5, 25, 100], hold: 1h } to ${spec.name} in the policy.`,
                },
            ];
        }
        if (step.previous === undefined)
            return [];
        return checkPreviousStep(ctx.now, promotion, { ...step, previous: step.previous }, spec.canary);
    },
};
/** The step before this one must be live for the same commit, for at least the hold. */
function checkPreviousStep(now, promotion, step, canary) {
    const { commit, environment } = promotion;
    const { percent, previous } = step;
    const live = plan_findLiveDeployment(promotion.deployments, environment);
    if (live?.sha !== commit || live.percent !== previous) {
        const found = live
            ? `${quoteValue(environment)} is live with commit ${shortSha(live.sha)} at ${live.percent ?? 100}%`
            : `${quoteValue(environment)} has nothing live`;
        return [
            {
                message: `The canary step ${percent}% of commit ${shortSha(commit)} must follow its ${previous}% step, and ${found}.`,
                hint: `Promote step ${previous} first (steps go in order), then ${percent}.`,
            },
        ];
    }
    const held = now.getTime() - Date.parse(live.succeededAt ?? live.createdAt);
    const holdMs = canary?.holdMs ?? 0;
    if (held >= holdMs)
        return [];
    return [
        {
            message: `The ${previous}% step of commit ${shortSha(commit)} has held for ${describeDuration(held)}; the next step needs it to hold for ${canary?.hold ?? '0s'}.`,
            hint: `Promote step ${percent} at ${new Date(now.getTime() - held + holdMs).toISOString()} or later.`,
        },
    ];
}

;// CONCATENATED MODULE: ../core/src/rules/promote-environment.ts

/** The environment promoted to is one the policy lists. */
const promoteEnvironment = {
    id: 'promote-environment',
    check: 'promote',
    description: "The environment promoted to is listed in the policy's environments.",
    defaultSeverity: 'error',
    applies: ({ facts }) => facts.promotion !== undefined,
    evaluate({ facts, policy }) {
        const name = facts.promotion?.environment ?? '';
        if (policy.environments.some((e) => e.name === name))
            return [];
        const names = policy.environments.map((e) => e.name);
        return [
            {
                message: `The environment ${quoteValue(name)} is not in the policy's environments ` +
                    `(${names.map((n) => quoteValue(n)).join(', ')}), so nothing says what it demands.`,
                hint: `Promote to one of ${names.join(', ')}, or add { name: ${JSON.stringify(name)} } to environments in the policy.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-exclusive.ts


const RUNNING = ['queued', 'pending', 'in_progress'];
/** No other promotion of the same environment is running. */
const promoteExclusive = {
    id: 'promote-exclusive',
    check: 'promote',
    description: 'No deployment of the environment from another run is still queued or in progress: one promotion at a time.',
    defaultSeverity: 'error',
    applies: (ctx) => readPromotion(ctx) !== undefined,
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read)
            return [];
        const { promotion, spec } = read;
        return promotion.deployments
            .filter((d) => d.environment === spec.name &&
            RUNNING.includes(d.state) &&
            (d.runId === undefined || d.runId !== promotion.runId))
            .map((d) => ({
            message: `Another promotion of ${quoteValue(spec.name)} is ${d.state.replace('_', ' ')}: deployment #${d.id} of ` +
                `${quoteValue(d.version)}${d.runId !== undefined ? ` by run ${d.runId}` : ''}, created ${d.createdAt}.`,
            hint: "Wait for it to finish and run this promotion again; if its run died, set the deployment's status to failure or inactive first.",
        }));
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-order.ts



/** The environment before this one holds a successful deployment of the same commit. */
const promoteOrder = {
    id: 'promote-order',
    check: 'promote',
    description: 'The environment named by "after" (the previous one by default) had a successful full deployment of the same commit first.',
    defaultSeverity: 'error',
    applies: (ctx) => {
        const read = readPromotion(ctx);
        // A rollback returns to a version that already passed the order once.
        return read !== undefined && read.spec.after !== undefined && !read.promotion.rollback;
    },
    evaluate(ctx) {
        const read = readPromotion(ctx);
        const after = read?.spec.after;
        if (!read || after === undefined)
            return [];
        const { promotion, spec } = read;
        if (findSucceededDeployment(promotion.deployments, after, promotion.commit))
            return [];
        const live = plan_findLiveDeployment(promotion.deployments, after);
        const found = live
            ? `${quoteValue(after)} holds ${quoteValue(live.version)} (commit ${shortSha(live.sha)}) instead`
            : `${quoteValue(after)} has no successful deployment at all`;
        return [
            {
                message: `${quoteValue(promotion.version)} (commit ${shortSha(promotion.commit)}) cannot go to ${quoteValue(spec.name)}: ` +
                    `it must first be deployed in full to ${quoteValue(after)}, and ${found}.`,
                hint: `Promote commit ${promotion.commit} to ${after} first, then promote it to ${spec.name}.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-rollback.ts



/** A rollback has a previous version to return to. */
const promoteRollback = {
    id: 'promote-rollback',
    check: 'promote',
    description: "A rollback finds, in the environment's deployment history, a version that went live before the current one.",
    defaultSeverity: 'error',
    applies: (ctx) => readPromotion(ctx)?.promotion.rollback === true,
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read)
            return [];
        const { promotion, spec } = read;
        if (findRollbackTarget(promotion.deployments, spec.name))
            return [];
        const live = plan_findLiveDeployment(promotion.deployments, spec.name);
        return [
            {
                message: live
                    ? `${quoteValue(spec.name)} has nothing to roll back to: ${quoteValue(live.version)} is live and no other version went live there before it.`
                    : `${quoteValue(spec.name)} has nothing to roll back from: no deployment there is live.`,
                hint: 'Promote a version to the environment instead (set version or ref, and leave rollback false).',
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-soak.ts




/** The commit has soaked in the environment before this one for the policy's time. */
const promoteSoak = {
    id: 'promote-soak',
    check: 'promote',
    description: 'The same commit has been live in the environment before for at least "soak".',
    defaultSeverity: 'error',
    applies: (ctx) => {
        const read = readPromotion(ctx);
        return (read !== undefined &&
            read.spec.after !== undefined &&
            read.spec.soakMs > 0 &&
            !read.promotion.rollback);
    },
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read || read.spec.after === undefined)
            return [];
        const { promotion, spec } = read;
        const before = findSucceededDeployment(promotion.deployments, spec.after ?? '', promotion.commit);
        if (!before?.succeededAt)
            return [];
        const since = Date.parse(before.succeededAt);
        const soaked = ctx.now.getTime() - since;
        if (soaked >= spec.soakMs)
            return [];
        const ready = new Date(since + spec.soakMs).toISOString();
        return [
            {
                message: `${quoteValue(promotion.version)} has been live in ${quoteValue(spec.after)} for ${describeDuration(soaked)} ` +
                    `(since ${before.succeededAt}); ${quoteValue(spec.name)} needs a soak of ${spec.soak}.`,
                hint: `Promote it at ${ready} or later, or lower soak for ${spec.name} in the policy.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/promote-window.ts



/** The promotion happens in a change window and outside every freeze, or as a recorded emergency. */
const promoteWindow = {
    id: 'promote-window',
    check: 'promote',
    description: 'The promotion happens inside a change window and outside every freeze of the environment (local time of each zone), unless it is an emergency.',
    defaultSeverity: 'error',
    applies: (ctx) => {
        const spec = readPromotion(ctx)?.spec;
        return spec !== undefined && (spec.windows.length > 0 || spec.freeze.length > 0);
    },
    evaluate(ctx) {
        const read = readPromotion(ctx);
        if (!read)
            return [];
        const { promotion, spec } = read;
        const decision = plan_decideWindow(spec, ctx.now);
        if (decision.open)
            return [];
        const closed = decision.freeze
            ? `it is frozen from ${decision.freeze.from} to ${decision.freeze.to} (${decision.freeze.timezone}): ${quoteValue(decision.freeze.reason)}`
            : `it is outside every change window (${spec.windows.map(describeWindow).join('; ')})`;
        const at = ctx.now.toISOString();
        if (promotion.emergency !== undefined && spec.emergency.allowed) {
            return [
                {
                    severity: 'notice',
                    message: `Emergency promotion to ${quoteValue(spec.name)} at ${at} although ${closed}; reason: ${quoteValue(promotion.emergency)}.`,
                },
            ];
        }
        return [
            {
                message: `Nothing may be promoted to ${quoteValue(spec.name)} at ${at}: ${closed}.`,
                hint: decision.freeze
                    ? `Promote after ${decision.freeze.to} ${decision.freeze.timezone}` +
                        (spec.emergency.allowed
                            ? ', or give the emergency input a reason (it needs one more approval).'
                            : '.')
                    : 'Promote inside a window' +
                        (spec.emergency.allowed
                            ? ', or give the emergency input a reason (it needs one more approval).'
                            : '.'),
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/checks/promote/index.ts
/**
 * The promote check: may this version go to this environment now? Order,
 * artifact digest, soak, approvals, windows and freezes, canary steps,
 * rollback and one promotion at a time, each a rule; the action then creates
 * the deployment and its evidence record.
 */












/** The promote check. */
const promoteCheck = defineCheck({
    name: 'promote',
    title: 'Promotion',
    action: 'promote',
    command: {
        name: 'promote',
        summary: 'check whether a version may be promoted to an environment now (order, soak, windows, canary)',
        usage: '--environment NAME [VERSION] [--repo OWNER/NAME]',
        positional: 'version',
        example: 'release-policy promote --environment production 1.4.0',
        standalone: true,
    },
    sections: [environmentsSection],
    rules: [
        promoteEnvironment,
        promoteRollback,
        promoteOrder,
        promoteArtifact,
        promoteSoak,
        promoteWindow,
        promoteApprovals,
        promoteCanary,
        promoteExclusive,
    ],
    needs: ['promotion'],
    outputs: [
        {
            name: 'deployment-id',
            description: 'The id of the GitHub Deployment created; empty when none was.',
        },
        {
            name: 'previous-version',
            description: 'The version live in the environment before this promotion; empty when none was.',
        },
        {
            name: 'url',
            description: "The web address of the deployment's environment; empty when none was created.",
        },
        {
            name: 'percent',
            description: 'The canary percent this promotion goes live at (100 for a full one).',
        },
    ],
    summarize(facts, policy) {
        const promotion = facts.promotion;
        if (!promotion)
            return {};
        const spec = plan_findEnvironmentSpec(policy, promotion.environment);
        const live = plan_findLiveDeployment(promotion.deployments, promotion.environment);
        return {
            'previous-version': live?.version,
            percent: spec ? plan_computeCanaryStep(promotion, spec).percent : undefined,
        };
    },
    describe(values) {
        const shown = {};
        if (values['previous-version'] !== undefined)
            shown['previous version'] = String(values['previous-version']);
        if (values.percent !== undefined)
            shown.percent = `${String(values.percent)}%`;
        return shown;
    },
});

;// CONCATENATED MODULE: ../core/src/rules/version-agree.ts

/** The version a valid source declares, without the tag prefix (build metadata kept). */
function declaredBy(s) {
    return s.parsed.ok ? s.parsed.version : undefined;
}
function hintFor(sources) {
    const tag = sources.find((s) => s.source.kind === 'tag');
    const file = tag && sources.find((s) => s.source.kind === 'file' && declaredBy(s) !== declaredBy(tag));
    if (tag && file) {
        return (`The pushed tag ${quoteVersionText(tag.source.value)} does not match ${file.source.label}: ` +
            'set the version in the files first, then tag that commit (delete and re-create a wrong tag).');
    }
    return 'Set the same version everywhere: in every version file, the branch name and the input.';
}
/** Every valid source declares the same version. */
const versionAgree = {
    id: 'version-agree',
    check: 'version',
    description: 'Every place that declares the version (input, version files, branch name, pushed tag) declares the same one.',
    defaultSeverity: 'error',
    applies: (ctx) => (ctx.facts.version?.sources.length ?? 0) > 1,
    evaluate({ facts, policy }) {
        const valid = inspectVersionFacts(facts, policy).sources.filter((s) => s.parsed.ok);
        const versions = [...new Set(valid.map((s) => declaredBy(s)))];
        if (versions.length <= 1)
            return [];
        const first = versions[0];
        const listed = valid.map((s) => `  - ${placeVersionSource(s.source)} declares ${quoteVersionText(declaredBy(s))}`);
        const at = valid.find((s) => s.source.file && declaredBy(s) !== first)?.source ??
            valid.find((s) => s.source.file)?.source;
        const finding = {
            ...(at ? locateVersionSource(at) : {}),
            message: [
                `The version sources disagree: ${versions.length} different versions (${versions.map((v) => quoteVersionText(v)).join(', ')}) are declared. Every source must declare the same version, e.g. "1.4.0" in the files and "${selectReleaseTagPrefix(policy)}1.4.0" as the tag:`,
                ...listed,
            ].join('\n'),
            hint: hintFor(valid),
        };
        return [finding];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/version-bump.ts


/** At most this many commits are named in a message; the finding's data holds them all. */
const MAX_LISTED = 10;
/** Names the first {@link MAX_LISTED} commits, one per line, and says where the rest are. */
function listCommits(reasons) {
    const lines = reasons
        .slice(0, MAX_LISTED)
        .map((r) => `  - ${r.sha.slice(0, 7)} ${quoteVersionText(r.subject, 100)} (${r.breaking ? 'breaking change' : r.type} -> ${r.bump})`);
    if (reasons.length > MAX_LISTED) {
        lines.push(`  - ... and ${reasons.length - MAX_LISTED} more (all ${reasons.length} in the finding's data)`);
    }
    return lines.join('\n');
}
/** Every commit in full (sha, subject, type, bump, breaking), for the finding's data. */
function convertToCommitData(reasons) {
    return {
        kind: 'commits',
        commits: reasons.map(({ sha, subject, type, bump, breaking }) => ({
            sha,
            subject,
            type,
            bump,
            breaking,
        })),
    };
}
/**
 * Notices when the commit list is not the whole range: an empty repository,
 * or a list cut at the gatherer's limit. They say why the implied bump may
 * be incomplete, so they belong to this rule (and follow its override).
 */
function describeIncompleteHistory(history) {
    const fetched = history?.fetchedFrom === undefined
        ? []
        : [
            {
                severity: 'notice',
                message: `The clone was shallow, so its whole history and every tag were fetched from ${JSON.stringify(history.fetchedFrom)} before checking. Check out with fetch-depth: 0 to save the fetch.`,
                docs: 'docs/git.md#shallow-clone',
            },
        ];
    return [...fetched, ...describeCutHistory(history)];
}
/** The notices of an empty repository or a commit list cut at the gatherer's limit. */
function describeCutHistory(history) {
    if (history?.empty) {
        return [
            {
                severity: 'notice',
                message: 'The repository has no commits yet, so there are no commits to check.',
            },
        ];
    }
    if (history?.limit === undefined)
        return [];
    const since = history.since === undefined
        ? 'in the history (no previous release tag)'
        : `since ${JSON.stringify(history.since)}`;
    return [
        {
            severity: 'notice',
            message: `Only the newest ${history.limit} commits ${since} were read; older ones were not checked. Tag a release to start a new range.`,
        },
    ];
}
/**
 * The declared bump is at least what the Conventional Commits since the
 * previous release imply. On a release line the bump is capped at the line's
 * step (a warning says when the commits imply more), except for the line's
 * first release, which takes the mainline's bump: the step to the line's
 * first version (17.0.0 after 16.2.9 may be major).
 */
const versionBump = {
    id: 'version-bump',
    check: 'version',
    description: 'The step from the previous release to the declared version is at least what the commits since then imply (breaking -> major, feat -> minor, fix -> patch).',
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.version?.commits !== undefined || ctx.facts.version?.history?.empty === true,
    evaluate({ facts, policy }) {
        const findings = describeIncompleteHistory(facts.version?.history);
        const commits = facts.version?.commits;
        if (!commits)
            return findings;
        if (facts.version?.shallow) {
            findings.push({
                severity: 'warning',
                message: 'The history is shallow, so tags and commits since the previous release may be missing and the implied bump may be too low. ' +
                    'Fetch the full history before checking, e.g. actions/checkout with fetch-depth: 0.',
                hint: 'Set fetch-depth: 0 on actions/checkout.',
            });
        }
        const { declared, previous, branch, pending } = inspectVersionFacts(facts, policy);
        if (!declared || !pending || !previous || compareVersions(declared.version, previous) <= 0) {
            return findings;
        }
        const implied = computeImpliedBump(commits, policy);
        // The first release of a line (X.Y.0 cut from X.Y.x, also after X.Y.0-rc tags) is the
        // mainline's next version: it takes the step to the line's first version (17.0.0 after
        // 16.2.9 is a major one), not the line's patch cap.
        const floor = branch?.line ? computeLineFloor(branch.line) : undefined;
        const firstOfLine = floor !== undefined && compareVersions(previous, floor) < 0;
        const cap = firstOfLine
            ? maxBump(diffVersionCores(previous, floor), 'patch')
            : capBumpForLine(branch?.line);
        let needed = implied.bump;
        const where = describeVersionSource(declared.source);
        const one = commits.length === 1;
        const since = `the ${commits.length} commit${one ? '' : 's'} since ${quoteVersionText(previous.tag)}`;
        const imply = one ? 'implies' : 'imply';
        if (compareBumps(needed, cap) > 0 && branch?.line) {
            findings.push({
                severity: 'warning',
                ...locateVersionSource(declared.source),
                message: `T${since.slice(1)} ${imply} a ${needed} release, but branch ${quoteVersionText(branch.name)} ` +
                    `releases ${formatVersionLine(branch.line)} versions, ${firstOfLine && floor ? `whose first release ${quoteVersionText(floor.version)} is at most a ${cap} step after ${quoteVersionText(previous.version)}` : `which take at most a ${cap} step`}:\n${listCommits(implied.reasons)}\n` +
                    `Ship these changes from the mainline, or keep the line's releases to ${cap} changes.`,
                hint: 'Release features and breaking changes from the mainline.',
                data: convertToCommitData(implied.reasons),
            });
            needed = cap;
        }
        const step = diffVersionCores(previous, declared.version);
        if (compareBumps(step, needed) >= 0)
            return findings;
        const expected = applyBump(previous, needed);
        // The suggestion is the recommended version: it also clears tags above `expected` (`v2.0.0-rc.1`).
        const next = recommendNextVersion(facts, policy).version;
        const example = next === expected ? '' : `, e.g. ${quoteVersionText(next)}`;
        const above = implied.reasons.filter((r) => compareBumps(r.bump, step) > 0);
        findings.push({
            ...locateVersionSource(declared.source),
            message: `${where} is a ${step} step after ${quoteVersionText(previous.version)}, but ${since} ${imply} a ${needed} release:\n` +
                `${listCommits(above)}\n` +
                `Expected at least ${quoteVersionText(expected)}${example}; commits.types and commits.breaking in the policy say what each commit implies.`,
            hint: `Set the version to ${quoteVersionText(next)}, or fix the commit types if they overstate the change.`,
            data: convertToCommitData(above),
        });
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/version-files.ts
/** TOML tables whose `version` key declares the version, in the order they are preferred. */
const TOML_VERSION_TABLES = ['package', 'project', 'tool.poetry', 'workspace.package'];
/**
 * Explains why a version-file path could leave the repository (absolute, a
 * `..` segment, a NUL character), or returns undefined for a plain relative
 * path. The one check of such paths: the policy loader reports it as a
 * policy problem, and the git adapter refuses to read the file.
 */
function explainVersionFilePath(path) {
    if (path.includes('\0'))
        return 'contains a NUL character';
    if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
        return 'is absolute, so it could read a file outside the repository';
    }
    if (path.split(/[\\/]/).includes('..')) {
        return 'contains "..", so it could read a file outside the repository';
    }
    return undefined;
}
/**
 * Picks the reader for a file name: `*.json` -> json, `*.toml` -> toml,
 * anything else (`VERSION`, `*.txt`) -> text.
 */
function detectVersionFileFormat(path) {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.toml'))
        return 'toml';
    return 'text';
}
/** Returns the 1-based line and column of a UTF-16 offset. */
function positionOf(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i += 1) {
        if (text.charCodeAt(i) === 10) {
            line += 1;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/** Skips a JSON string starting at the opening quote; returns the offset after the closing quote. */
function skipJsonString(text, start) {
    let i = start + 1;
    while (i < text.length) {
        const c = text[i];
        if (c === '\\')
            i += 2;
        else if (c === '"')
            return i + 1;
        else
            i += 1;
    }
    return i;
}
function describeJson(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}
/**
 * Reads the top-level `"version"` of a JSON document. `JSON.parse` validates
 * and decodes; a small scan over the already-valid text finds where the last
 * top-level `"version"` value starts (the one `JSON.parse` keeps).
 */
function readJson(text) {
    const parsed = parseJsonObject(text);
    if (!parsed.ok)
        return parsed.problem;
    return checkJsonVersion(text, parsed.doc, scanTopLevelVersionKeys(text));
}
/** Parses JSON text whose top level must be an object. */
function parseJsonObject(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (error) {
        const detail = `not valid JSON: ${error.message}`;
        return { ok: false, problem: { ok: false, problem: 'unreadable', detail, syntax: true } };
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        const detail = `the document is ${describeJson(doc)}, not an object`;
        return { ok: false, problem: { ok: false, problem: 'no-version', detail } };
    }
    return { ok: true, doc: doc };
}
function scanTopLevelVersionKeys(text) {
    const scan = { keys: [], valueAt: -1 };
    let depth = 0;
    let expectKey = false;
    for (let i = 0; i < text.length;) {
        const c = text[i];
        if (c === '"') {
            const end = skipJsonString(text, i);
            if (depth === 1 && expectKey && JSON.parse(text.slice(i, end)) === 'version') {
                scan.keys.push(i);
                scan.valueAt = skipToJsonValue(text, end);
            }
            expectKey = false;
            i = end;
            continue;
        }
        if (c === '{' || c === '[') {
            depth += 1;
            expectKey = c === '{' && depth === 1;
        }
        else if (c === '}' || c === ']') {
            depth -= 1;
            expectKey = false;
        }
        else if (c === ',') {
            expectKey = depth === 1;
        }
        else if (!/\s/.test(c)) {
            expectKey = false;
        }
        i += 1;
    }
    return scan;
}
/** From the end of a key, skips the `:` and the spaces after it: where the value starts. */
function skipToJsonValue(text, keyEnd) {
    let j = keyEnd;
    while (j < text.length && text[j] !== ':')
        j += 1;
    j += 1;
    while (j < text.length && /\s/.test(text[j]))
        j += 1;
    return j;
}
/** Checks that the object declares exactly one top-level `"version"`, a string. */
function checkJsonVersion(text, doc, { keys, valueAt }) {
    if (!Object.hasOwn(doc, 'version') || valueAt === -1) {
        return {
            ok: false,
            problem: 'no-version',
            detail: 'no top-level "version" field',
            absent: true,
        };
    }
    if (keys.length > 1) {
        const first = positionOf(text, keys[0]);
        return {
            ok: false,
            problem: 'unreadable',
            detail: `the top-level "version" key appears ${keys.length} times (the first at line ${first.line}, column ${first.column}), ` +
                'so which version the file declares is ambiguous (JSON readers differ: most keep the last). ' +
                'Keep exactly one top-level "version" key',
            ...positionOf(text, keys[1]),
        };
    }
    const value = doc.version;
    const pos = positionOf(text, valueAt);
    if (typeof value !== 'string') {
        return {
            ok: false,
            problem: 'no-version',
            detail: `the top-level "version" is ${describeJson(value)}, expected a string like "1.2.3"`,
            ...pos,
        };
    }
    return { ok: true, value, line: pos.line, column: pos.column + 1 };
}
/** Reads a TOML basic (`"..."`) or literal (`'...'`) string at `start`; undefined when it is neither. */
function readTomlString(line, start) {
    const quote = line[start];
    if (quote !== '"' && quote !== "'")
        return undefined;
    if (line.startsWith(quote.repeat(3), start))
        return undefined;
    let i = start + 1;
    while (i < line.length && line[i] !== quote)
        i += quote === '"' && line[i] === '\\' ? 2 : 1;
    if (i >= line.length)
        return undefined;
    const raw = line.slice(start + 1, i);
    if (quote === "'")
        return { value: raw, end: i + 1 };
    try {
        return { value: JSON.parse(`"${raw}"`), end: i + 1 };
    }
    catch {
        return undefined;
    }
}
/** Normalises a TOML key path: `tool . "poetry"` -> `tool.poetry`. */
function normaliseTomlKey(key) {
    return key
        .split('.')
        .map((part) => part.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2'))
        .join('.');
}
/**
 * Reads `version = "..."` under `[package]`, `[project]`, `[tool.poetry]` or
 * `[workspace.package]`, or a root `package.version = "..."` style dotted key.
 * A line-based reader, not a TOML parser: multi-line strings, inline tables
 * and keys split over lines are not understood.
 */
function readToml(text) {
    const lines = text.split('\n');
    let table = '';
    let found;
    for (let n = 0; n < lines.length; n += 1) {
        const line = lines[n].replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        if (trimmed.startsWith('[')) {
            const array = trimmed.startsWith('[[');
            const close = trimmed.indexOf(array ? ']]' : ']');
            if (close === -1) {
                return {
                    ok: false,
                    problem: 'unreadable',
                    detail: `unclosed table header ${JSON.stringify(trimmed)}`,
                    line: n + 1,
                    column: 1,
                    syntax: true,
                };
            }
            table = array
                ? `[[${normaliseTomlKey(trimmed.slice(2, close))}]]`
                : normaliseTomlKey(trimmed.slice(1, close));
            continue;
        }
        const eq = line.indexOf('=');
        if (eq === -1)
            continue;
        const key = normaliseTomlKey(line.slice(0, eq));
        const full = table === '' ? key : `${table}.${key}`;
        const owner = TOML_VERSION_TABLES.find((t) => full === `${t}.version`);
        if (!owner ||
            (found && TOML_VERSION_TABLES.indexOf(found.table) <= TOML_VERSION_TABLES.indexOf(owner))) {
            continue;
        }
        let start = eq + 1;
        while (line[start] === ' ' || line[start] === '\t')
            start += 1;
        const str = readTomlString(line, start);
        const pos = { line: n + 1, column: start + 1 };
        const result = str
            ? { ok: true, value: str.value, line: pos.line, column: pos.column + 1 }
            : {
                ok: false,
                problem: 'no-version',
                detail: `[${owner}] "version" is ${JSON.stringify(line.slice(start).trim())}, expected a one-line string like "1.2.3"`,
                ...pos,
            };
        found = { table: owner, result };
    }
    if (found)
        return found.result;
    return {
        ok: false,
        problem: 'no-version',
        detail: `no "version" key under ${TOML_VERSION_TABLES.map((t) => `[${t}]`).join(', ')}`,
        absent: true,
    };
}
/** The first non-empty line, trimmed; its column is where the text starts. */
function readText(text) {
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n += 1) {
        const line = lines[n].replace(/\r$/, '');
        const value = line.trim();
        if (value === '')
            continue;
        return { ok: true, value, line: n + 1, column: line.indexOf(value) + 1 };
    }
    return { ok: false, problem: 'no-version', detail: 'the file is empty', absent: true };
}
/**
 * Reads the declared version from a file's text. Pure: the caller reads the
 * file. Positions are 1-based and point at the first character of the
 * version text (inside the quotes). A leading byte-order mark is ignored.
 *
 * - json: the top-level `"version"` string.
 * - toml: `version = "..."` under `[package]`, `[project]`, `[tool.poetry]` or
 *   `[workspace.package]` (line-based; see `readToml` for its limits).
 * - text: the first non-empty line, trimmed.
 * - auto: by file name (see `detectVersionFileFormat`).
 *
 * The value is returned as written; whether it is valid SemVer is the
 * `version-format` rule's business.
 */
function readVersionFromText(path, text, format) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const effective = format === 'auto' ? detectVersionFileFormat(path) : format;
    if (effective === 'json')
        return readJson(body);
    if (effective === 'toml')
        return readToml(body);
    return readText(body);
}
/**
 * Turns one policy version file into a source or a problem, so every adapter
 * reports files the same way. `text` is `undefined` when the file does not
 * exist. An optional file that is missing, or that has no version field at
 * all (a private app's or a monorepo root's package.json), yields neither; a
 * version field of the wrong kind, or a file that does not parse, is a
 * problem even when the file is optional.
 */
function collectFileVersionSource(spec, text) {
    if (text === undefined) {
        return spec.optional ? {} : { problem: { file: spec.path, problem: 'missing' } };
    }
    const read = readVersionFromText(spec.path, text, spec.format);
    if (!read.ok) {
        if (read.absent && spec.optional)
            return {};
        const problem = {
            file: spec.path,
            problem: read.problem,
            detail: read.detail,
        };
        if (read.line !== undefined)
            problem.line = read.line;
        if (read.column !== undefined)
            problem.column = read.column;
        if (read.syntax)
            problem.syntax = true;
        return { problem };
    }
    const format = spec.format === 'auto' ? detectVersionFileFormat(spec.path) : spec.format;
    const what = format === 'json' ? ' "version"' : format === 'toml' ? ' version' : '';
    return {
        source: {
            kind: 'file',
            value: read.value,
            file: spec.path,
            line: read.line,
            column: read.column,
            label: `${spec.path}${what}`,
        },
    };
}

;// CONCATENATED MODULE: ../core/src/rules/version-files.ts



const FORMS = 'a JSON file needs a top-level "version": "1.4.0"; a TOML file needs version = "1.4.0" under ' +
    `${TOML_VERSION_TABLES.map((t) => `[${t}]`).join(', ')}; a text file (VERSION) holds the version on its first non-empty line`;
function describe(p) {
    const file = quoteVersionText(p.file, 120);
    const detail = p.detail ? `: ${p.detail}` : '';
    const at = { message: '', file: p.file };
    if (p.line !== undefined)
        at.line = p.line;
    if (p.column !== undefined)
        at.column = p.column;
    if (p.problem === 'missing') {
        return {
            ...at,
            message: `The version file ${file} listed in versioning.files does not exist. ` +
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
const versionFiles = {
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

;// CONCATENATED MODULE: ../core/src/rules/version-format.ts

function expectedForm(kind, prefix) {
    if (kind === 'tag')
        return `Release tags are the tag prefix "${prefix}" followed by the version, e.g. "${prefix}1.4.0".`;
    if (kind === 'input')
        return `The version input may carry the tag prefix "${prefix}" or not, e.g. "1.4.0".`;
    const where = kind === 'file' ? 'Version files' : 'Branch names';
    return `${where} hold the bare version without the tag prefix, e.g. "1.4.0".`;
}
function version_format_hintFor(source, policy) {
    const prefix = selectReleaseTagPrefix(policy);
    if (source.kind === 'tag')
        return `Tag the release as "${prefix}1.4.0" (versioning.tag-prefix is "${prefix}").`;
    if (source.kind === 'file')
        return `Write the version as "1.4.0" in ${source.file ?? 'the file'}.`;
    return 'Write the version as MAJOR.MINOR.PATCH, e.g. "1.4.0".';
}
/** Renders `versioning.prerelease` with `identifier` added, as the policy line that allows it. */
function formatAllowingLine(allowed, identifier) {
    return `prerelease: [${[...allowed, identifier].join(', ')}]`;
}
function checkPrerelease(source, version, facts, policy) {
    const first = version.prerelease[0];
    if (first === undefined)
        return undefined;
    const allowed = policy.versioning.prerelease;
    if (typeof first === 'string' && allowed.includes(first))
        return undefined;
    const core = `${version.major}.${version.minor}.${version.patch}`;
    const list = allowed.length === 0
        ? 'none (versioning.prerelease is empty)'
        : allowed.map((a) => `"${a}"`).join(', ');
    // The example sorts above every tag of the version (`rc.1` after a tagged `next.4`), else
    // of the recommended one; the recommended release itself when no pre-release fits.
    const { releases } = inspectVersionFacts(facts, policy);
    const example = allowed.length === 0
        ? core
        : (suggestAllowedPrerelease(version, allowed, releases) ??
            suggestAllowedPrerelease(recommendNextVersion(facts, policy), allowed, releases) ??
            recommendNextVersion(facts, policy).version);
    // A numeric first identifier (`1.0.0-1`) cannot be allowed by name.
    const allowing = typeof first === 'string'
        ? ` To allow ${quoteVersionText(first, 40)}, write ${formatAllowingLine(allowed, first)} under versioning in the policy.`
        : '';
    return {
        ...locateVersionSource(source),
        message: `${describeVersionSource(source)} uses the pre-release identifier ${quoteVersionText(String(first), 40)}, ` +
            `which the policy does not allow. Allowed first identifiers: ${list}. Expected e.g. ${quoteVersionText(example)}.${allowing}`,
        hint: typeof first === 'string'
            ? `Use an allowed identifier, or write ${formatAllowingLine(allowed, first)} under versioning in the policy.`
            : 'Use an allowed identifier, or add it to versioning.prerelease in the policy.',
    };
}
/** Every declared version is strict SemVer, in the form its source calls for. */
const versionFormat = {
    id: 'version-format',
    check: 'version',
    description: 'Every declared version is strict SemVer (no "v" in files, no leading zeros, three numbers), tags carry the tag prefix, pre-release identifiers are allowed ones.',
    defaultSeverity: 'error',
    applies: (ctx) => (ctx.facts.version?.sources.length ?? 0) > 0,
    evaluate({ facts, policy }) {
        const findings = [];
        for (const { source, parsed } of inspectVersionFacts(facts, policy).sources) {
            if (!parsed.ok) {
                findings.push({
                    ...locateVersionSource(source),
                    message: `${placeVersionSource(source)}: ${parsed.problem.replace(/ See \S+$/, '')} ${expectedForm(source.kind, selectReleaseTagPrefix(policy))}`,
                    hint: version_format_hintFor(source, policy),
                });
                continue;
            }
            const pre = checkPrerelease(source, parsed, facts, policy);
            if (pre)
                findings.push(pre);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/version-increment.ts


/** Why the run releases the declared version (see `VersionInspection.releasing`). */
function explainReleasing(facts, inspection) {
    const pushed = facts.version?.pushedTag;
    if (pushed !== undefined)
        return `the tag ${quoteVersionText(pushed)} is being pushed to release it`;
    if (inspection.declared?.source.kind === 'input')
        return 'the version input asks to release it';
    const branch = inspection.branch;
    const name = quoteBranchName(branch?.name ?? '');
    if (branch?.version !== undefined)
        return `branch ${name} releases exactly this version`;
    if (branch?.line)
        return `branch ${name} releases ${formatVersionLine(branch.line)} versions`;
    const latest = inspection.lineReleases[0];
    const base = quoteBranchName(facts.branch?.base ?? '');
    return latest
        ? `the pull request into ${base} changes the version from the latest release ${quoteVersionText(latest.tag)}`
        : `the pull request into ${base} releases it`;
}
/**
 * The notice for a branch that releases (a maintenance line, a hotfix branch)
 * whose version is its line's latest release: nothing to release yet, which is
 * fine between releases (a backport push), so it is said, not failed.
 */
function describeNoPendingRelease(facts, policy, inspection) {
    const { declared, tagged, branch, line, lineReleases, pending } = inspection;
    const latest = lineReleases[0];
    if (pending || !declared || !tagged || !latest || compareVersions(latest, tagged) !== 0)
        return [];
    if (branch?.line === undefined && branch?.version === undefined)
        return [];
    const scope = line ? `the ${formatVersionLine(line)} line` : 'the repository';
    const next = quoteVersionText(recommendNextVersion(facts, policy).version);
    return [
        {
            severity: 'notice',
            ...locateVersionSource(declared.source),
            message: `${describeVersionSource(declared.source)} is the latest release on ${scope} (tag ${quoteVersionText(tagged.tag)}), ` +
                `so no release is pending on branch ${quoteBranchName(branch.name)}. ` +
                `To release from it, set the next version, e.g. ${next}, and tag it.`,
        },
    ];
}
/**
 * The declared version is new and above the latest release on its line. A
 * version that is already tagged is an error only on a run that releases it
 * (see `VersionInspection.releasing`); elsewhere it means no release is
 * pending, which a notice says on a branch that releases.
 */
const versionIncrement = {
    id: 'version-increment',
    check: 'version',
    description: 'A version being released (tag push, version input, a release, maintenance or hotfix branch or a pull request whose version is not the latest release on its line) is not tagged yet; any declared version that is not tagged is greater than the latest release tag on its line (a pushed tag is compared with the releases before it in history).',
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.version !== undefined,
    evaluate({ facts, policy }) {
        const inspection = inspectVersionFacts(facts, policy);
        const { declared, tagged, lineReleases, line, pending } = inspection;
        if (!declared || !pending)
            return describeNoPendingRelease(facts, policy, inspection);
        const version = declared.version;
        const where = describeVersionSource(declared.source);
        const at = locateVersionSource(declared.source);
        const next = () => quoteVersionText(recommendNextVersion(facts, policy).version);
        if (tagged) {
            return [
                {
                    ...at,
                    message: `${where} is already released: the tag ${quoteVersionText(tagged.tag)} exists. ` +
                        `Every release needs a version that was never tagged, and ${explainReleasing(facts, inspection)}; ` +
                        `the next one would be ${next()}.`,
                    hint: `Bump the version, e.g. to ${next()}.`,
                },
            ];
        }
        const latest = lineReleases[0];
        if (!latest || compareVersions(version, latest) > 0)
            return [];
        // A pre-release behind an earlier pre-release of the same version is version-prerelease's finding.
        if (isPrerelease(version) && isPrerelease(latest) && isSameCore(version, latest))
            return [];
        const scope = line ? `on the ${formatVersionLine(line)} line` : 'in the repository';
        return [
            {
                ...at,
                message: `${where} is not greater than ${quoteVersionText(latest.tag)}, the latest release ${scope}. ` +
                    `Versions only go up (by SemVer precedence); expected a version above ${quoteVersionText(latest.version)}, e.g. ${next()}.`,
                hint: `Set the version to ${next()} or higher.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/rules/version-line.ts


/** The declared version is on the branch's release line, or exactly the branch's version. */
const versionLine = {
    id: 'version-line',
    check: 'version',
    description: "The declared version is on the branch's release line (release/1.4 -> 1.4.x, 1.x -> 1.y.z) and equals the version a hotfix branch names (hotfix/1.4.3 -> 1.4.3).",
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.version !== undefined && ctx.facts.branch !== undefined,
    evaluate({ facts, policy }) {
        const { sources, branch } = inspectVersionFacts(facts, policy);
        if (!branch?.line)
            return [];
        const line = branch.line;
        const named = branch.version === undefined
            ? undefined
            : parseStrictVersion(branch.version, { allowBuild: true });
        const findings = [];
        let example;
        for (const { source, parsed } of sources) {
            if (!parsed.ok || source.kind === 'branch')
                continue;
            const where = describeVersionSource(source);
            const name = quoteBranchName(branch.name);
            if (named?.ok) {
                if (compareVersions(parsed, named) === 0)
                    continue;
                findings.push({
                    ...locateVersionSource(source),
                    message: `${where} does not match branch ${name}, which names the version ${quoteVersionText(named.version)}: ` +
                        `a ${branch.kind ?? 'versioned'} branch releases exactly the version in its name. Expected ${quoteVersionText(named.version)}.`,
                    hint: `Set the version to ${quoteVersionText(named.version)}, or rename the branch after the version you release.`,
                });
                continue;
            }
            if (version_next_isVersionOnLine(parsed, line))
                continue;
            example ??= recommendNextVersion(facts, policy).version;
            findings.push({
                ...locateVersionSource(source),
                message: `${where} is not on the release line of branch ${name}: ${branch.kind ?? 'this'} branch releases ` +
                    `${formatVersionLine(line)} versions only. Expected a ${formatVersionLine(line)} version, e.g. ${JSON.stringify(example)}.`,
                hint: `Release ${quoteVersionText(parsed.version)} from the mainline or its own line, or set a ${formatVersionLine(line)} version here.`,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/version-prerelease.ts

/** Why `newer` sorts after the declared version. */
function explainOrder(newer, declared) {
    return (`By SemVer precedence ${quoteVersionText(formatPrecedenceVersion(newer))} comes after ${quoteVersionText(declared)}: ` +
        'identifiers are compared left to right, numbers as numbers (rc.10 > rc.2) and text by ASCII order (beta < rc).');
}
/** A pre-release comes after earlier pre-releases of its version, and before the release itself. */
const versionPrerelease = {
    id: 'version-prerelease',
    check: 'version',
    description: 'A pre-release sorts after every earlier pre-release of the same version (by SemVer precedence, rc.10 > rc.2) and its version is not released yet (a tagged pre-release on a run that does not release it is not checked).',
    defaultSeverity: 'error',
    applies: (ctx) => ctx.facts.version !== undefined,
    evaluate({ facts, policy }) {
        const { declared, releases, pending } = inspectVersionFacts(facts, policy);
        if (!declared || !pending || !isPrerelease(declared.version))
            return [];
        const version = declared.version;
        const core = `${version.major}.${version.minor}.${version.patch}`;
        const where = describeVersionSource(declared.source);
        const at = locateVersionSource(declared.source);
        const sameCore = releases.filter((r) => isSameCore(r, version));
        const findings = [];
        const released = sameCore.find((r) => !isPrerelease(r));
        if (released) {
            const next = suggestPrereleaseOf(recommendNextVersion(facts, policy), version.prerelease, releases);
            findings.push({
                ...at,
                message: `${where} is a pre-release of ${quoteVersionText(core)}, which is already released as ${quoteVersionText(released.tag)}. ` +
                    `Pre-releases come before their release; a pre-release now must be of a later version, e.g. ${quoteVersionText(next)}.`,
                hint: `Pre-release a later version, e.g. ${quoteVersionText(next)}.`,
            });
            return findings;
        }
        const newer = sameCore.filter((r) => compareVersions(r, version) > 0);
        const newest = newer[0];
        if (newest) {
            findings.push({
                ...at,
                message: `${where} sorts before the pre-release ${quoteVersionText(newest.tag)} that is already tagged` +
                    `${newer.length > 1 ? ` (and ${newer.length - 1} more of ${quoteVersionText(core)})` : ''}. ` +
                    `${explainOrder(newest, formatPrecedenceVersion(version))} ` +
                    `Expected a pre-release after ${quoteVersionText(formatPrecedenceVersion(newest))}, e.g. ${quoteVersionText(bumpPrerelease(newest))}.`,
                hint: 'Count pre-releases with a separate numeric identifier (rc.1, rc.2, ... rc.10) and always go up.',
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ../core/src/rules/version-tag-prefix.ts


/** The prefixes a release tag commonly has; a SemVer tag with one the policy lacks is skipped. */
const COMMON_PREFIXES = ['v', ''];
/** The common prefix `tag` has before a SemVer version, when it is not a release tag of the policy. */
function findSkippedPrefix(tag, policy) {
    if (parseReleaseTag(tag, policy))
        return undefined;
    return COMMON_PREFIXES.find((prefix) => tag.startsWith(prefix) &&
        parseStrictVersion(tag, { allowPrefix: prefix, requirePrefix: true, allowBuild: true }).ok);
}
/** Renders a prefix as a YAML flow-sequence item: `v`, `''`, `"release/"`. */
function formatPrefixYaml(prefix) {
    if (prefix === '')
        return "''";
    return /^[A-Za-z0-9._-]+$/.test(prefix) ? prefix : JSON.stringify(prefix);
}
/**
 * SemVer tags that `versioning.tag-prefix` does not read (`3.4.0` with the
 * default `v`) are reported, never ignored in silence: the check would
 * otherwise take a released version for a new one.
 */
const versionTagPrefix = {
    id: 'version-tag-prefix',
    check: 'version',
    description: 'Every tag that is a SemVer version, bare or after "v", is read as a release: versioning.tag-prefix lists its prefix.',
    defaultSeverity: 'warning',
    applies: (ctx) => (ctx.facts.version?.tags.length ?? 0) > 0,
    evaluate({ facts, policy }) {
        const skipped = [];
        for (const tag of facts.version?.tags ?? []) {
            const prefix = findSkippedPrefix(tag, policy);
            if (prefix !== undefined)
                skipped.push({ tag, prefix });
        }
        const first = skipped[0];
        if (!first)
            return [];
        const prefixes = [...policy.versioning.tagPrefix];
        for (const { prefix } of skipped)
            if (!prefixes.includes(prefix))
                prefixes.push(prefix);
        const line = `tag-prefix: [${prefixes.map(formatPrefixYaml).join(', ')}]`;
        const current = policy.versioning.tagPrefix.map((p) => JSON.stringify(p)).join(', ');
        const one = skipped.length === 1;
        return [
            {
                message: `${plural(skipped.length, 'tag')} ${one ? 'looks' : 'look'} like ${one ? 'a release' : 'releases'} but ${one ? 'is' : 'are'} not read as ${one ? 'one' : 'such'}, ` +
                    `e.g. ${quoteVersionText(first.tag)}: versioning.tag-prefix is ${current}, so versions released under ${one ? 'it' : 'them'} count as unreleased. ` +
                    `To read them, list their prefix too (new releases keep the first prefix): ${line} under versioning in the policy.`,
                hint: `Write ${line} under versioning in the policy.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ../core/src/checks/version/index.ts
/**
 * The version check: the declared version is strict SemVer, the same in
 * every source, on the branch's release line, above the latest release, and
 * bumped at least as much as the Conventional Commits since then imply.
 */











/** The version check. */
const versionCheck = defineCheck({
    name: 'version',
    title: 'Version',
    action: 'version',
    command: {
        name: 'version',
        summary: 'check the declared version against tags, branch line and commits',
        usage: '[VERSION] [--branch NAME]',
        positional: 'version',
        example: 'release-policy version 1.4.0',
    },
    sections: [versioningSection, commitsSection],
    rules: [
        versionFiles,
        versionFormat,
        versionTagPrefix,
        versionAgree,
        versionLine,
        versionIncrement,
        versionPrerelease,
        versionBump,
    ],
    needs: ['branch', 'version'],
    outputs: [
        {
            name: 'version',
            description: 'The declared version, without the tag prefix; empty when none was declared.',
        },
        {
            name: 'previous',
            description: 'The previous release on the same line; empty when there is none.',
        },
        {
            name: 'bump',
            description: 'The step from the previous release to the declared version: major, minor, patch, prerelease, none (not above the previous release, or already tagged), or unknown (no valid version declared).',
        },
        {
            name: 'recommended',
            description: 'The version the commits since the previous release call for.',
        },
        {
            name: 'prerelease',
            description: "'true' when the declared version is a pre-release, else 'false'.",
        },
        {
            name: 'tag',
            description: 'The tag the release will have, prefix included (e.g. v1.4.0); empty without a version.',
        },
    ],
    summarize(facts, policy) {
        if (!facts.version)
            return {};
        const analysis = analyzeVersion(facts, policy);
        return {
            version: analysis.version,
            previous: analysis.previous,
            bump: analysis.bump,
            recommended: analysis.recommended,
            prerelease: analysis.prerelease,
            tag: analysis.tag,
        };
    },
    describe(values) {
        if (values.recommended === undefined)
            return {};
        return {
            version: values.version === undefined ? '(none declared)' : String(values.version),
            previous: values.previous === undefined ? '(no release yet)' : String(values.previous),
            bump: String(values.bump),
            recommended: String(values.recommended),
            ...(values.tag !== undefined ? { tag: String(values.tag) } : {}),
        };
    },
});

;// CONCATENATED MODULE: ../core/src/checks/registry.ts
/**
 * Every check, in the order `check` runs them. Adding a check is one folder
 * beside this file and one line here: the CLI command, `check`'s list, the
 * JSON output, the action outputs, the policy sections and the docs tables
 * follow from the definitions.
 */







/** Every check. */
const CHECKS = [
    branchCheck,
    versionCheck,
    docsCheck,
    patchesCheck,
    changelogCheck,
    promoteCheck,
    auditCheck,
];
/** True when `name` is the name of a check. */
function isCheckName(name) {
    return CHECKS.some((check) => check.name === name);
}
/** The definitions of the named checks, in registry order. */
function selectChecks(names) {
    return CHECKS.filter((check) => names.includes(check.name));
}

;// CONCATENATED MODULE: ../core/src/rules/registry.ts

/** Every rule of every check, in the order findings are produced (the checks' own order). */
const RULES = CHECKS.flatMap((check) => check.rules);

;// CONCATENATED MODULE: ../core/src/config/semantic.ts
/**
 * Checks that need more than the schema: non-empty branch kinds, merge
 * targets that exist, patterns that compile, known rule ids, a SemVer
 * initial version, version files inside the repository. They read the plain value defensively, so they run even
 * when the schema found other problems, and every problem is collected.
 */









const MAX_PATTERN_LENGTH = 200;
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Runs every semantic check on the plain policy value. */
function checkPolicySemantics(ctx) {
    const issues = [];
    const add = (path, target, message, anchor) => issues.push({
        file: ctx.file,
        ...ctx.source.locate(path, target),
        path: formatPath(path),
        message: `${message} ${seeDocs(anchor ?? anchorFor(path))}`,
    });
    checkBranches(ctx.value, add);
    checkRules(ctx.value, add);
    checkInitialVersion(ctx.value, add);
    checkVersionFilePaths(ctx.value, add);
    checkPatchKinds(ctx.value, add);
    return issues;
}
function checkBranches(value, add) {
    const kinds = readAt(value, ['branches', 'kinds']);
    if (!isRecord(kinds))
        return;
    const kindNames = Object.keys(kinds);
    if (kindNames.length === 0) {
        add(['branches', 'kinds'], 'value', 'branches.kinds is empty. With no branch kinds no branch name could be classified, and ' +
            'the policy fails closed rather than letting every branch pass. Define at least one ' +
            'kind, for example: kinds: { feature: { patterns: ["feature/{ticket}-{slug}"], into: [mainline] } }.');
        return;
    }
    const rawKeys = readAt(value, ['branches', 'ticket-keys']);
    const ticketKeys = Array.isArray(rawKeys)
        ? rawKeys.filter((k) => typeof k === 'string' && TICKET_KEY.test(k))
        : [];
    const mainline = readAt(value, ['mainline']);
    const targets = ['mainline', ...kindNames];
    if (kindNames.includes('mainline')) {
        add(['branches', 'kinds', 'mainline'], 'key', 'The kind name "mainline" is reserved: in "into" lists it stands for the mainline ' +
            'branch, so a kind cannot use it. Rename the kind, for example: trunk: { patterns: ["trunk"] }.');
    }
    for (const [kind, spec] of Object.entries(kinds)) {
        const patterns = isRecord(spec) ? spec['patterns'] : undefined;
        if (Array.isArray(patterns)) {
            patterns.forEach((pattern, index) => {
                if (typeof pattern !== 'string' || pattern === '')
                    return; // the schema reports these
                if (pattern.length > MAX_PATTERN_LENGTH)
                    return;
                const path = ['branches', 'kinds', kind, 'patterns', index];
                const problem = explainPattern(pattern, ticketKeys);
                if (problem !== undefined) {
                    add(path, 'value', `${formatPath(path)} ${quoteValue(pattern)} is not a valid pattern: ${problem}`, 'placeholders');
                }
            });
        }
        const into = isRecord(spec) ? spec['into'] : undefined;
        if (!Array.isArray(into))
            continue;
        into.forEach((target, index) => {
            if (typeof target !== 'string' || target === '' || targets.includes(target))
                return;
            const path = ['branches', 'kinds', kind, 'into', index];
            const branchHint = target === (typeof mainline === 'string' ? mainline : 'main')
                ? ` ${quoteValue(target)} is the mainline branch's name; write the keyword mainline instead.`
                : formatDidYouMean(target, targets);
            add(path, 'value', `${formatPath(path)} names the unknown merge target ${quoteValue(target)}.${branchHint} ` +
                `Expected "mainline" or one of the kinds defined here (${listNames(kindNames)}), ` +
                `for example: into: [mainline, ${exampleKind(kindNames, kind)}].`);
        });
    }
}
/** The branch kinds of the default policy, which a file without `branches` keeps. */
const DEFAULT_KIND_NAMES = ['feature', 'fix', 'release', 'maintenance', 'hotfix', 'bot'];
/** `patches.kinds` names branch kinds the policy defines. */
function checkPatchKinds(value, add) {
    const listed = readAt(value, ['patches', 'kinds']);
    if (!Array.isArray(listed))
        return;
    const kinds = readAt(value, ['branches', 'kinds']);
    if (readAt(value, ['branches']) !== undefined && !isRecord(kinds))
        return;
    const kindNames = isRecord(kinds) ? Object.keys(kinds) : DEFAULT_KIND_NAMES;
    listed.forEach((kind, index) => {
        if (typeof kind !== 'string' || kind === '' || kindNames.includes(kind))
            return;
        const path = ['patches', 'kinds', index];
        add(path, 'value', `${formatPath(path)} names the unknown branch kind ${quoteValue(kind)}.${formatDidYouMean(kind, kindNames)} ` +
            `Expected one of the kinds under branches.kinds (${listNames(kindNames)}), ` +
            'for example: kinds: [release, maintenance].');
    });
}
const KIND_NAME = /^[a-z][a-z0-9-]*$/;
/** Lists kind names for a message: plain when well-formed, JSON-quoted otherwise; at most 20. */
function listNames(names) {
    const shown = names
        .slice(0, 20)
        .map((n) => (KIND_NAME.test(n) && n.length <= 40 ? n : quoteValue(n)));
    return names.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}
/** A well-formed kind name other than `self` for an example, else `release`. */
function exampleKind(names, self) {
    return names.find((n) => n !== self && KIND_NAME.test(n) && n.length <= 40) ?? 'release';
}
/** Compiles a pattern; returns the pattern error's explanation, or `undefined` when it compiles. */
function explainPattern(pattern, ticketKeys) {
    try {
        compilePattern(pattern, { ticketKeys });
        return undefined;
    }
    catch (error) {
        if (!(error instanceof PatternError))
            throw error;
        const problems = error.problems.length > 0 ? error.problems.join('; ') : error.message;
        return (`${problems.replace(/\s*See \S+\.?\s*$/, '').replace(/\.$/, '')}. A pattern is literal ` +
            `text plus placeholders, for example "feature/{ticket}-{slug}" or "release/{major}.{minor}".`);
    }
}
function checkRules(value, add) {
    const rules = readAt(value, ['rules']);
    if (!isRecord(rules))
        return;
    const ids = RULES.map((r) => r.id);
    for (const id of Object.keys(rules)) {
        if (ids.includes(id))
            continue;
        add(['rules', id], 'key', `Unknown rule id ${quoteValue(id)} in rules.${formatDidYouMean(id, ids)} ` +
            `Known rule ids: ${ids.join(', ')}. For example: rules: { ${ids[0] ?? 'branch-name'}: warning }.`);
    }
}
/** True for a plain SemVer 2.0 version as written (no `v`, no `=`, no spaces). */
function isStrictSemver(text) {
    const parsed = semver_default().parse(text);
    if (parsed === null)
        return false;
    const build = parsed.build.length > 0 ? `+${parsed.build.join('.')}` : '';
    return `${parsed.version}${build}` === text;
}
function checkInitialVersion(value, add) {
    const initial = readAt(value, ['versioning', 'initial']);
    if (typeof initial !== 'string' || isStrictSemver(initial))
        return;
    const stripped = initial.replace(/^[vV=]+/, '').trim();
    const hint = isStrictSemver(stripped)
        ? ` Write it without the prefix: initial: ${stripped} (the tag prefix is added from versioning.tag-prefix).`
        : '';
    add(['versioning', 'initial'], 'value', `versioning.initial ${quoteValue(initial)} is not a SemVer version.${hint} ` +
        `Expected MAJOR.MINOR.PATCH with an optional pre-release, for example: initial: 0.1.0.`);
}
function checkVersionFilePaths(value, add) {
    const files = readAt(value, ['versioning', 'files']);
    if (!Array.isArray(files))
        return;
    files.forEach((entry, index) => {
        const inMapping = isRecord(entry);
        const path = inMapping ? entry['path'] : entry;
        if (typeof path !== 'string')
            return; // the schema reports these
        const problem = explainVersionFilePath(path);
        if (problem === undefined)
            return;
        const at = inMapping
            ? ['versioning', 'files', index, 'path']
            : ['versioning', 'files', index];
        add(at, 'value', `${formatPath(at)} ${quoteValue(path)} ${problem}. Version files are read from the ` +
            'repository and their contents end up in messages, so a path must be relative to the ' +
            'repository root and stay inside it, for example: files: [package.json, "packages/app/package.json"].');
    });
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
;// CONCATENATED MODULE: ../core/src/config/plain-value.ts
/** The path of the first value that contains itself (an alias inside its own anchor), if any. */
function findCycle(value, path, ancestors = new Set()) {
    if (value === null || typeof value !== 'object')
        return undefined;
    if (ancestors.has(value))
        return path;
    ancestors.add(value);
    const entries = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : Object.entries(value);
    for (const [segment, child] of entries) {
        const found = findCycle(child, [...path, segment], ancestors);
        if (found !== undefined)
            return found;
    }
    ancestors.delete(value);
    return undefined;
}
/** Deletes the own property at `path`, if every step of it is an own property. */
function deleteAt(value, path) {
    let target = value;
    for (const segment of path.slice(0, -1)) {
        // Own properties only: a removed "__proto__" must never lead to Object.prototype.
        if (target === null || typeof target !== 'object' || !Object.hasOwn(target, segment))
            return;
        target = target[segment];
    }
    const last = path.at(-1);
    if (last !== undefined &&
        target !== null &&
        typeof target === 'object' &&
        Object.hasOwn(target, last)) {
        delete target[last];
    }
}

;// CONCATENATED MODULE: ../core/src/config/yaml-messages.ts
/**
 * Messages for YAML-level problems in the policy file: what happened, the
 * text near it, the expected form with an example, and where to read more.
 */



const yamlDocs = seeDocs('yaml');
/** Aliases may expand to at most this many nodes; more is treated as a bomb. */
const MAX_ALIAS_COUNT = 100;
function where(path) {
    return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}
/** Explains a key that appears twice in one mapping. */
function duplicateKeyMessage(key, path, firstLine) {
    return (`Duplicate key ${quoteValue(key)} ${where(path)}: it is already set on line ${firstLine}. ` +
        `Each key may appear once in a mapping; keep one entry and merge the values into it, ` +
        `for example one "kinds:" with every kind under it. ${yamlDocs}`);
}
/** Explains why a merge key (`<<`) is rejected and what to write instead. */
function mergeKeyMessage(path) {
    return (`Merge key "<<" ${where(path)} is not supported: the policy is read as plain YAML 1.2, ` +
        `which has no merge keys. Write the keys out, or reuse a whole value with an anchor and ` +
        `an alias, for example "fix: &work { patterns: [...] }" and later "chore: *work". ${yamlDocs}`);
}
/** Explains a trailing comma in a flow list or mapping. */
function trailingCommaMessage(path, isMapping) {
    const example = isMapping ? '{ feat: minor, fix: patch }' : '[mainline, release]';
    return (`Trailing comma in the flow ${isMapping ? 'mapping' : 'list'} ${where(path)}: nothing ` +
        `follows the last comma. Some YAML readers turn it into an empty item, so the policy ` +
        `rejects it to stay unambiguous. Remove the comma, for example ${example}. ${yamlDocs}`);
}
/** Explains an alias that cannot be expanded: a bomb, or an anchor that is missing. */
function aliasMessage(error, alias) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(reason)) {
        return (`Aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT} after expansion): this is ` +
            `what an alias expansion bomb looks like, so the file is rejected instead of expanded. ` +
            `Write the values out, or alias only small values, for example "into: *targets". ${yamlDocs}`);
    }
    const name = (0,dist/* isAlias */.Vj)(alias) ? `*${alias.source}` : 'an alias';
    return (`The alias ${quoteValue(name)} cannot be resolved (${reason}). An anchor must be defined ` +
        `before its alias, for example "targets: &targets [mainline]" and later "into: *targets". ` +
        `${yamlDocs}`);
}
/**
 * The YAML reader's own message with every quoted piece of the file cut to a
 * few characters: a file that is not a policy (a credential) is not shown.
 */
function cutQuotedText(message) {
    return message.replace(/"([^"]*)"/g, (_quoted, text) => quoteValue(text, 26));
}
/** Explains a YAML syntax error found near the text `near`. */
function explainYamlError(error, near) {
    const context = `near ${quoteValue(near)}`;
    switch (error.code) {
        case 'DUPLICATE_KEY':
            return (`Duplicate key ${context}: each key may appear once in a mapping. Keep one entry and ` +
                `merge the values into it, for example one "kinds:" with every kind under it. ${yamlDocs}`);
        case 'MULTIPLE_DOCS':
            return (`The file holds more than one YAML document (a second "---" line, ${context}). The ` +
                `policy is a single document: remove the extra "---" and keep one set of sections. ${yamlDocs}`);
        case 'TAB_AS_INDENT':
            return (`A tab is used for indentation ${context}; YAML allows only spaces there. Indent with ` +
                `spaces, for example two per level: "branches:" then "  kinds:". ${yamlDocs}`);
        default:
            break;
    }
    if (/unexpected , in flow/i.test(error.message)) {
        return (`Empty item in a flow list ${context}: two commas with nothing between them. Remove the ` +
            `extra comma, for example [mainline, release]. ${yamlDocs}`);
    }
    if (/at node end/i.test(error.message)) {
        return (`Unexpected text after a value ${context}. A value that starts with "{" or "[" is YAML ` +
            `flow syntax, so a pattern like {major}.{minor}.x must be quoted, for example ` +
            `"{major}.{minor}.x". ${yamlDocs}`);
    }
    return (`YAML syntax error ${context}: ${cutQuotedText(error.message)}. Check the indentation (spaces only, a ` +
        `nested key indented under its parent) and that quotes and brackets are closed, for ` +
        `example "mainline: main". ${yamlDocs}`);
}
/** Explains a YAML warning (an unsupported tag, for one). */
function explainYamlWarning(warning, near) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
        return (`Unsupported YAML tag ${quoteValue(near)}: ${warning.message}. The policy uses plain ` +
            `YAML values only; remove the "!tag", for example "mainline: main". ${yamlDocs}`);
    }
    return `YAML problem near ${quoteValue(near)}: ${warning.message}. ${yamlDocs}`;
}
/** Explains an alias that refers to a value containing it. */
function cycleMessage(path) {
    return (`The alias at ${formatPath(path)} refers to a value that contains it, which would make ` +
        `the policy infinitely deep. An alias may only repeat a value defined elsewhere, for ` +
        `example "targets: &targets [mainline]" and later "into: *targets". ${yamlDocs}`);
}
/** Explains a key that names a JavaScript object internal (`__proto__`, `constructor`, `prototype`). */
function prototypeKeyMessage(key, path) {
    return (`The key ${quoteValue(key)} ${where(path)} is not allowed: __proto__, constructor and ` +
        `prototype name JavaScript object internals, so no section, kind, commit type or rule ` +
        `may use them. Rename it, for example "feature" instead of "${key}". ${yamlDocs}`);
}
const LINE_PARTS = /^(\s*(?:-\s+)*(?:[^\s'"{}[\]#,][^:#{}[\],]*:\s+)?(?:-\s+)*)(.*?)\s*(?:\s#.*)?$/;
/** A brace glued to text (`/{`, `}.`, `}-`): a placeholder, never YAML flow syntax. */
const PLACEHOLDER_BRACE = /[^\s[{,:]\{|\}[^\s,\]}]/;
/**
 * Finds, on a line where the YAML parser failed, a value that starts with
 * `[` or `{` and holds placeholder braces (`[feature/{ticket}-{slug}]`,
 * `{major}.{minor}.x`): the cause of every error that follows on the line
 * and after it. Quoted parts are left out of the search.
 */
function findUnquotedBraceValue(line) {
    const match = LINE_PARTS.exec(line);
    const prefix = match?.[1] ?? '';
    const value = match?.[2] ?? '';
    if (!(value.startsWith('[') || value.startsWith('{')))
        return undefined;
    const unquoted = value.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
    if (!PLACEHOLDER_BRACE.test(unquoted))
        return undefined;
    return { prefix, value, column: prefix.length + 1 };
}
function quoteSingle(text) {
    return /^['"]/.test(text) ? text : `'${text.replaceAll("'", "''")}'`;
}
/** The value written as YAML strings: each item of a flow list quoted, or the whole value. */
function quoteBraceValue(value) {
    if (value.startsWith('[') && value.endsWith(']')) {
        const items = value
            .slice(1, -1)
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== '');
        return `[${items.map(quoteSingle).join(', ')}]`;
    }
    return quoteSingle(value);
}
/** Explains a value misread as flow syntax because its placeholder braces are not quoted. */
function unquotedBraceMessage({ prefix, value }) {
    const fixed = `${prefix.trim()} ${quoteBraceValue(value)}`.trim();
    return (`The value ${quoteValue(value)} is not quoted, so YAML reads its "{" and "[" as flow ` +
        `syntax (a mapping or a list) and cannot read the rest of the file. A pattern with ` +
        `placeholders must be quoted: write ${fixed}. ${yamlDocs}`);
}

;// CONCATENATED MODULE: ../core/src/config/yaml-source.ts
/**
 * Reads the policy YAML keeping positions: syntax errors, duplicate keys,
 * merge keys, trailing commas and alias bombs become positioned issues, and
 * any later issue can be located by its key path.
 */






/** The most characters of a file that failed to parse a message quotes (see `tokenText`). */
const MAX_TOKEN_LENGTH = 24;
/** Keys that name JavaScript object internals: rejected anywhere in the policy. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Reads policy text as one YAML 1.2 document and reports every YAML-level
 * problem with its position. Never throws. The steps: parse the document,
 * report the parser's errors and warnings, check every mapping's keys, then
 * convert the document to a plain value.
 */
function readPolicySource(text, file) {
    const characterProblems = checkPolicyCharacters(text);
    if (characterProblems.length > 0)
        return reportTextProblems(text, file, characterProblems);
    const lineCounter = new dist/* LineCounter */.HN();
    // Lexed once: the depth check and the composer read the same tokens.
    const tokens = [...new dist/* Parser */.iX(lineCounter.addNewLine).parse(text)];
    const deep = checkNestingDepth(tokens);
    if (deep !== undefined)
        return reportTextProblems(text, file, [deep]);
    const doc = composeFirstDocument(tokens, text.length);
    const log = createIssueLog(text, file, lineCounter);
    const parsed = reportParserProblems(doc, log);
    if (parsed === 'cascade') {
        return { value: null, usable: false, issues: log.issues, ...createLocator(doc, text, log) };
    }
    const scan = checkMappingKeys(doc, log);
    reportUncomparedDuplicates(doc, scan.duplicates, log);
    const converted = parsed === 'usable'
        ? convertToPlainValue(doc, scan.removedKeys, log)
        : { value: null, usable: false };
    return {
        value: converted.value,
        usable: converted.usable,
        issues: log.issues,
        ...createLocator(doc, text, log),
    };
}
/**
 * The first YAML document of the tokens, as `parseDocument` composes it: a
 * second document is an error (`MULTIPLE_DOCS`), not read. Composed only
 * after {@link checkNestingDepth} passed, as composing recurses per level.
 */
function composeFirstDocument(tokens, length) {
    const composer = new dist/* Composer */.Dk({ prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
    let first;
    // With forceDoc, compose yields at least one document, also for an empty text.
    for (const doc of composer.compose(tokens, true, length)) {
        if (first === undefined) {
            first = doc;
            continue;
        }
        first.errors.push(new dist/* YAMLParseError */.XT([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
    }
    return first ?? (0,dist/* parseDocument */.Tp)('');
}
/**
 * A source that reports only the text's problems (NUL, CR line breaks, too
 * deep a nesting): nothing of it is read as a document. The YAML reading
 * would report them as unrelated syntax errors, accept them, or overflow the
 * stack.
 */
function reportTextProblems(text, file, problems) {
    const empty = (0,dist/* parseDocument */.Tp)('');
    // Positions are counted over the text itself, which is not parsed.
    const lineCounter = new dist/* LineCounter */.HN();
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        lineCounter.addNewLine(i + 1);
    }
    const log = createIssueLog(text, file, lineCounter);
    for (const problem of problems)
        log.add(problem.offset, [], problem.message);
    return { value: null, usable: false, issues: log.issues, ...createLocator(empty, text, log) };
}
function createIssueLog(text, file, lineCounter) {
    const issues = [];
    const positionAt = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    return {
        issues,
        positionAt,
        add(offset, path, message) {
            issues.push({ file, ...positionAt(offset), path: formatPath(path), message });
        },
        tokenText(offset) {
            const rest = text.slice(offset, offset + MAX_TOKEN_LENGTH + 1).replace(/^[ \t]+/, '');
            const token = /^[^\s,[\]{}#]+/.exec(rest)?.[0] ?? rest.charAt(0);
            return token.length > MAX_TOKEN_LENGTH ? `${token.slice(0, MAX_TOKEN_LENGTH)}…` : token;
        },
        lineAt(offset) {
            return lineAt(text, offset);
        },
    };
}
/**
 * Reports the parser's errors (but duplicate keys, which {@link checkMappingKeys}
 * reports with both positions) and warnings: `broken` when an error leaves
 * the document unusable. When the first error comes from an unquoted value
 * with placeholder braces (`[feature/{ticket}-{slug}]`), only that cause is
 * reported, with its fix: the errors after it follow from it (`cascade`).
 */
function reportParserProblems(doc, log) {
    const first = doc.errors
        .filter((error) => error.code !== 'DUPLICATE_KEY')
        .reduce((a, b) => (a === undefined || b.pos[0] < a.pos[0] ? b : a), undefined);
    if (first !== undefined) {
        const line = log.lineAt(first.pos[0]);
        const brace = findUnquotedBraceValue(line.text);
        if (brace !== undefined) {
            log.add(line.start + brace.column - 1, [], unquotedBraceMessage(brace));
            return 'cascade';
        }
    }
    let usable = true;
    for (const error of doc.errors) {
        if (error.code === 'DUPLICATE_KEY')
            continue; // reported with both positions
        usable = false;
        log.add(error.pos[0], [], explainYamlError(error, log.tokenText(error.pos[0])));
    }
    for (const warning of doc.warnings) {
        log.add(warning.pos[0], [], explainYamlWarning(warning, log.tokenText(warning.pos[0])));
    }
    return usable ? 'usable' : 'broken';
}
function lineAt(text, offset) {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const end = text.indexOf('\n', offset);
    return { start, text: text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '') };
}
/** Reports merge keys, duplicate keys and trailing commas in every collection. */
function checkMappingKeys(doc, log) {
    const scan = { removedKeys: [], duplicates: new Set() };
    walkNodes(doc.contents, [], (node, path) => {
        if ((0,dist/* isMap */.jh)(node)) {
            const seen = new Map();
            for (const pair of node.items) {
                const key = keyString(pair.key);
                const offset = offsetOf(pair.key) ?? offsetOf(node) ?? 0;
                if (key === '<<' && (0,dist/* isScalar */.jn)(pair.key) && !isQuoted(pair.key)) {
                    scan.removedKeys.push([...path, key]);
                    log.add(offset, [...path, key], mergeKeyMessage(path));
                    continue;
                }
                if (PROTOTYPE_KEYS.has(key)) {
                    // Removed from the plain value so that no later step indexes an object by it.
                    scan.removedKeys.push([...path, key]);
                    log.add(offset, [...path, key], prototypeKeyMessage(key, path));
                    continue;
                }
                const first = seen.get(key);
                if (first !== undefined) {
                    scan.duplicates.add(offset);
                    log.add(offset, [...path, key], duplicateKeyMessage(key, path, log.positionAt(first).line));
                }
                else {
                    seen.set(key, offset);
                }
            }
        }
        const trailing = trailingCommaOffset(node);
        if (trailing !== undefined)
            log.add(trailing, path, trailingCommaMessage(path, (0,dist/* isMap */.jh)(node)));
    });
    return scan;
}
/** Keys the mapping walk cannot compare (complex keys): reported as YAML saw them. */
function reportUncomparedDuplicates(doc, duplicates, log) {
    for (const error of doc.errors) {
        if (error.code === 'DUPLICATE_KEY' && !duplicates.has(error.pos[0])) {
            log.add(error.pos[0], [], explainYamlError(error, log.tokenText(error.pos[0])));
        }
    }
}
/**
 * Converts a usable document to its plain value without its merge keys;
 * reports a value that contains itself, or aliases that expand too far, and
 * then marks the source unusable.
 */
function convertToPlainValue(doc, removedKeys, log) {
    if (doc.contents === null)
        return { value: null, usable: true };
    try {
        const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        for (const path of removedKeys)
            deleteAt(value, path);
        const cycle = findCycle(value, []);
        if (cycle === undefined)
            return { value, usable: true };
        const last = walkPath(doc, cycle).at(-1);
        log.add(offsetOf(last?.node) ?? offsetOf(last?.keyNode) ?? 0, cycle, cycleMessage(cycle));
        return { value, usable: false };
    }
    catch (error) {
        const firstAlias = findFirstAlias(doc);
        log.add(offsetOf(firstAlias) ?? 0, [], aliasMessage(error, firstAlias));
        return { value: undefined, usable: false };
    }
}
/** Finds where a path stands in the text, and the text of its value. */
function createLocator(doc, text, log) {
    return {
        locate(path, target = 'value') {
            const steps = walkPath(doc, path, target);
            for (let i = steps.length - 1; i >= 0; i -= 1) {
                const step = steps[i];
                const exact = i === steps.length - 1 && steps.length === path.length + 1;
                const preferKey = (exact && target === 'key') || !exact;
                const valueOffset = isEmptyNode(step.node) ? undefined : offsetOf(step.node);
                const offset = preferKey
                    ? (offsetOf(step.keyNode) ?? valueOffset)
                    : (valueOffset ?? offsetOf(step.keyNode) ?? offsetOf(step.node));
                if (offset !== undefined)
                    return log.positionAt(offset);
            }
            return { line: 1, column: 1 };
        },
        sourceOf(path) {
            const steps = walkPath(doc, path);
            if (steps.length !== path.length + 1)
                return undefined;
            const range = steps.at(-1)?.node?.range;
            return range ? text.slice(range[0], range[1]) : undefined;
        },
    };
}
/** The string a mapping key becomes in the plain value (as the YAML library converts it). */
function keyString(key) {
    if ((0,dist/* isScalar */.jn)(key))
        return key.value === null ? '' : String(key.value);
    return String(key);
}
function isQuoted(node) {
    return (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}
/** An empty value (`key:` with nothing after it) has no text of its own to point at. */
function isEmptyNode(node) {
    const range = node?.range;
    return !range || range[0] === range[1];
}
function offsetOf(node) {
    const range = node?.range;
    return range ? range[0] : undefined;
}
/** Visits every collection node once (aliases are not followed), with its path. */
function walkNodes(node, path, visit) {
    if ((0,dist/* isMap */.jh)(node)) {
        visit(node, path);
        for (const pair of node.items)
            walkNodes(pair.value, [...path, keyString(pair.key)], visit);
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        visit(node, path);
        node.items.forEach((item, index) => walkNodes(item, [...path, index], visit));
    }
}
/** Follows `path` from the document root; returns every node reached, root first. */
function walkPath(doc, path, target = 'value') {
    const steps = [{ node: doc.contents }];
    let node = doc.contents;
    for (const [index, segment] of path.entries()) {
        if ((0,dist/* isAlias */.Vj)(node))
            node = node.resolve(doc);
        if ((0,dist/* isMap */.jh)(node)) {
            // A key is reported at its first occurrence; a value is the last one (it is what counts).
            const matches = (p) => keyString(p.key) === String(segment);
            const pair = target === 'key' && index === path.length - 1
                ? node.items.find(matches)
                : node.items.findLast(matches);
            if (!pair)
                break;
            steps.push({ node: pair.value, keyNode: pair.key });
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (item === undefined)
                break;
            steps.push({ node: item });
            node = item;
        }
        else {
            break;
        }
    }
    return steps;
}
/** The offset of a trailing comma in a flow collection (`[a, b, ]`), if there is one. */
function trailingCommaOffset(node) {
    if (!((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) || !node.flow)
        return undefined;
    const token = node.srcToken;
    if (token?.type !== 'flow-collection')
        return undefined;
    const last = token.items.at(-1);
    if (!last || last.key || last.sep || last.value)
        return undefined;
    return last.start.find((t) => t.type === 'comma')?.offset;
}
function findFirstAlias(doc) {
    let found;
    const visit = (node) => {
        if (found !== undefined)
            return;
        if ((0,dist/* isAlias */.Vj)(node))
            found = node;
        else if ((0,dist/* isMap */.jh)(node))
            node.items.forEach((p) => visit(p.value));
        else if ((0,dist/* isSeq */.oP)(node))
            node.items.forEach(visit);
    };
    visit(doc.contents);
    return found;
}

;// CONCATENATED MODULE: ../core/src/config/load.ts











/**
 * How much of a file that is not a policy at all (its top level is no
 * mapping: a credential file, an environment dump) a message quotes.
 */
const MAX_UNPARSED_QUOTE = 24;
/** Where the policy lives in a repository. */
const POLICY_PATH = '.github/release-policy.yml';
function sortIssues(issues) {
    return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
/**
 * Parses and validates policy text. Never throws for bad input: every
 * problem (YAML syntax, duplicate or unknown keys, wrong types, semantic
 * errors) comes back as a positioned issue, sorted by position. An empty
 * file, or one with only comments, is the default policy.
 *
 * @param text - the file's contents
 * @param file - the name used in issues and as the policy's `source`
 */
function parsePolicy(text, file) {
    return parsePolicyWith(text, file, defaultPolicy, true);
}
/**
 * `parsePolicy` with the policy that fills in absent sections; `locate`:
 * add the file positions sections ask for (a user's file; not the default
 * policy, whose entries no user can edit where they stand).
 */
function parsePolicyWith(text, file, fallback, locate) {
    const source = readPolicySource(text, file);
    const issues = [...source.issues];
    if (!source.usable)
        return { ok: false, issues: sortIssues(issues) };
    const value = source.value;
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
        issues.push({
            file,
            ...source.locate([]),
            path: '(top level)',
            message: `The policy's top level must be a mapping of sections, but it is ${describeValue(value, MAX_UNPARSED_QUOTE)}. ` +
                `Write one "key: value" per section, for example: mainline: main. ${seeDocs('sections')}`,
        });
        return { ok: false, issues: sortIssues(issues) };
    }
    const requirement = classifyRequirement(value);
    const ctx = { file, source, value: value ?? {}, requirement };
    const result = policySchema.safeParse(value ?? {});
    const invisible = checkInvisibleCharacters(ctx);
    // An invisible character explains why its name is also malformed: report that once.
    const explained = new Set(invisible.map((issue) => issue.path));
    if (!result.success) {
        const schemaIssues = convertZodIssues(result.error.issues, ctx);
        issues.push(...schemaIssues.filter((issue) => !explained.has(issue.path)));
    }
    issues.push(...invisible, ...checkPolicySemantics(ctx));
    const requires = checkRequirement(requirement, value, source, file);
    if (requires !== undefined) {
        // An unmet requires explains the problems after it, so it comes first.
        const rest = sortIssues(issues);
        return {
            ok: false,
            issues: requirement.state === 'unmet' ? [requires, ...rest] : sortIssues([requires, ...rest]),
        };
    }
    if (issues.length > 0 || !result.success)
        return { ok: false, issues: sortIssues(issues) };
    const policy = resolvePolicy(result.data, file, fallback);
    return { ok: true, policy: locate ? locatePolicy(policy, source) : policy };
}
function locatePolicy(policy, source) {
    const value = source.value;
    if (value === null || typeof value !== 'object')
        return policy;
    const sections = {};
    for (const section of POLICY_SECTIONS) {
        if (!section.locate || !(section.key in value))
            continue;
        const at = (path) => ({
            file: policy.source,
            ...source.locate([section.key, ...path], 'value'),
        });
        // Each section locates its own effective value (typed in its definition).
        const locate = section.locate;
        sections[section.property] = locate(policy[section.property], at);
    }
    return { ...policy, ...sections };
}
/**
 * Parses and validates the policy file's bytes: they must be UTF-8 (a byte
 * order mark is dropped). The first byte that is not is reported at its line
 * and column, instead of being read as U+FFFD inside a name or pattern.
 * Otherwise as {@link parsePolicy}.
 *
 * @param bytes - the file's contents as read
 * @param file - the name used in issues and as the policy's `source`
 */
function parsePolicyBytes(bytes, file) {
    const invalid = findInvalidUtf8(bytes);
    if (invalid === undefined) {
        return parsePolicy(new TextDecoder('utf-8', { fatal: true }).decode(bytes), file);
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, invalid));
    const issue = {
        file,
        ...locateOffset(before, before.length),
        path: '(top level)',
        message: describeInvalidUtf8(bytes[invalid] ?? 0),
    };
    return { ok: false, issues: [issue] };
}
/**
 * Parses and validates the policy file's bytes, like `parsePolicyBytes`, but throws.
 *
 * @throws ConfigError carrying every issue found
 */
function loadPolicyBytes(bytes, file) {
    const result = parsePolicyBytes(bytes, file);
    if (!result.ok)
        throw new errors_ConfigError(result.issues);
    return result.policy;
}
/**
 * Parses and validates policy text, like `parsePolicy`, but throws.
 *
 * @throws ConfigError carrying every issue found
 */
function loadPolicy(text, file) {
    const result = parsePolicy(text, file);
    if (!result.ok)
        throw new ConfigError(result.issues);
    return result.policy;
}
/**
 * Turns the schema's output into the effective `Policy`. Each check's
 * section present in the file replaces the default section as a whole; an
 * absent section takes `fallback`'s (the default policy's); `rules` defaults
 * to `{}`. Reserved sections are passed through only when present.
 *
 * @param parsed - the schema's output for one policy file
 * @param source - where the policy came from (a file path, or `(default policy)`)
 * @param fallback - the policy whose sections fill in absent ones; the default policy when absent
 */
function resolvePolicy(parsed, source, fallback = defaultPolicy) {
    let defaults;
    const sections = {};
    for (const section of POLICY_SECTIONS) {
        const value = parsed[section.key];
        if (value === undefined) {
            defaults ??= fallback();
            sections[section.property] = defaults[section.property];
        }
        else {
            // Each section resolves its own schema's output (typed in its definition).
            sections[section.property] = section.resolve(value);
        }
    }
    const policy = {
        mainline: parsed.mainline,
        ...sections,
        rules: { ...parsed.rules },
        source,
    };
    return policy;
}
/** The default policy failed to parse: a bug in this package, never a user error. */
class DefaultPolicyError extends ReleasePolicyError {
}
let memo;
/**
 * Returns the default policy, parsed from `DEFAULT_POLICY_YAML` once and
 * copied on every call so callers may change their copy freely.
 *
 * @throws DefaultPolicyError if the built-in YAML does not parse or leaves a section out (a bug)
 */
function defaultPolicy() {
    memo ??= parseDefaultPolicy();
    return structuredClone(memo);
}
function parseDefaultPolicy() {
    const result = parsePolicyWith(DEFAULT_POLICY_YAML, DEFAULT_POLICY_SOURCE, () => {
        throw new DefaultPolicyError('The built-in default policy leaves a section out: DEFAULT_POLICY_YAML must write out every section that has a default.');
    }, false);
    if (!result.ok) {
        throw new DefaultPolicyError(`The built-in default policy is invalid:\n${formatConfigIssues(result.issues)}`);
    }
    return result.policy;
}

// EXTERNAL MODULE: ../../node_modules/zod/v4/core/json-schema-processors.js
var json_schema_processors = __webpack_require__(9947);
;// CONCATENATED MODULE: ../core/src/config/json-schema.ts
/**
 * The policy's JSON Schema, generated from the zod schema, for editors
 * (`# yaml-language-server: $schema=...`). Committed at
 * `schema/release-policy.schema.json`; a test keeps the two in sync.
 */



/**
 * Creates the JSON Schema (draft 2020-12) of the policy file as written: the
 * input form, so keys with defaults are optional.
 */
function createPolicyJsonSchema() {
    const generated = json_schema_processors/* toJSONSchema */.bl(policySchema, { io: 'input' });
    const { $schema, ...rest } = generated;
    return {
        $schema,
        $id: POLICY_SCHEMA_URL,
        title: 'release-policy',
        description: 'The release policy in .github/release-policy.yml: branch kinds and merge targets, ' +
            'versioning, commit types and rule severities. Reference: docs/policy.md',
        ...rest,
    };
}

// EXTERNAL MODULE: ../../node_modules/conventional-changelog-conventionalcommits/src/index.js + 9 modules
var src = __webpack_require__(8583);
// EXTERNAL MODULE: ../../node_modules/conventional-commits-parser/dist/index.js + 5 modules
var conventional_commits_parser_dist = __webpack_require__(4798);
;// CONCATENATED MODULE: ../core/src/changelog-entries.ts
/**
 * The entries of a release's notes, read from its commits with
 * conventional-commits-parser and the conventionalcommits preset's parser
 * options: squash bodies split into one entry per message, reverts inside
 * the range cancelled, merge commits and repeated messages left out.
 */


/** The type given to entries that are not Conventional Commits, when the policy lists them. */
const OTHER_TYPE = 'other';
const parsers = new Map();
/** The preset's parser options, with the policy's ticket prefixes as reference prefixes. */
function createChangelogParserOptions(policy) {
    const preset = (0,src/* default */.Ay)({ issuePrefixes: ['#', ...policy.ticketPrefixes] });
    return preset.parser;
}
function getParser(policy) {
    const key = policy.ticketPrefixes.join('\n');
    let parser = parsers.get(key);
    if (!parser) {
        parser = new conventional_commits_parser_dist/* CommitParser */.Jf(createChangelogParserOptions(policy));
        parsers.set(key, parser);
    }
    return parser;
}
/** Longest run of non-space characters the parser is given. */
const MAX_TOKEN = 100;
/** Characters kept from each end of a long message. */
const MAX_END = 32_768;
/**
 * A message the parser reads in bounded time: its reference pattern takes
 * time polynomial in the length of a word (1,000 characters without a space
 * took about a second), so long words are cut, and of a very long message
 * only the start (header, body) and the end (footers) are kept.
 */
function boundMessage(message) {
    const ends = message.length > 2 * MAX_END
        ? `${message.slice(0, MAX_END)}\n${message.slice(-MAX_END)}`
        : message;
    return ends.replace(/\S{101,}/g, (word) => word.slice(0, MAX_TOKEN));
}
/**
 * Reads a message with conventional-commits-parser and the preset's parser
 * options; a header the core's subject reader refuses as malformed (an empty
 * scope, `feat(): x`) is no Conventional Commit here either, so the version
 * check and the notes always agree on which commits count.
 */
function parseChangelogCommit(message, policy) {
    const parsed = getParser(policy).parse(boundMessage(message));
    if (typeof parsed.type === 'string' && /^[^(:]*\(\s*\)/.test(parsed.header ?? '')) {
        const refused = Object.assign(Object.create(null), parsed);
        refused.type = null;
        refused.scope = null;
        refused.subject = null;
        return refused;
    }
    return parsed;
}
/** Splits a trailing ` (#123)` off a subject. */
function splitPullRequest(subject) {
    const match = / \(#(\d{1,9})\)$/.exec(subject);
    if (!match)
        return { subject };
    return { subject: subject.slice(0, match.index), pr: Number(match[1]) };
}
/** The texts of a parsed commit's breaking-change notes. */
function readNotes(parsed) {
    return parsed.notes
        .filter((note) => note.title === 'BREAKING CHANGE' || note.title === 'BREAKING-CHANGE')
        .map((note) => note.text.trim());
}
/** One entry from a parsed message, or undefined when it is not a Conventional Commit. */
function convertParsed(parsed, sha, author) {
    if (typeof parsed.type !== 'string' || typeof parsed.subject !== 'string')
        return undefined;
    const { subject, pr } = splitPullRequest(parsed.subject.trim());
    const notes = readNotes(parsed);
    return {
        sha,
        type: parsed.type.toLowerCase(),
        ...(parsed.scope ? { scope: parsed.scope } : {}),
        subject,
        breaking: notes.length > 0,
        notes,
        ...(pr !== undefined ? { pr } : {}),
        ...(author ? { author } : {}),
    };
}
/**
 * The Conventional Commit messages of a squash body (`* feat: a` lines, as
 * GitHub writes them), when it holds at least two; else empty.
 */
function readSquashedMessages(body) {
    const messages = [];
    let current;
    for (const line of body.split('\n')) {
        if (line.startsWith('* ')) {
            if (current)
                messages.push(current.join('\n'));
            current = [line.slice(2)];
        }
        else if (current && (line.startsWith('  ') || line === '')) {
            current.push(line.trim());
        }
        else if (current) {
            messages.push(current.join('\n'));
            current = undefined;
        }
    }
    if (current)
        messages.push(current.join('\n'));
    return messages.length >= 2 ? messages.map((m) => m.trimEnd()) : [];
}
/** The entries of one commit: one per squashed message, or one for the commit itself. */
function readCommitEntries(commit, parser, policy) {
    const author = commit.author?.name;
    const parsed = parseChangelogCommit(commit.message, policy);
    const own = convertParsed(parsed, commit.sha, author);
    const squashed = readSquashedMessages(commit.message.split('\n').slice(1).join('\n'))
        .map((message) => convertParsed(parseChangelogCommit(message, policy), commit.sha, author))
        .filter((entry) => entry !== undefined);
    if (squashed.length >= 2) {
        const pr = own?.pr ?? splitPullRequest(commit.message.split('\n')[0] ?? '').pr;
        return squashed.map((entry) => pr !== undefined && entry.pr === undefined ? { ...entry, pr } : entry);
    }
    if (own)
        return [own];
    const reverted = parsed.revert?.header;
    if (typeof reverted === 'string' && reverted !== '') {
        return [
            {
                sha: commit.sha,
                type: 'revert',
                subject: reverted,
                breaking: false,
                notes: [],
                ...(author ? { author } : {}),
            },
        ];
    }
    if (policy.other === false)
        return [];
    const { subject, pr } = splitPullRequest((commit.message.split('\n')[0] ?? '').trim());
    if (subject === '')
        return [];
    return [
        {
            sha: commit.sha,
            type: OTHER_TYPE,
            subject,
            breaking: false,
            notes: [],
            ...(pr !== undefined ? { pr } : {}),
            ...(author ? { author } : {}),
        },
    ];
}
/** The sha a commit reverts (`This reverts commit <sha>.`), when it is a revert. */
function readRevertedSha(commit, policy) {
    const parsed = parseChangelogCommit(commit.message, policy);
    const hash = parsed.revert?.hash;
    return typeof hash === 'string' && hash !== '' ? hash : undefined;
}
/**
 * The entries of a release, newest first, from its commits (newest first, as
 * the git adapter reads them): merge commits are left out (their changes
 * come with the merged commits), a squash body with several messages gives
 * one entry per message, a revert of a commit inside the range cancels both,
 * and a message seen twice (a cherry-pick, a rebase) gives one entry. Pure.
 */
function collectChangelogEntries(commits, policy) {
    const parser = getParser(policy);
    const inRange = new Set(commits.map((c) => c.sha));
    const cancelled = new Set();
    for (const commit of commits) {
        const reverted = readRevertedSha(commit, policy);
        if (reverted === undefined)
            continue;
        const target = [...inRange].find((sha) => sha.startsWith(reverted) && !cancelled.has(sha));
        if (target === undefined)
            continue;
        cancelled.add(target);
        cancelled.add(commit.sha);
    }
    const seen = new Set();
    const entries = [];
    for (const commit of commits) {
        if ((commit.parents?.length ?? 0) > 1 || cancelled.has(commit.sha))
            continue;
        for (const entry of readCommitEntries(commit, parser, policy)) {
            const key = JSON.stringify([entry.type, entry.scope ?? '', entry.subject]);
            if (seen.has(key))
                continue;
            seen.add(key);
            entries.push(entry);
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ../core/src/changelog-packages.ts



/**
 * The package `name` of the policy's `changelog.packages`.
 *
 * @throws UsageError naming the packages there are (and the closest one) when there is no such package
 */
function findChangelogPackage(policy, name) {
    const found = policy.packages.find((p) => p.name === name);
    if (found)
        return found;
    const names = policy.packages.map((p) => p.name);
    const near = findClosest(name, names);
    throw new UsageError(`--package ${quoteValue(name)} is not a package of the policy's changelog section.` +
        (near ? ` Did you mean "${near}"?` : '') +
        (names.length > 0
            ? ` Packages: ${names.join(', ')}.`
            : ' It lists none: add them, e.g. changelog: { packages: [{ name: api, path: packages/api }] }.') +
        ' See docs/policy.md#changelog');
}
/**
 * The entries of one package: those whose commit changed a file under its
 * path (`touched`: the shas git listed for the path; absent when the package
 * has none) or whose scope is one of its scopes. Pure.
 */
function selectPackageEntries(entries, pkg, touched) {
    const scopes = new Set(pkg.scopes);
    return entries.filter((entry) => (touched?.has(entry.sha) ?? false) || (entry.scope !== undefined && scopes.has(entry.scope)));
}

// EXTERNAL MODULE: ../../node_modules/conventional-changelog-writer/dist/index.js + 12 modules
var conventional_changelog_writer_dist = __webpack_require__(8063);
;// CONCATENATED MODULE: ../core/src/changelog-render.ts
/**
 * Release notes from changelog entries: the sections (for `--json`) and the
 * Markdown, written by conventional-changelog-writer with the
 * conventionalcommits preset (its `createPreset`, never loaded by name).
 * Untrusted commit text is neutralized first: no HTML, no mentions.
 */



/**
 * Groups entries into the policy's sections: breaking changes first, then
 * each listed and visible type in policy order, then `Other` when the policy
 * keeps non-conventional commits. Empty sections are left out. Pure.
 */
function groupChangelogEntries(entries, policy) {
    const sections = [
        { title: policy.breakingTitle, entries: entries.filter((e) => e.breaking) },
        ...policy.sections
            .filter((s) => !s.hidden)
            .map((s) => ({ title: s.title, entries: entries.filter((e) => e.type === s.type) })),
    ];
    if (policy.other !== false) {
        sections.push({ title: policy.other, entries: entries.filter((e) => e.type === OTHER_TYPE) });
    }
    return sections.filter((s) => s.entries.length > 0);
}
/**
 * Commit text made safe for Markdown on GitHub: `<` and `>` as entities (no
 * HTML, so `</details>` closes nothing), and a zero-width space after `@`
 * so `@someone` shows but notifies nobody.
 */
function neutralizeCommitText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, '@\u200b');
}
/** The writer's commit object for one entry. */
function convertEntry(entry) {
    const subject = neutralizeCommitText(entry.subject) + (entry.pr !== undefined ? ` (#${entry.pr})` : '');
    return {
        type: entry.type,
        scope: entry.scope ? neutralizeCommitText(entry.scope) : null,
        subject,
        header: subject,
        body: null,
        footer: null,
        merge: null,
        revert: null,
        mentions: [],
        references: [],
        hash: entry.sha,
        notes: entry.notes.map((text) => ({
            title: 'BREAKING CHANGE',
            text: neutralizeCommitText(text),
        })),
    };
}
/**
 * The preset's writer options for the policy: its types and titles, the
 * breaking title, pull-request links only when the repository is known,
 * ticket links through the policy's URL template, and never a user link.
 */
function createWriterOptions(policy, linked) {
    const types = [
        ...policy.sections.map((s) => ({
            type: s.type,
            section: s.title,
            ...(s.hidden ? { effect: 'hidden' } : {}),
        })),
        ...(policy.other !== false ? [{ type: OTHER_TYPE, section: policy.other }] : []),
    ];
    const { ticketUrl } = policy;
    const preset = (0,src/* default */.Ay)({
        types,
        issuePrefixes: ['#', ...(ticketUrl ? policy.ticketPrefixes : [])],
        formatNoteTitle: () => policy.breakingTitle,
        formatNoteIcon: () => '',
        // An empty URL leaves the reference as text.
        formatUserUrl: () => '',
        formatIssueUrl: (context, reference) => {
            if (reference.prefix !== '#') {
                return (ticketUrl?.replace('{ticket}', `${String(reference.prefix)}${String(reference.issue)}`) ??
                    '');
            }
            return linked
                ? `${String(context.host)}/${String(context.owner)}/${String(context.repository)}/issues/${String(reference.issue)}`
                : '';
        },
    });
    return preset.writer;
}
/** The `Risk assessment` section: one item per pull request, its risk text indented below. */
function renderRisks(risks) {
    if (risks.length === 0)
        return '';
    const items = risks.map((r) => {
        const risk = r.risk === '' ? 'not stated' : neutralizeCommitText(r.risk).split('\n').join('\n  ');
        return `* #${r.number} ${neutralizeCommitText(r.title)}:${r.risk.includes('\n') ? '\n  ' : ' '}${risk}`;
    });
    return `\n### Risk assessment\n\n${items.join('\n')}\n`;
}
/** The contributors' list: each author once, sorted, neutralized. */
function renderContributors(entries) {
    const names = [...new Set(entries.flatMap((e) => (e.author ? [e.author] : [])))].sort();
    if (names.length === 0)
        return '';
    return `\n### Contributors\n\n${names.map((n) => `* ${neutralizeCommitText(n)}`).join('\n')}\n`;
}
/**
 * The Markdown of one release's notes: a version heading (with a compare
 * link when the repository and both tags are known), the sections, and the
 * contributors when the policy lists them. Ends with one newline. Pure
 * (asynchronous only because the writer is).
 */
async function renderReleaseNotes(input, policy) {
    const repo = input.repository;
    const context = {
        version: input.version,
        date: input.date,
        ...(repo
            ? {
                host: repo.host,
                owner: repo.owner,
                repository: repo.name,
                repoUrl: `${repo.host}/${repo.owner}/${repo.name}`,
                // One commit's page, not the history from it (the writer's default).
                commit: 'commit',
                linkReferences: true,
            }
            : { linkReferences: false }),
        ...(repo && input.previousTag && input.tag
            ? { previousTag: input.previousTag, currentTag: input.tag, linkCompare: true }
            : { linkCompare: false }),
    };
    const markdown = await (0,conventional_changelog_writer_dist/* writeChangelogString */.Xc)(input.entries.map(convertEntry), context, createWriterOptions(policy, repo !== undefined));
    const contributors = policy.contributors ? renderContributors(input.entries) : '';
    return `${markdown.trimEnd()}\n${renderRisks(input.risks ?? [])}${contributors}`;
}

;// CONCATENATED MODULE: ../core/src/changelog-file.ts
/**
 * The text of a changelog file with one release's notes put in: at the top,
 * under the title, or in place of that version's earlier notes. Every other
 * byte stays as it was. Pure; the adapters read and write the file.
 */


/** The changelog file cannot take the notes: it is not UTF-8, or it has conflict markers. */
class ChangelogFileError extends ReleasePolicyError {
}
const CONFLICT_MARKERS = ['<<<<<<< ', '=======', '>>>>>>> '];
/** The version a heading line names (`## [1.4.0](...) (date)`, `### 1.4.0`), or undefined. */
function readHeadingVersion(line) {
    const match = /^#{1,3} \[?v?(\d+\.\d+\.\d+[0-9A-Za-z.+-]*)\]?/.exec(line);
    return match?.[1];
}
/** The line index where a new section goes: after a leading `# Title` and its blank lines. */
function findInsertionLine(lines) {
    if (!(lines[0] ?? '').startsWith('# ') || readHeadingVersion(lines[0] ?? '') !== undefined)
        return 0;
    let i = 1;
    while (i < lines.length && lines[i]?.trim() === '')
        i += 1;
    return i;
}
/**
 * Puts a release's notes into a changelog's text: replaces the section of
 * the same version when there is one (up to the next version heading), else
 * inserts the notes at the top, under the `# Title` line when the file starts
 * with one. A new file gets the title `# Changelog`.
 *
 * @throws ChangelogFileError when the text has git conflict markers.
 */
function insertReleaseNotes(existing, version, notes, path) {
    const lines = existing.split('\n');
    const conflict = lines.findIndex((line) => CONFLICT_MARKERS.some((m) => line === m.trim() || line.startsWith(m)));
    if (conflict !== -1) {
        throw new ChangelogFileError(`${quoteValue(path)} has a git conflict marker on line ${conflict + 1}: ${quoteValue(lines[conflict])}. ` +
            'Resolve the conflict and commit the file, then run again; the file was left untouched.');
    }
    const block = `${notes.trimEnd()}\n`;
    if (existing === '')
        return `# Changelog\n\n${block}`;
    const start = lines.findIndex((line) => readHeadingVersion(line) === version);
    if (start !== -1) {
        let end = start + 1;
        while (end < lines.length && readHeadingVersion(lines[end] ?? '') === undefined)
            end += 1;
        const before = start > 0 ? `${lines.slice(0, start).join('\n')}\n` : '';
        return end < lines.length
            ? `${before}${block}\n${lines.slice(end).join('\n')}`
            : `${before}${block}`;
    }
    const at = findInsertionLine(lines);
    const head = lines.slice(0, at).join('\n');
    const tail = lines.slice(at).join('\n');
    return `${at > 0 ? `${head}\n` : ''}${block}\n${tail}`;
}

;// CONCATENATED MODULE: ../core/src/changelog-risk.ts


/** The heading of the risk when the change request's sections name none. */
const RISK = { title: 'Risk', aliases: [] };
/**
 * The change request's section that holds the risk: the one whose title or
 * an alias is "Risk" (as headings compare: `风险` counts when it is an
 * alias of it), else a plain `Risk` heading.
 */
function findRiskSpec(changeRequest) {
    const risk = normalizeHeading(RISK.title);
    return (changeRequest.sections.find((spec) => [spec.title, ...spec.aliases].some((title) => normalizeHeading(title) === risk)) ?? RISK);
}
/**
 * The text of the risk section of a pull request body, read as the
 * change-request check reads it (the policy's `change-request` section: its
 * heading and aliases, at any level, not inside a quote or a fence): its
 * lines up to the next heading of the same or a higher level, comments
 * removed, trimmed; `''` without one, or when it holds only placeholder
 * text (the template left as it was). Pure.
 */
function readRiskSection(body, changeRequest) {
    const outline = parseMarkdownOutline(body);
    const section = findSection(outline, findRiskSpec(changeRequest));
    if (!section || section.content.length === 0)
        return '';
    if (section.content.every((c) => isPlaceholderLine(c.text, changeRequest.placeholders))) {
        return '';
    }
    return normalizeLineBreaks(body)
        .split('\n')
        .slice(section.line, section.endLine)
        .join('\n')
        .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
        .trim();
}
/**
 * The risk of every pull request in a release: those its entries name
 * (`(#123)`) and those whose merge commit is in its commits, newest number
 * first. Pure.
 */
function collectRiskAssessments(entries, commits, pulls, changeRequest) {
    const numbers = new Set(entries.flatMap((e) => (e.pr === undefined ? [] : [e.pr])));
    const shas = new Set(commits.map((c) => c.sha));
    return pulls
        .filter((p) => numbers.has(p.number) || (p.mergeCommitSha !== undefined && shas.has(p.mergeCommitSha)))
        .sort((a, b) => b.number - a.number)
        .map((p) => ({
        number: p.number,
        title: p.title,
        risk: readRiskSection(p.body, changeRequest),
    }));
}

;// CONCATENATED MODULE: ../core/src/checks/promote/evidence.ts

/** The key of the evidence record inside a deployment's payload. */
const EVIDENCE_PAYLOAD_KEY = 'release-policy';
/** The format of {@link EvidenceRecord}, kept in the record for readers. */
const EVIDENCE_FORMAT = 'release-policy/evidence@1';
/** Builds the evidence record of a promotion that was evaluated. */
function buildEvidenceRecord(promotion, policy, evaluation, now) {
    const spec = findEnvironmentSpec(policy, promotion.environment);
    const live = findLiveDeployment(promotion.deployments, promotion.environment);
    const tally = spec ? tallyApprovals(promotion, spec) : undefined;
    const failed = new Set(evaluation.findings.map((f) => f.rule));
    return {
        format: EVIDENCE_FORMAT,
        environment: promotion.environment,
        version: promotion.version,
        commit: promotion.commit,
        ...(promotion.artifact ? { artifact: { ...promotion.artifact } } : {}),
        percent: spec ? computeCanaryStep(promotion, spec).percent : 100,
        rollback: promotion.rollback,
        ...(promotion.emergency !== undefined ? { emergency: promotion.emergency } : {}),
        ...(live ? { previousVersion: live.version } : {}),
        approvals: (tally?.counted ?? []).map((a) => ({
            login: a.login,
            environment: a.environment,
            at: a.seenAt,
        })),
        window: spec ? decideWindow(spec, now).summary : 'no policy entry',
        checks: {
            passed: evaluation.ran.filter((id) => !failed.has(id)),
            findings: evaluation.findings.map((f) => ({
                rule: f.rule,
                severity: f.severity,
                message: f.message,
            })),
        },
        ...(promotion.runId !== undefined
            ? {
                run: {
                    id: promotion.runId,
                    ...(promotion.starter ? { starter: promotion.starter } : {}),
                },
            }
            : {}),
        at: now.toISOString(),
    };
}
function readString(value) {
    return typeof value === 'string' ? value : undefined;
}
/**
 * What a deployment's payload records, as far as the history and the rules
 * read it: its evidence record's version, percent, digest, rollback, run,
 * approvers and emergency. A payload without a record (a deployment made by
 * something else) gives nothing; foreign values of the wrong type are ignored.
 */
function readEvidencePayload(payload) {
    const parsed = typeof payload === 'string' ? parseJson(payload) : payload;
    if (typeof parsed !== 'object' || parsed === null)
        return {};
    const record = parsed[EVIDENCE_PAYLOAD_KEY];
    if (typeof record !== 'object' || record === null)
        return {};
    const r = record;
    const artifact = typeof r.artifact === 'object' && r.artifact !== null
        ? r.artifact
        : {};
    const run = typeof r.run === 'object' && r.run !== null ? r.run : {};
    const approvals = Array.isArray(r.approvals) ? r.approvals : [];
    const version = readString(r.version);
    const digest = readString(artifact.digest);
    const emergency = readString(r.emergency);
    return {
        ...(version !== undefined ? { version } : {}),
        ...(typeof r.percent === 'number' && r.percent < 100 ? { percent: r.percent } : {}),
        ...(digest !== undefined ? { digest } : {}),
        ...(r.rollback === true ? { rollback: true } : {}),
        ...(typeof run.id === 'number' ? { runId: run.id } : {}),
        approvers: approvals.flatMap((a) => {
            const login = typeof a === 'object' && a !== null
                ? readString(a.login)
                : undefined;
            return login === undefined ? [] : [login];
        }),
        ...(emergency !== undefined ? { emergency } : {}),
    };
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // A payload that is not JSON is someone else's: it records nothing of ours.
        return undefined;
    }
}

;// CONCATENATED MODULE: ../core/src/rules/types.ts
/** Where rules are documented; each rule has an anchor named after its id. */
const RULES_DOCS = 'docs/rules.md';

;// CONCATENATED MODULE: ../core/src/engine.ts



const RANK = { error: 0, warning: 1, notice: 2 };
/**
 * Computes a finding's reported severity from the severity the rule gave it
 * (`undefined`: the rule's default), the rule's default and the policy's
 * override for the rule. The override sets the rule's level, the most severe
 * any of its findings can be (the default when there is no override):
 *
 * - a finding at the rule's default (or above it) takes the level;
 * - a finding the rule emitted below its default on purpose (the shallow-history
 *   warning of an `error` rule) keeps its own severity, lowered to the level
 *   when the level is lower still.
 *
 * So writing a rule's own default changes nothing, and lowering a rule never
 * raises one of its findings.
 */
function computeSeverity(found, defaultSeverity, override) {
    const level = override ?? defaultSeverity;
    if (found === undefined || RANK[found] <= RANK[defaultSeverity])
        return level;
    return RANK[found] >= RANK[level] ? found : level;
}
/**
 * Runs every applicable rule on the facts and collects all findings.
 * Pure: facts + policy + now -> findings.
 */
function evaluate(facts, policy, now, options = {}) {
    const ctx = { facts, policy, now };
    const rules = (options.rules ?? RULES).filter((r) => !options.checks || options.checks.includes(r.check));
    const findings = [];
    const ran = [];
    const skipped = [];
    for (const rule of rules) {
        const override = policy.rules[rule.id];
        if (override === 'off' || !rule.applies(ctx)) {
            skipped.push(rule.id);
            continue;
        }
        ran.push(rule.id);
        for (const f of rule.evaluate(ctx)) {
            findings.push({
                ...f,
                rule: rule.id,
                severity: computeSeverity(f.severity, rule.defaultSeverity, override),
                docs: f.docs ?? `${RULES_DOCS}#${rule.id}`,
            });
        }
    }
    const sorted = sortFindings(findings);
    return { ok: !sorted.some((f) => f.severity === 'error'), findings: sorted, ran, skipped };
}

;// CONCATENATED MODULE: ../core/src/docs-links.ts
/**
 * Links into this project's documentation. Rules and messages name pages
 * by their path in this repository (`docs/rules.md#version-bump`), which
 * means nothing in a user's repository; the adapters turn them into absolute
 * URLs of the docs of the release that is running, at their boundary.
 */

/** Where this project lives. */
const PROJECT_URL = 'https://github.com/release-policy/release-policy';
/** The documentation pages messages may name. */
const DOCS_PAGES = ['actions', 'cli', 'git', 'policy', 'rules'];
/**
 * A docs path in our own text: at the start or after a space or `(`, one of
 * our pages, an optional anchor. Untrusted values inside messages are quoted
 * JSON, so a path inside one follows a quote and is left alone.
 */
const DOCS_PATH = new RegExp(`(^|[\\s(])(docs/(?:${DOCS_PAGES.join('|')})\\.md(?:#[a-z0-9-]+)?)(?=$|[\\s).,;:])`, 'g');
/** The base URL of the docs of a release, e.g. `https://github.com/release-policy/release-policy/blob/v0.1.0/`. */
function formatReleaseDocsBaseUrl(version = RELEASE_POLICY_VERSION) {
    return `${PROJECT_URL}/blob/v${version}/`;
}
/** `text` with every docs path of ours made absolute under `baseUrl` (which ends with `/`). Pure. */
function linkDocs(text, baseUrl) {
    return text.replace(DOCS_PATH, (_match, before, path) => `${before}${baseUrl}${path}`);
}
/** A finding whose `docs`, message and hint link to absolute URLs under `baseUrl`. Pure. */
function linkFindingDocs(finding, baseUrl) {
    const linked = { ...finding, message: linkDocs(finding.message, baseUrl) };
    if (finding.hint !== undefined)
        linked.hint = linkDocs(finding.hint, baseUrl);
    if (finding.docs !== undefined)
        linked.docs = linkDocs(finding.docs, baseUrl);
    return linked;
}

;// CONCATENATED MODULE: ../core/src/index.ts
// The public API of @release-policy/core: what the adapters (git, github, cli),
// the actions, the tests and the benchmarks use. Everything else is internal.
// Findings and errors























// Checks, rules and the engine




















// Branches

// Versions and commits






// Text helpers: one home for quoting, cutting and plurals

// Links into the docs of the running release



/***/ }),

/***/ 130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XS: () => (/* reexport */ errors_GitError),
  lD: () => (/* reexport */ git_createGit),
  vM: () => (/* reexport */ gatherAllReleases),
  zG: () => (/* reexport */ gatherAuditDocumentFacts),
  c9: () => (/* reexport */ gatherAuditPatchFacts),
  B8: () => (/* reexport */ gatherBranchFacts),
  Qe: () => (/* reexport */ gatherDocumentFacts),
  jY: () => (/* reexport */ gatherPatchFacts),
  CU: () => (/* reexport */ gatherReleaseRange),
  rz: () => (/* reexport */ gatherVersionFacts),
  y6: () => (/* reexport */ readPushedTag),
  kD: () => (/* reexport */ writeChangelogFile),
  Tq: () => (/* reexport */ writeReleasesToChangelog)
});

// UNUSED EXPORTS: FETCH_TIMEOUT_MS, FORWARD_PORT_IDENTITY, ForwardPortError, IncompleteHistoryError, MAX_CHANGELOG_BYTES, MAX_DOCUMENT_BYTES, PatchLineError, REMOTE_TIMEOUT_MS, listMatchingFiles, matchGlob, pushForwardPort, readChangelogFile, readDocument, resolveChangelogPath

// EXTERNAL MODULE: ../core/src/index.ts + 111 modules
var src = __webpack_require__(1835);
;// CONCATENATED MODULE: ../git/src/errors.ts

/** Where git problems are explained, relative to the repository root. */
const GIT_DOCS = 'docs/git.md';
/** The most stderr a GitError keeps, in characters. */
const STDERR_LIMIT = 4000;
/** The most characters of one argument shown in a message. */
const ARG_LIMIT = 200;
/**
 * A git command failed, or was refused before it ran. The message names the
 * command (arguments as a JSON array, never a shell string), git's first line
 * of stderr, and a hint for common causes.
 */
class errors_GitError extends src/* ReleasePolicyError */.CP {
    /** The git command's arguments (without the binary and the fixed `-c` settings). */
    args;
    /** git's exit code; null when git did not run or was killed by a signal. */
    exitCode;
    /** git's standard error, trimmed and capped at a few thousand characters. */
    stderr;
    /** What went wrong, as far as the hint could tell. */
    kind;
    constructor(details, options) {
        const stderr = (0,src/* truncateText */.lm)((details.stderr ?? '').trim(), STDERR_LIMIT);
        const kind = details.kind ?? classifyGitFailure(stderr, details.shallow === true);
        super(formatGitError(details, stderr, kind), options);
        this.args = [...details.args];
        this.exitCode = details.exitCode;
        this.stderr = stderr;
        this.kind = kind;
    }
}
/**
 * Guesses why git failed from its stderr. `shallow` turns an unknown
 * revision into a shallow-clone problem, its most common cause in CI.
 */
function classifyGitFailure(stderr, shallow = false) {
    if (/not a git repository/i.test(stderr))
        return 'not-a-repository';
    if (/dubious ownership/i.test(stderr))
        return 'dubious-ownership';
    if (/does not have any commits yet/i.test(stderr))
        return 'no-commits';
    if (/shallow/i.test(stderr))
        return 'shallow';
    if (/unknown revision|bad revision|needed a single revision|invalid object name|not a valid object name|not a valid commit name|bad object/i.test(stderr)) {
        return shallow ? 'shallow' : 'unknown-revision';
    }
    return 'other';
}
const hints = {
    'not-a-repository': {
        text: 'Run the command inside a git working tree (or pass its directory as the working directory); in a workflow, run actions/checkout first.',
        anchor: 'not-a-repository',
    },
    'unknown-revision': {
        text: 'Check the spelling of the revision, e.g. "main" or "v1.2.3". In CI the clone may lack tags and other branches: fetch the full history, e.g. actions/checkout with fetch-depth: 0.',
        anchor: 'unknown-revision',
    },
    shallow: {
        text: 'This is a shallow clone, so older commits and tags are missing: fetch the full history, e.g. actions/checkout with fetch-depth: 0.',
        anchor: 'shallow-clone',
    },
    'dubious-ownership': {
        text: 'git refuses a repository owned by another user: mark it safe, e.g. git config --global --add safe.directory <path>.',
        anchor: 'dubious-ownership',
    },
    'no-commits': {
        text: 'The repository has no commits yet: commit something first, e.g. git commit --allow-empty -m "chore: initial commit".',
        anchor: 'no-commits',
    },
    'git-not-found': {
        text: 'Install git and make sure it is on PATH (or pass the path of the git binary), and check that the working directory exists.',
        anchor: 'git-not-found',
    },
    'invalid-argument': {
        text: 'Pass a plain revision or path such as "main", "v1.2.3" or "package.json"; names starting with "-" are refused because git would read them as options.',
        anchor: 'invalid-argument',
    },
    other: undefined,
};
function formatGitError(details, stderr, kind) {
    const command = `git ${formatArgs(details.args)}`;
    const lines = [];
    if (details.reason !== undefined) {
        lines.push(`${command} was not run: ${details.reason}`);
    }
    else {
        const status = details.exitCode === null ? 'did not finish' : `exited with code ${details.exitCode}`;
        lines.push(`${command} ${status}.`);
        const first = stderr.split(/\r?\n/, 1)[0]?.trim();
        if (first)
            lines.push(`git said: ${first}`);
    }
    const hint = hints[kind];
    if (hint)
        lines.push(`Hint: ${hint.text}`, `See ${GIT_DOCS}#${hint.anchor}`);
    else
        lines.push(`See ${GIT_DOCS}`);
    return lines.join('\n');
}
/** Shows arguments as a JSON array, each long argument truncated. */
function formatArgs(args) {
    return JSON.stringify(args.map((a) => (0,src/* truncateText */.lm)(a, ARG_LIMIT)));
}

;// CONCATENATED MODULE: ../git/src/arguments.ts


/**
 * The revision argument for `range` (`from..to`, or `to` alone), after
 * checking both ends against `args`, the command shown when one is refused.
 * @throws GitError (kind `invalid-argument`) for a revision git could read as an option.
 */
function formatRange(args, range) {
    const to = range.to ?? 'HEAD';
    if (range.from !== undefined)
        arguments_checkArgument(args, range.from, 'revision');
    arguments_checkArgument(args, to, 'revision');
    return range.from === undefined ? to : `${range.from}..${to}`;
}
/**
 * Refuses a revision or path git could read as an option, or that cannot be passed at all.
 * @throws GitError (kind `invalid-argument`) naming the value and the expected form.
 */
function arguments_checkArgument(args, value, what) {
    let problem;
    if (value === '')
        problem = `the ${what} is empty`;
    else if (value.startsWith('-'))
        problem = `the ${what} ${(0,src/* quoteValue */.cl)(value)} starts with "-", so git would read it as an option`;
    else if (value.includes('\0'))
        problem = `the ${what} ${(0,src/* quoteValue */.cl)(value)} contains a NUL character`;
    if (problem !== undefined) {
        const example = what === 'revision'
            ? '"main", "v1.2.3" or a commit sha'
            : '"package.json" or "src/version.txt"';
        throw new errors_GitError({
            args,
            exitCode: null,
            kind: 'invalid-argument',
            reason: `${problem}; expected a ${what} such as ${example}.`,
        });
    }
}
const FULL_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * True when `path` can be passed to git on standard input (`--stdin`), where
 * each line is one path: it holds no line break (nor a carriage return, which
 * git drops at a line's end) and no NUL.
 */
function isStdinPath(path) {
    return path !== '' && !/[\n\r\0]/.test(path);
}
/**
 * The standard input of a `git log --stdin` for `commits` (full shas, one a
 * line) and `paths` (after `--`, each a literal pathspec from the top);
 * undefined when neither is given. Commits and paths never reach the command
 * line, so no count is too many and none can be read as an option.
 * @throws GitError (kind `invalid-argument`) for a commit that is not a full sha, or a path {@link isStdinPath} refuses.
 */
function formatStdinRevisions(args, input) {
    if (input.commits === undefined && input.paths === undefined)
        return undefined;
    const lines = [];
    const refuse = (reason) => new errors_GitError({ args, exitCode: null, kind: 'invalid-argument', reason });
    for (const sha of input.commits ?? []) {
        if (!FULL_SHA.test(sha)) {
            throw refuse(`the commit ${(0,src/* quoteValue */.cl)(sha)} is not a full sha; expected 40 (or 64) lowercase hex digits, e.g. "3f2a…".`);
        }
        lines.push(sha);
    }
    if (input.paths !== undefined) {
        lines.push('--');
        for (const path of input.paths) {
            if (!isStdinPath(path)) {
                throw refuse(`the path ${(0,src/* quoteValue */.cl)(path)} is empty or holds a line break or NUL, so it cannot be passed one a line; expected a path such as "src/version.txt".`);
            }
            // Literal, from the top: a path is never read as a glob or as pathspec magic.
            lines.push(`:(top,literal)${path}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ../git/src/exec.ts


/** Settings passed before every command: paths printed verbatim, never quoted. */
const FIXED_CONFIG = ['-c', 'core.quotePath=false'];
/** The most stderr kept in memory per command. */
const STDERR_BYTES = 64 * 1024;
/**
 * Starts git with an argument array (never a shell string) and the fixed
 * settings: no terminal prompts, C locale (stable messages), no optional
 * locks, fully buffered output (`GIT_FLUSH=0`).
 * With `stdin`, that stream is piped into git's standard input (e.g. the
 * output of another git command); otherwise git's input is empty.
 */
function startGit(config, args, stdin) {
    for (const arg of args) {
        if (arg.includes('\0')) {
            throw new errors_GitError({
                args,
                exitCode: null,
                kind: 'invalid-argument',
                reason: 'an argument contains a NUL character.',
            });
        }
    }
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(config.gitBinary, [...FIXED_CONFIG, ...args], {
            cwd: config.cwd,
            shell: false,
            windowsHide: true,
            stdio: ['pipe', 'pipe', 'pipe'],
            env: {
                ...config.env,
                GIT_TERMINAL_PROMPT: '0',
                GIT_OPTIONAL_LOCKS: '0',
                GIT_PAGER: 'cat',
                // Fully buffered output: into a pipe, git log would otherwise write (and Node read) each
                // commit on its own, thousands of small writes for a long range. Nothing here is interactive.
                GIT_FLUSH: '0',
                LC_ALL: 'C',
            },
        });
    }
    catch (cause) {
        throw spawnFailure(config, args, cause);
    }
    // git may exit before reading all its input (EPIPE); its exit code tells what happened.
    child.stdin.on('error', () => undefined);
    if (stdin === undefined)
        child.stdin.end();
    else
        stdin.pipe(child.stdin);
    const stderrParts = [];
    let stderrSize = 0;
    child.stderr.on('data', (chunk) => {
        if (stderrSize >= STDERR_BYTES)
            return;
        stderrParts.push(chunk);
        stderrSize += chunk.length;
    });
    const exited = new Promise((resolve, reject) => {
        child.once('error', (cause) => reject(spawnFailure(config, args, cause)));
        child.once('close', (code) => resolve({ exitCode: code, stderr: Buffer.concat(stderrParts).toString('utf8') }));
    });
    // The caller awaits `exited` later; keep an early failure from being reported as unhandled.
    exited.catch(() => undefined);
    return {
        stdout: child.stdout,
        exited,
        stop: () => {
            if (child.exitCode === null && child.signalCode === null)
                child.kill();
        },
    };
}
/**
 * Runs git to completion and collects its output. Exit codes listed in
 * `okExitCodes` (default `[0]`) are returned; any other becomes a GitError.
 * `stdin`, when given, is git's standard input (e.g. revisions for `--stdin`).
 */
async function runGit(config, args, okExitCodes = [0], stdin) {
    const proc = startGit(config, args, stdin);
    const chunks = [];
    try {
        for await (const chunk of proc.stdout)
            chunks.push(chunk);
    }
    finally {
        proc.stop();
    }
    const { exitCode, stderr } = await proc.exited;
    if (exitCode === null || !okExitCodes.includes(exitCode)) {
        throw new errors_GitError({ args, exitCode, stderr });
    }
    return { stdout: Buffer.concat(chunks), stderr, exitCode };
}
function spawnFailure(config, args, cause) {
    const code = cause?.code;
    const what = code === 'ENOENT'
        ? `${JSON.stringify(config.gitBinary)} was not found, or the working directory ${JSON.stringify(config.cwd)} does not exist.`
        : `git could not be started: ${cause instanceof Error ? cause.message : String(cause)}`;
    return new errors_GitError({ args, exitCode: null, reason: what, kind: code === 'ENOENT' ? 'git-not-found' : 'other' }, { cause });
}
/**
 * {@link runGit} for a command that talks to a remote (push, fetch,
 * ls-remote): git is stopped after `timeoutMs`, and the run fails with a
 * GitError saying it got no answer in time.
 */
async function exec_runGitWithin(config, args, timeoutMs, okExitCodes = [0]) {
    const proc = startGit(config, args);
    const chunks = [];
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const read = (async () => {
        for await (const chunk of proc.stdout)
            chunks.push(chunk);
        return proc.exited;
    })();
    // Settled later than a timeout: its failure is no longer news.
    read.catch(() => undefined);
    try {
        const result = await Promise.race([read, timedOut]);
        if (result === 'timeout') {
            proc.stop();
            throw new GitError({
                args,
                exitCode: null,
                reason: `git got no answer from the remote within ${Math.round(timeoutMs / 1000)} s.`,
            });
        }
        const { exitCode, stderr } = result;
        if (exitCode === null || !okExitCodes.includes(exitCode)) {
            throw new GitError({ args, exitCode, stderr });
        }
        return { stdout: Buffer.concat(chunks), stderr, exitCode };
    }
    finally {
        clearTimeout(timer);
        proc.stop();
    }
}

;// CONCATENATED MODULE: ../git/src/log-parser.ts

/**
 * The fields of one `git log` record, in the order of {@link LOG_FORMAT}.
 * Each ends with a NUL, which no commit message, name or email can contain,
 * so hostile text cannot forge a record; git adds a line break after each record.
 */
const LOG_FIELDS = [
    ['sha', '%H'],
    ['parents', '%P'],
    ['authorName', '%an'],
    ['authorEmail', '%ae'],
    ['authoredAt', '%aI'],
    ['committerName', '%cn'],
    ['committerEmail', '%ce'],
    ['committedAt', '%cI'],
    ['subject', '%s'],
    ['body', '%b'],
    // `git interpret-trailers --parse` semantics: only trailers, continuation lines unfolded.
    ['trailers', '%(trailers:only,unfold)'],
    ['message', '%B'],
];
/** The `git log` format the parser reads: every field of {@link CommitFacts}, each followed by NUL. */
const LOG_FORMAT = LOG_FIELDS.map(([, placeholder]) => `${placeholder}%x00`).join('');
/**
 * The `git log` format {@link CommitMessageParser} reads: the sha and the raw
 * message (`%B`), each followed by NUL. About a third of the bytes of
 * {@link LOG_FORMAT}, for readers that need nothing else.
 */
const MESSAGE_LOG_FORMAT = '%H%x00%B%x00';
const NUL = 0;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Strict ISO 8601 as git's `%aI`/`%cI` print it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
/** Output of `git log` or `git patch-id` that does not have the expected shape. */
class LogFormatError extends src/* ReleasePolicyError */.CP {
}
/**
 * Splits a byte stream into NUL-terminated fields. Bytes are decoded up to
 * the last NUL of each chunk at once: a NUL is never part of a multi-byte
 * UTF-8 sequence, so each field decodes as it would alone, and characters
 * split across chunks wait for the rest of their bytes.
 */
class NulFieldSplitter {
    parts = [];
    /** The fields `chunk` completes, decoded, in stream order. */
    split(chunk) {
        const last = chunk.lastIndexOf(NUL);
        if (last === -1) {
            if (chunk.length > 0)
                this.parts.push(chunk);
            return [];
        }
        const head = chunk.subarray(0, last);
        const bytes = this.parts.length === 0 ? head : Buffer.concat([...this.parts, head]);
        this.parts = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
        return bytes.toString('utf8').split('\0');
    }
    /** The bytes after the last NUL, decoded. */
    readRest() {
        return Buffer.concat(this.parts).toString('utf8');
    }
    /** Forgets the bytes after the last NUL. */
    clear() {
        this.parts = [];
    }
}
/**
 * Parses `git log` output of NUL-terminated fields incrementally, a fixed
 * number per record with the sha first: feed it chunks as they arrive, get
 * back each record as soon as it is complete. Memory holds at most one
 * unfinished record.
 */
class LogRecordParser {
    fieldCount;
    convert;
    splitter = new NulFieldSplitter();
    fields = [];
    constructor(fieldCount, convert) {
        this.fieldCount = fieldCount;
        this.convert = convert;
    }
    /** Consumes one chunk and returns the records it completed, in stream order; throws LogFormatError. */
    push(chunk) {
        const done = [];
        for (const field of this.splitter.split(chunk)) {
            // The sha is checked at once, so output of an unexpected shape fails early.
            this.fields.push(this.fields.length === 0 ? readSha(trimLeadingLineBreaks(field)) : field);
            if (this.fields.length === this.fieldCount) {
                done.push(this.convert(this.fields));
                this.fields = [];
            }
        }
        return done;
    }
    /** Checks that the stream ended between records; throws LogFormatError otherwise. */
    end() {
        const rest = this.splitter.readRest();
        if (this.fields.length > 0 || rest.trim() !== '') {
            throw new LogFormatError(`git log output ended inside a commit record (sha ${JSON.stringify(this.fields[0] ?? '')}, ${this.fields.length} of ${this.fieldCount} fields, ${rest.length} trailing characters); expected records of ${this.fieldCount} NUL-terminated fields, the sha first.`);
        }
        this.splitter.clear();
    }
}
/**
 * Parses `git log --format=<LOG_FORMAT>` output incrementally: feed it chunks
 * as they arrive, get back each commit as soon as its record is complete.
 * Multi-byte characters split across chunks decode correctly. Memory holds at
 * most one unfinished record.
 */
class CommitLogParser extends LogRecordParser {
    constructor() {
        super(LOG_FIELDS.length, convertRecord);
    }
}
/**
 * Parses `git log --format=<MESSAGE_LOG_FORMAT>` output incrementally, as
 * {@link CommitLogParser} does: each commit's sha and message, the message
 * with its trailing line breaks removed as in {@link CommitFacts}.
 */
class CommitMessageParser extends LogRecordParser {
    constructor() {
        super(2, (fields) => ({ sha: fields[0] ?? '', message: trimLineBreaks(fields[1] ?? '') }));
    }
}
/** Builds a commit from the fields of one complete record, in the order of LOG_FIELDS. */
function convertRecord(fields) {
    const [sha = '', parents = '', authorName = '', authorEmail = '', authoredAt = ''] = fields;
    const [committerName = '', committerEmail = '', committedAt = '', subject = ''] = fields.slice(5);
    const [body = '', trailers = '', message = ''] = fields.slice(9);
    return {
        sha,
        message: trimLineBreaks(message),
        subject,
        body: trimLineBreaks(body),
        author: { name: authorName, email: authorEmail },
        committer: { name: committerName, email: committerEmail },
        authoredAt: readDate(authoredAt, sha),
        committedAt: readDate(committedAt, sha),
        parents: parents === '' ? [] : parents.split(' ').map(readSha),
        trailers: parseTrailers(trailers),
    };
}
/**
 * Parses git's `%(trailers:only,unfold)` output: one `Key: value` line per
 * trailer. The key never contains `": "` (git keys are letters, digits and
 * `-`), so the first `": "` separates it from the value.
 */
function parseTrailers(text) {
    return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
        const at = line.indexOf(': ');
        return at === -1
            ? { key: line.replace(/:\s*$/, ''), value: '' }
            : { key: line.slice(0, at), value: line.slice(at + 2) };
    });
}
/** The text without trailing `\n` and `\r\n` line breaks (a lone trailing `\r` stays). */
function trimLineBreaks(text) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === LINE_FEED) {
        end -= 1;
        if (text.charCodeAt(end - 1) === CARRIAGE_RETURN)
            end -= 1;
    }
    return end === text.length ? text : text.slice(0, end);
}
/** git ends each record with a line break, so the next record's sha follows one. */
function trimLeadingLineBreaks(text) {
    let start = 0;
    while (text.charCodeAt(start) === LINE_FEED)
        start += 1;
    return start === 0 ? text : text.slice(start);
}
/** Checks one sha of git's output; throws LogFormatError when it is not one. */
function readSha(text) {
    if (!SHA.test(text)) {
        throw new LogFormatError(`git printed ${(0,src/* quoteValue */.cl)(text)} where a commit sha was expected (40 or 64 hex digits, e.g. "3f2a…").`);
    }
    return text;
}
function readDate(text, sha) {
    if (!ISO_DATE.test(text)) {
        throw new LogFormatError(`git log printed ${JSON.stringify(text.slice(0, 80))} as a date of commit ${sha}; expected strict ISO 8601, e.g. "2024-05-01T12:00:00+02:00".`);
    }
    return text;
}

;// CONCATENATED MODULE: ../git/src/log.ts





/**
 * Streams the commits of one `git log` pass, newest first, each parsed as
 * soon as git has printed it; stops git when the reader stops early.
 * @throws GitError for a refused argument, a failing git, or output of an unexpected shape.
 */
async function* streamLog(runner, options) {
    // Stopping this generator early stops the inner one too, which stops git.
    for await (const batch of streamBatches(runner, options, LOG_FORMAT, new CommitLogParser())) {
        yield* batch;
    }
}
/**
 * The sha and message of every commit of one `git log` pass, newest first
 * (at most `maxCount`): git formats and Node decodes nothing else (no people,
 * dates, parents or trailers), about a third of the bytes of {@link streamLog}.
 * Records are parsed as git prints them and collected a chunk at a time,
 * without a step of async iteration per commit.
 * @throws GitError for a refused argument, a failing git, or output of an unexpected shape.
 */
async function listMessages(runner, options) {
    const messages = [];
    const parser = new CommitMessageParser();
    for await (const batch of streamBatches(runner, options, MESSAGE_LOG_FORMAT, parser)) {
        for (const message of batch)
            messages.push(message);
    }
    return messages;
}
/**
 * One `git log --format=<format>` pass over the range: the records each
 * chunk of git's output completes, parsed by `parser`. Stops git when the
 * reader stops early.
 */
async function* streamBatches(runner, options, format, parser) {
    const args = ['-c', 'log.showSignature=false', 'log', `--format=${format}`];
    if (options.maxCount !== undefined)
        args.push(`--max-count=${checkMaxCount(args, options.maxCount)}`);
    args.push('--end-of-options', formatRange(args, options), '--');
    // Literal pathspecs from the top: a path from the policy is never read as a glob or as magic.
    for (const path of options.paths ?? [])
        args.push(`:(top,literal)${path}`);
    const proc = startGit(runner.config, args);
    try {
        for await (const chunk of proc.stdout) {
            const records = parser.push(chunk);
            if (records.length > 0)
                yield records;
        }
        const { exitCode, stderr } = await proc.exited;
        if (exitCode !== 0)
            throw await runner.sharpen(new errors_GitError({ args, exitCode, stderr }));
        parser.end();
    }
    catch (error) {
        throw convertFormatError(error, args);
    }
    finally {
        // Also reached when the reader stops early: git must not keep running.
        proc.stop();
    }
}
/**
 * A LogFormatError as the GitError of the command whose output it was
 * (callers handle GitErrors only); any other error unchanged.
 */
function convertFormatError(error, args) {
    if (!(error instanceof LogFormatError))
        return error;
    return new errors_GitError({ args, exitCode: null, stderr: error.message }, { cause: error });
}
function checkMaxCount(args, maxCount) {
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
        throw new errors_GitError({
            args,
            exitCode: null,
            kind: 'invalid-argument',
            reason: `maxCount must be a non-negative integer, e.g. 100; got ${(0,src/* quoteValue */.cl)(String(maxCount))}.`,
        });
    }
    return maxCount;
}

;// CONCATENATED MODULE: ../git/src/commit-lists.ts






/**
 * The sha and subject of every commit in `from..to` (merges included),
 * newest first, in one `git log` that reads no message body, trailer or
 * diff: a long range costs only its walk.
 * @throws GitError for a refused revision, a failing git, or output of an unexpected shape.
 */
async function readSubjects(runner, range) {
    const args = ['-c', 'log.showSignature=false', 'log', '--format=%H%x00%s%x00'];
    args.push('--end-of-options', formatRange(args, range), '--');
    const { stdout } = await runner.run(args);
    // Each record is `<sha> NUL <subject> NUL`, records separated by a line break; a subject holds neither.
    const fields = stdout.toString('utf8').split('\0');
    const commits = [];
    try {
        for (let i = 0; i + 1 < fields.length; i += 2) {
            commits.push({
                sha: readSha((fields[i] ?? '').replace(/^\n/, '')),
                subject: fields[i + 1] ?? '',
            });
        }
        const rest = fields.length % 2 === 1 ? (fields.at(-1) ?? '') : 'an unfinished record';
        if (rest.trim() !== '') {
            throw new LogFormatError(`git log ended with ${JSON.stringify(rest.slice(0, 80))}; expected records of a sha and a subject, each ending with NUL.`);
        }
    }
    catch (error) {
        throw convertFormatError(error, args);
    }
    return commits;
}
/**
 * The paths each of `commits` (full shas) changes, as git's tree diff sees
 * them without rename detection (a rename changes its old and its new path):
 * commit sha → paths. One `git log --name-only --no-walk` for all of them,
 * read from standard input; merges are skipped and have no entry, a commit
 * that changes nothing has an empty list.
 * @throws GitError for a commit that is not a full sha, a failing git, or output of an unexpected shape.
 */
async function readChangedPaths(runner, commits) {
    const changed = new Map();
    if (commits.length === 0)
        return changed;
    const args = ['-c', 'log.showSignature=false', 'log', '--format=%x00%H', '--name-only'];
    args.push('--no-renames', '--no-relative', '--root', '-z', '--no-merges');
    const input = formatStdinRevisions(args, { commits });
    args.push('--stdin', '--no-walk=unsorted', '--');
    const { stdout } = await runGit(runner.config, args, [0], external_node_stream_.Readable.from([input ?? ''])).catch(async (error) => {
        throw error instanceof errors_GitError ? await runner.sharpen(error) : error;
    });
    try {
        collectChangedPaths(stdout.toString('utf8'), changed);
    }
    catch (error) {
        throw convertFormatError(error, args);
    }
    return changed;
}
/**
 * Reads `--format=%x00%H --name-only -z` output: per commit an empty field,
 * its sha, then its paths, each field ending with NUL; git puts a line break
 * before a commit's first path. A path is never empty, so an empty field
 * always starts a commit.
 */
function collectChangedPaths(text, changed) {
    const fields = text.split('\0');
    let paths;
    let first = false;
    for (let i = 0; i < fields.length; i += 1) {
        const field = fields[i] ?? '';
        if (field === '') {
            if (i === fields.length - 1)
                break;
            i += 1;
            paths = [];
            changed.set(readSha(fields[i] ?? ''), paths);
            first = true;
        }
        else if (paths === undefined) {
            throw new LogFormatError(`git log printed ${JSON.stringify(field.slice(0, 80))} before any commit; expected NUL and a commit sha first.`);
        }
        else {
            paths.push(first && field.startsWith('\n') ? field.slice(1) : field);
            first = false;
        }
    }
}

;// CONCATENATED MODULE: ../git/src/history.ts
/**
 * A complete history for the version check: a shallow clone (a CI checkout
 * with depth 1) hides release tags and commits, which would turn a failure
 * into a pass. It is deepened from its remote when possible, with the
 * checkout's own credentials; otherwise the run stops with the exact fix.
 */


/** How long fetching the missing history may take before the run gives up. */
const FETCH_TIMEOUT_MS = 120_000;
/** The history is incomplete and could not be completed: the message says how to. */
class IncompleteHistoryError extends src/* ReleasePolicyError */.CP {
}
/** The fix for a person, or for a workflow, as one sentence with the exact command or setting. */
function describeFix(remote, advice) {
    if (advice === 'action') {
        return ('Check out the whole history and the tags: actions/checkout with "fetch-depth: 0" ' +
            '(and keep persist-credentials on, or fetch them yourself, e.g. git fetch --unshallow --tags origin). See docs/git.md#shallow-clone');
    }
    return `Fetch it, then run the check again: git fetch --unshallow --tags ${(0,src/* quoteShellArgument */.qK)(remote)}. See docs/git.md#shallow-clone`;
}
/**
 * Makes sure the clone is not shallow: when it is, fetches the rest of the
 * history and every tag from `remote` (`git fetch --unshallow --tags`, no
 * prompt, bounded by a timeout). Returns whether it fetched.
 *
 * @throws IncompleteHistoryError when the clone stays shallow (no such remote, the fetch failed or timed out)
 */
async function completeHistory(input) {
    if (!(await input.isShallow()))
        return { status: 'complete' };
    const remote = input.remote ?? 'origin';
    const cut = 'The clone is shallow (its history is cut off), so release tags and commits since the last release may be missing and the version check could pass where it should fail.';
    if ((await input.readRemoteUrl(remote)) === undefined) {
        throw new IncompleteHistoryError(`${cut} It has no remote ${(0,src/* quoteShellArgument */.qK)(remote)} to fetch the rest from. ${describeFix(remote, input.advice)}`);
    }
    const failure = await fetchHistory(input.config, remote, input.timeoutMs ?? FETCH_TIMEOUT_MS);
    if (failure === undefined && !(await input.isShallow()))
        return { status: 'fetched', remote };
    throw new IncompleteHistoryError(`${cut} Fetching the rest from ${(0,src/* quoteShellArgument */.qK)(remote)} failed: ${failure ?? 'the clone is still shallow'}. ${describeFix(remote, input.advice)}`);
}
/** Runs the fetch; undefined on success, else why it failed (git's message, cut short). */
async function fetchHistory(config, remote, timeoutMs) {
    const proc = startGit(config, [
        'fetch',
        '--unshallow',
        '--tags',
        '--quiet',
        '--no-recurse-submodules',
        '--end-of-options',
        remote,
    ]);
    proc.stdout.resume();
    let timer;
    const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
        const result = await Promise.race([proc.exited, timedOut]);
        if (result === 'timeout') {
            proc.stop();
            return `no answer within ${Math.round(timeoutMs / 1000)} s`;
        }
        if (result.exitCode === 0)
            return undefined;
        const lines = result.stderr.trim().split(/\r?\n/);
        // git's "fatal:" line names the cause; the lines after it are general advice.
        const said = lines.find((line) => line.startsWith('fatal:')) ?? lines.at(-1) ?? '';
        return `git exited with ${result.exitCode ?? 'a signal'}${said ? ` (${(0,src/* truncateText */.lm)(said, 200)})` : ''}`;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ../git/src/patch-ids.ts






/**
 * Options that keep the patch text independent of the user's configuration
 * where it would change the id or the format: no colors, external diff
 * drivers or text conversion, the standard `a/` `b/` prefixes, the whole
 * tree (not only the current directory) and the root commit's patch.
 */
const PATCH_OPTIONS = [
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--full-index',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--root',
];
/**
 * Streams `git log -p --no-merges --format=%H <range>` (or the commits and
 * paths of the options) into one `git patch-id --stable` and collects its
 * answer: commit sha → patch id. Two processes for the whole range, never
 * one per commit; the patches are never held in memory.
 * @throws GitError for a refused revision or path, a failing git, or output of an unexpected shape.
 */
async function readPatchIds(runner, options) {
    // Nothing to read: no commit asked for, or no path a commit could change.
    if (options.commits?.length === 0 || options.paths?.length === 0)
        return new Map();
    const logArgs = ['-c', 'log.showSignature=false', 'log', '-p', '--no-merges', '--format=%H'];
    logArgs.push(...PATCH_OPTIONS, ...(options.zeroContext === true ? ['-U0'] : []));
    if (options.paths !== undefined)
        logArgs.push('--full-history', '--full-diff');
    const input = formatStdinRevisions(logArgs, options);
    if (input !== undefined)
        logArgs.push('--stdin');
    if (options.commits === undefined) {
        logArgs.push('--end-of-options', formatRange(logArgs, options), '--');
    }
    else {
        logArgs.push('--no-walk=unsorted', '--');
    }
    const idArgs = ['patch-id', '--stable'];
    const log = startGit(runner.config, logArgs, input === undefined ? undefined : external_node_stream_.Readable.from([input]));
    const patchId = startGit(runner.config, idArgs, log.stdout);
    try {
        const ids = await collectPatchIds(patchId.stdout).catch((error) => {
            throw convertFormatError(error, idArgs);
        });
        // patch-id first: when it fails, log dies of the broken pipe, which says less.
        const idEnd = await patchId.exited;
        if (idEnd.exitCode !== 0)
            throw new errors_GitError({ args: idArgs, ...idEnd });
        const logEnd = await log.exited;
        if (logEnd.exitCode !== 0) {
            throw await runner.sharpen(new errors_GitError({ args: logArgs, ...logEnd }));
        }
        return ids;
    }
    finally {
        // Reached on failure too: neither git may keep running.
        log.stop();
        patchId.stop();
    }
}
/** Reads `git patch-id` output, one `<patch id> <commit sha>` line per commit with a non-empty patch. */
async function collectPatchIds(stdout) {
    const ids = new Map();
    let rest = '';
    const take = (line) => {
        const [id = '', sha = '', extra] = line.split(' ');
        if (extra !== undefined) {
            throw new LogFormatError(`git patch-id printed ${JSON.stringify(line.slice(0, 200))}; expected "<patch id> <commit sha>".`);
        }
        ids.set(readSha(sha), readSha(id));
    };
    stdout.setEncoding('utf8');
    for await (const chunk of stdout) {
        const lines = (rest + String(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines)
            if (line !== '')
                take(line);
    }
    if (rest !== '')
        take(rest);
    return ids;
}

;// CONCATENATED MODULE: ../git/src/runner.ts


/** Creates the runner every Git method goes through. Nothing runs until a method is called. */
function runner_createGitRunner(config) {
    // A clone only stops being shallow (nothing here makes one shallow): a "no" is remembered.
    let complete = false;
    const isShallow = async () => {
        if (complete)
            return false;
        const { stdout } = await runGit(config, ['rev-parse', '--is-shallow-repository']);
        const shallow = stdout.toString('utf8').trim() === 'true';
        complete = !shallow;
        return shallow;
    };
    const hasCommits = async () => (await runGit(config, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], [0, 1]))
        .exitCode === 0;
    const sharpen = (error) => sharpenGitError(error, { isShallow, hasCommits });
    const run = async (args, okExitCodes) => {
        try {
            return await runGit(config, args, okExitCodes);
        }
        catch (error) {
            throw await sharpen(error);
        }
    };
    const text = async (args) => (await run(args)).stdout.toString('utf8').replace(/\r?\n$/, '');
    // HEAD may move between calls (a long-lived adapter), so each call asks; the same process
    // says whether the clone is shallow, and a "no" spares the later isShallow its own.
    const currentBranch = async () => {
        const probed = await probeHead(config);
        if (probed === undefined)
            return readBranchName(await readSymbolicHead(run));
        if (!probed.shallow)
            complete = true;
        return readBranchName(probed.ref);
    };
    return { config, run, text, isShallow, currentBranch, sharpen };
}
/**
 * Asks whether the clone is shallow and where HEAD points in one process;
 * undefined when git cannot say so (no commit yet, no repository): the
 * single-purpose commands then answer, or fail with the usual GitError.
 */
async function probeHead(config) {
    const args = ['rev-parse', '--is-shallow-repository', '--symbolic-full-name', 'HEAD', '--'];
    const result = await runGit(config, args, [0, 128]);
    if (result.exitCode !== 0)
        return undefined;
    const [shallow, ref] = result.stdout.toString('utf8').split('\n');
    if ((shallow !== 'true' && shallow !== 'false') || ref === undefined || ref === '') {
        return undefined;
    }
    return { shallow: shallow === 'true', ref };
}
/** The ref HEAD points at, read without resolving it (works before the first commit); undefined when detached. */
async function readSymbolicHead(run) {
    const result = await run(['symbolic-ref', '--quiet', 'HEAD'], [0, 1]);
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
/** The branch name of a full ref; undefined for a detached HEAD or a ref outside `refs/heads/`. */
function readBranchName(ref) {
    return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
/**
 * Gives an unknown-revision failure a better hint: in a repository without
 * commits no revision exists at all; in a shallow clone the revision is most
 * likely cut off.
 */
async function sharpenGitError(error, probe) {
    if (!(error instanceof errors_GitError) || error.kind !== 'unknown-revision')
        return error;
    let kind;
    // A failing probe leaves the error as it is: the original message is still right.
    if (!(await probe.hasCommits().catch(() => true)))
        kind = 'no-commits';
    else if (await probe.isShallow().catch(() => false))
        kind = 'shallow';
    if (kind === undefined)
        return error;
    return new errors_GitError({ args: error.args, exitCode: error.exitCode, stderr: error.stderr, kind }, { cause: error.cause });
}

;// CONCATENATED MODULE: ../git/src/git.ts







/** Creates a Git for the working tree that contains `cwd`. Nothing runs until a method is called. */
function git_createGit(options) {
    const runner = runner_createGitRunner({
        cwd: options.cwd,
        gitBinary: options.gitBinary ?? 'git',
        env: options.env ?? process.env,
    });
    const revParse = (rev) => resolveCommit(runner, rev);
    return {
        cwd: options.cwd,
        root: () => runner.text(['rev-parse', '--show-toplevel']),
        currentBranch: runner.currentBranch,
        revParse,
        isShallow: runner.isShallow,
        listTags: (tagOptions = {}) => listTags(runner, tagOptions.mergedInto),
        listTagCommits: (tagOptions = {}) => listTagCommits(runner, tagOptions.mergedInto),
        log: (logOptions = {}) => streamLog(runner, logOptions),
        listMessages: (logOptions = {}) => listMessages(runner, logOptions),
        patchIds: (patchOptions = {}) => readPatchIds(runner, patchOptions),
        listSubjects: (range) => readSubjects(runner, range),
        listChangedPaths: (commits) => readChangedPaths(runner, commits),
        mergeBase: (a, b) => readMergeBase(runner, a, b),
        isAncestor: (ancestor, rev) => checkAncestor(runner, ancestor, rev),
        listCommits: (range) => listCommits(runner, range),
        readFileAt: (rev, path) => readFileAt(runner, rev, path),
        readBlobAt: (rev, path, maxBytes) => readBlobAt(runner, rev, path, maxBytes),
        readRemoteUrl: (name) => readRemoteUrl(runner, name),
        listBranches: () => listBranches(runner),
        completeHistory: (historyOptions) => completeHistory({
            ...historyOptions,
            config: runner.config,
            isShallow: runner.isShallow,
            readRemoteUrl: (name) => readRemoteUrl(runner, name),
        }),
    };
}
async function resolveCommit(runner, rev) {
    const args = ['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`];
    arguments_checkArgument(args, rev, 'revision');
    return runner.text(args);
}
async function readMergeBase(runner, a, b) {
    const args = ['merge-base', '--end-of-options', a, b];
    arguments_checkArgument(args, a, 'revision');
    arguments_checkArgument(args, b, 'revision');
    // Exit 1 with no output: the histories share no commit.
    const result = await runner.run(args, [0, 1]);
    const sha = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && sha !== '' ? sha : undefined;
}
async function checkAncestor(runner, ancestor, rev) {
    const args = ['merge-base', '--is-ancestor', '--end-of-options', ancestor, rev];
    arguments_checkArgument(args, ancestor, 'revision');
    arguments_checkArgument(args, rev, 'revision');
    // Exit 0: an ancestor; 1: not one; anything else (a missing revision) is a GitError.
    const result = await runner.run(args, [0, 1]);
    return result.exitCode === 0;
}
async function listCommits(runner, range) {
    const args = ['rev-list'];
    args.push('--end-of-options', formatRange(args, range), '--');
    const { stdout } = await runner.run(args);
    return stdout
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '');
}
async function listTags(runner, mergedInto) {
    const args = ['for-each-ref', '--format=%(refname)%00'];
    if (mergedInto !== undefined) {
        arguments_checkArgument(args, mergedInto, 'revision');
        args.push(`--merged=${mergedInto}`);
    }
    args.push('refs/tags');
    const { stdout } = await runner.run(args);
    return parseRefNames(stdout, 'refs/tags/');
}
async function listBranches(runner) {
    const { stdout } = await runner.run([
        'for-each-ref',
        '--format=%(refname)%00',
        'refs/heads',
        'refs/remotes',
    ]);
    const local = parseRefNames(stdout, 'refs/heads/').filter((n) => !n.startsWith('refs/'));
    const remote = parseRefNames(stdout, 'refs/remotes/').filter((n) => !n.startsWith('refs/') && !n.endsWith('/HEAD'));
    return [...local, ...remote].sort();
}
async function listTagCommits(runner, mergedInto) {
    const args = ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)%00'];
    if (mergedInto !== undefined) {
        arguments_checkArgument(args, mergedInto, 'revision');
        args.push(`--merged=${mergedInto}`);
    }
    args.push('refs/tags');
    const { stdout } = await runner.run(args);
    const fields = stdout.toString('utf8').split('\0');
    const tags = new Map();
    for (let i = 0; i + 2 < fields.length; i += 3) {
        const name = (fields[i] ?? '').replace(/^\n/, '').slice('refs/tags/'.length);
        // An annotated tag's own object is the tag; `*objectname` is the commit it points at.
        tags.set(name, fields[i + 2] || (fields[i + 1] ?? ''));
    }
    return tags;
}
async function readFileAt(runner, rev, path) {
    const blob = await readBlobAt(runner, rev, path);
    return blob?.bytes?.toString('utf8');
}
/**
 * The blob at `rev:path`: its bytes when it is at most `maxBytes`, else only
 * its size (nothing read); undefined when there is no such file.
 */
async function readBlobAt(runner, rev, path, maxBytes = Number.POSITIVE_INFINITY) {
    const object = `${rev}:${path}`;
    const typeArgs = ['cat-file', '-t', '--end-of-options', object];
    arguments_checkArgument(typeArgs, rev, 'revision');
    arguments_checkArgument(typeArgs, path, 'path');
    await resolveCommit(runner, rev);
    const type = await runner.run(typeArgs, [0, 128]);
    if (type.exitCode !== 0) {
        if (/does not exist in|exists on disk, but not in/i.test(type.stderr))
            return undefined;
        throw await runner.sharpen(new errors_GitError({ args: typeArgs, exitCode: type.exitCode, stderr: type.stderr }));
    }
    if (type.stdout.toString('utf8').trim() !== 'blob')
        return undefined;
    const size = Number((await runner.text(['cat-file', '-s', '--end-of-options', object])).trim());
    if (size > maxBytes)
        return { size };
    const { stdout } = await runner.run(['show', '--no-textconv', '--end-of-options', object]);
    return { size, bytes: stdout };
}
async function readRemoteUrl(runner, name) {
    // `git config --get` exits 1 when the key is unset: no such remote (or one without a URL).
    const result = await runner.run(['config', '--get', `remote.${name}.url`], [0, 1]);
    const url = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && url ? url : undefined;
}
/** Splits `%(refname)%00` output into names without `prefix`. */
function parseRefNames(stdout, prefix) {
    return stdout
        .toString('utf8')
        .split('\0')
        .map((name) => name.replace(/^\n/, ''))
        .filter((name) => name !== '')
        .map((name) => (name.startsWith(prefix) ? name.slice(prefix.length) : name));
}

;// CONCATENATED MODULE: ../git/src/release-notes.ts
/**
 * Reads what one release's notes are made from: the commits between the
 * previous release tag of the line and the target ref, and the version.
 */

/**
 * Gathers the range of one release's notes: `to` (default HEAD), `from`
 * (default the previous stable release of the line before `to`'s version,
 * among the tags reachable from `to`), and the commits between them.
 *
 * @throws UsageError when `from` is not an ancestor of `to` (`--from` after `--to`)
 * @throws GitError when a ref does not exist
 */
async function gatherReleaseRange(input) {
    const { git, policy } = input;
    const to = input.to ?? 'HEAD';
    // Every tag, not only those reachable from `to`: listing those walks the whole history.
    const [tags] = await Promise.all([git.listTags(), git.revParse(to)]);
    const tag = tags.includes(to) && (0,src/* parseReleaseTag */.rE)(to, policy) ? to : undefined;
    const version = input.version ?? (tag ? (0,src/* parseReleaseTag */.rE)(tag, policy)?.version : undefined);
    const anchor = tag ?? (version ? `${policy.versioning.tagPrefix[0] ?? ''}${version}` : undefined);
    const from = input.from ??
        (await findReachableTag(git, (0,src/* rankPreviousReleaseTags */.Kz)({ tags, pushedTag: anchor }, policy), to));
    if (input.from !== undefined)
        await checkOrder(git, input.from, to);
    const commits = [];
    for await (const commit of git.log(from === undefined ? { to } : { from, to }))
        commits.push(commit);
    return {
        ...(from !== undefined ? { from } : {}),
        to,
        ...(tag !== undefined ? { tag } : {}),
        ...(version !== undefined ? { version } : {}),
        commits,
        tags,
    };
}
/** Candidates tested one by one before one walk lists every tag reachable from `to`. */
const SINGLE_CHECKS = 3;
/**
 * The first of `ranked` whose commit is reachable from `to`: the previous
 * release `planVersionCheck` picks among the tags reachable from `to` (its
 * candidates, in its order, are `ranked`). The usual answer is the first
 * candidate, one short `merge-base --is-ancestor`; after a few candidates
 * that are not reachable (releases of other lines), one
 * `for-each-ref --merged` answers for the rest.
 */
async function findReachableTag(git, ranked, to) {
    for (const candidate of ranked.slice(0, SINGLE_CHECKS)) {
        if (await git.isAncestor(`refs/tags/${candidate}`, to))
            return candidate;
    }
    if (ranked.length <= SINGLE_CHECKS)
        return undefined;
    const reachable = new Set(await git.listTags({ mergedInto: to }));
    return ranked.slice(SINGLE_CHECKS).find((candidate) => reachable.has(candidate));
}
/**
 * @throws UsageError when `from` has commits `to` lacks: the range would be empty or wrong.
 */
async function checkOrder(git, from, to) {
    await git.revParse(from);
    for await (const commit of git.log({ from: to, to: from, maxCount: 1 })) {
        throw new src/* UsageError */.eb(`--from ${(0,src/* quoteValue */.cl)(from)} is not an ancestor of --to ${(0,src/* quoteValue */.cl)(to)}: commit ${commit.sha.slice(0, 7)} ` +
            'is in --from but not in --to. Give the older release first, e.g. --from v1.3.0 --to v1.4.0. See docs/cli.md#changelog');
    }
}
/**
 * The range of every release in the history, newest first, from one `git log`
 * pass: walking the commits newest first, each commit belongs to the release
 * whose tag was met last (the commits above the newest tag to `version`,
 * when given). Several release tags on one commit: the highest version gets
 * the commits. Like `conventional-changelog -r 0`, on a linear history.
 *
 * @throws GitError when `to` does not exist
 */
async function gatherAllReleases(input) {
    const { git, policy } = input;
    const to = input.to ?? 'HEAD';
    const byCommit = new Map();
    const releases = [...(await git.listTagCommits({ mergedInto: to }))]
        .flatMap(([tag, sha]) => {
        const parsed = (0,src/* parseReleaseTag */.rE)(tag, policy);
        return parsed ? [{ tag, sha, parsed }] : [];
    })
        .sort((a, b) => (0,src/* compareVersions */.Zy)(a.parsed, b.parsed));
    for (const release of releases)
        byCommit.set(release.sha, { tag: release.tag, version: release.parsed.version });
    const ranges = [];
    let current = input.version !== undefined ? { to, version: input.version, commits: [] } : undefined;
    const every = Math.max(1, input.progressEvery ?? 1000);
    let read = 0;
    for await (const commit of git.log({ to })) {
        const tagged = byCommit.get(commit.sha);
        if (tagged) {
            if (current)
                ranges.push({ ...current, from: tagged.tag });
            current = { to: tagged.tag, tag: tagged.tag, version: tagged.version, commits: [] };
        }
        current?.commits.push(commit);
        read += 1;
        if (read % every === 0)
            input.onProgress?.({ commits: read, releases: ranges.length });
    }
    if (current)
        ranges.push(current);
    return ranges;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ../git/src/changelog-file.ts
/**
 * Reads and writes the changelog file: strict UTF-8, and atomic writes (a
 * temporary file beside it, then a rename), so a failed run leaves the old
 * file whole. The text itself is computed by core's `insertReleaseNotes`.
 */




/** The largest changelog read: far above a long project's (100,000 lines is about 8 MB). */
const MAX_CHANGELOG_BYTES = 32 * 1024 * 1024;
/**
 * The changelog's absolute path for the policy's `changelog.file` inside the
 * repository at `root`: a relative path without `..`, whose folder (after
 * symbolic links) is inside the repository and not inside `.git`.
 * @throws ChangelogFileError naming the path and what a changelog path is
 */
async function resolveChangelogPath(root, file) {
    const problem = explainVersionFilePath(file);
    const teach = `The changelog is a file inside the repository, e.g. changelog.file: CHANGELOG.md; the file was left untouched.`;
    if (problem !== undefined) {
        throw new ChangelogFileError(`changelog.file ${quoteValue(file)} ${problem}. ${teach}`);
    }
    const path = join(root, file);
    const [realRoot, realFolder] = await Promise.all([
        realpath(root),
        realpath(dirname(path)).catch(() => undefined),
    ]);
    // A folder that does not exist yet is created inside the repository by the write.
    if (realFolder === undefined)
        return path;
    const inside = relative(realRoot, realFolder);
    if (isAbsolute(inside) ||
        inside === '..' ||
        inside.startsWith(`..${sep}`) ||
        inside.split(sep).includes('.git')) {
        throw new ChangelogFileError(`changelog.file ${quoteValue(file)} is in a folder that leads outside the repository (a symbolic link) or into .git. ${teach}`);
    }
    return path;
}
/** Reads at most `limit + 1` bytes of an open file. */
async function readBounded(handle, limit) {
    const buffer = Buffer.alloc(Math.min(limit + 1, (await handle.stat()).size + 1));
    let length = 0;
    while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0)
            break;
        length += bytesRead;
    }
    return length > limit ? undefined : buffer.subarray(0, length);
}
/** The error code of a failed system call, if any. */
function readErrorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/**
 * The changelog's bytes: a regular file (never through a symbolic link, a
 * FIFO or a device), at most {@link MAX_CHANGELOG_BYTES}; undefined when absent.
 */
async function readChangelogBytes(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = readErrorCode(error);
        if (code === 'ENOENT')
            return undefined;
        const why = code === 'ELOOP' || code === 'EMLINK'
            ? 'it is a symbolic link; a changelog is a regular file, and a link is never followed'
            : `it cannot be opened (${code ?? 'error'})`;
        throw new src/* ChangelogFileError */.hz(`${(0,src/* quoteValue */.cl)(path)} was not read: ${why}. The file was left untouched.`, {
            cause: error,
        });
    }
    try {
        const info = await handle.stat();
        if (!info.isFile()) {
            throw new src/* ChangelogFileError */.hz(`${(0,src/* quoteValue */.cl)(path)} is not a regular file (a folder, a FIFO or a device), so no release notes were added to it.`);
        }
        const bytes = await readBounded(handle, MAX_CHANGELOG_BYTES);
        if (bytes === undefined) {
            throw new src/* ChangelogFileError */.hz(`${(0,src/* quoteValue */.cl)(path)} is larger than ${MAX_CHANGELOG_BYTES} bytes, so it was not read. Move older releases to another file; the file was left untouched.`);
        }
        return bytes;
    }
    finally {
        await handle.close();
    }
}
/**
 * The changelog's text, `''` when the file does not exist.
 * @throws ChangelogFileError when the file is a link, not a regular file, too large or not UTF-8
 */
async function readChangelogFile(path) {
    // A missing file is a changelog without releases yet.
    const bytes = await readChangelogBytes(path);
    if (bytes === undefined)
        return '';
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch (error) {
        throw new src/* ChangelogFileError */.hz(`${(0,src/* quoteValue */.cl)(path)} is not UTF-8 text, so the release notes cannot be added to it safely. ` +
            'Convert it to UTF-8 (e.g. iconv -f latin1 -t utf-8) and commit it; the file was left untouched.', { cause: error });
    }
}
/**
 * Puts one release's notes into the changelog at `path` (see core's
 * `insertReleaseNotes`) and writes it atomically; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8 or has conflict markers (the file is untouched)
 */
async function writeChangelogFile(path, version, notes, label = (0,external_node_path_.basename)(path)) {
    return writeReleasesToChangelog(path, [{ version, notes }], label);
}
/**
 * Puts several releases' notes into the changelog at `path`, in the order
 * given (oldest first ends with the newest on top), with one read and one
 * atomic write; returns the new text.
 * @throws ChangelogFileError when the file is not UTF-8 or has conflict markers (the file is untouched)
 */
async function writeReleasesToChangelog(path, releases, label = (0,external_node_path_.basename)(path)) {
    let text = await readChangelogFile(path);
    for (const release of releases)
        text = (0,src/* insertReleaseNotes */.EO)(text, release.version, release.notes, label);
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${Date.now()}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, text, 'utf8');
        await (0,promises_.rename)(temporary, path);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
    return text;
}

;// CONCATENATED MODULE: ../git/src/files.ts



/** Where version files are documented. */
const VERSION_FILES_DOCS = 'docs/policy.md#versioning';
/** The largest version file read from disk, in bytes. */
const MAX_VERSION_FILE_BYTES = 1024 * 1024;
/** A version file could not be read safely: outside the working tree, not a regular file, or too large. */
class FileAccessError extends src/* ReleasePolicyError */.CP {
    /** The path as given by the policy. */
    file;
    constructor(file, message, options) {
        super(message, options);
        this.file = file;
    }
}
/**
 * Checks a policy's version-file path before anything is read. Returns a
 * teaching problem, or undefined when the path is a plain relative path that
 * stays inside the working tree (no `..` segment, not absolute).
 */
function checkRelativePath(path) {
    const problem = (0,src/* explainVersionFilePath */.zf)(path);
    if (problem === undefined)
        return undefined;
    return (`The version file path ${JSON.stringify(path)} ${problem}; expected a path relative to the ` +
        `repository root, e.g. "package.json" or "packages/app/package.json". See ${VERSION_FILES_DOCS}`);
}
/**
 * Reads `path` (relative, already checked with `checkRelativePath`) from the
 * working tree under `root`. Returns undefined when the file does not exist.
 * Throws FileAccessError when the real path (after symbolic links) leaves
 * `root`, is not a regular file, or is larger than MAX_VERSION_FILE_BYTES:
 * file contents end up in messages, so a link to e.g. a secrets file must not
 * be followed.
 */
async function readFileInside(root, path) {
    const quoted = JSON.stringify(path);
    let real;
    try {
        real = await (0,promises_.realpath)(external_node_path_.resolve(root, path));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw new FileAccessError(path, `Could not resolve the version file ${quoted}: ${error.message}`, {
            cause: error,
        });
    }
    const realRoot = await (0,promises_.realpath)(root);
    const inside = external_node_path_.relative(realRoot, real);
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(inside)) {
        throw new FileAccessError(path, `The version file ${quoted} is a symbolic link that leads outside the working tree, so it was not read; point the policy at a regular file inside the repository, e.g. "package.json". See ${VERSION_FILES_DOCS}`);
    }
    const info = await (0,promises_.stat)(real);
    if (!info.isFile()) {
        throw new FileAccessError(path, `The version file ${quoted} is not a regular file (a directory?); expected a file such as "package.json". See ${VERSION_FILES_DOCS}`);
    }
    if (info.size > MAX_VERSION_FILE_BYTES) {
        throw new FileAccessError(path, `The version file ${quoted} is ${info.size} bytes, larger than the ${MAX_VERSION_FILE_BYTES}-byte limit for version files; point the policy at the small file that declares the version. See ${VERSION_FILES_DOCS}`);
    }
    return (0,promises_.readFile)(real, 'utf8');
}

;// CONCATENATED MODULE: ../git/src/facts.ts



/** The most commits gathered when there is no previous release tag to start from. */
const MAX_COMMITS = 10_000;
/**
 * Finds the branch under test with core's `resolveBranchUnderTest` (the
 * actions ask the same function): the explicit `branch`, else the runner
 * environment (pull request: GITHUB_HEAD_REF with base GITHUB_BASE_REF;
 * push: GITHUB_REF `refs/heads/...`), else the checked-out branch. The base
 * is the explicit `base`, or GITHUB_BASE_REF when the branch checked is the
 * pull request's head. Returns undefined when there is no branch (detached
 * HEAD, e.g. a tag push).
 */
async function gatherBranchFacts(input) {
    const env = input.env ?? process.env;
    const signals = {
        branch: input.branch,
        base: input.base,
        pullRequest: env.GITHUB_HEAD_REF
            ? { head: env.GITHUB_HEAD_REF, base: env.GITHUB_BASE_REF ?? '' }
            : undefined,
        pushedRef: env.GITHUB_REF,
    };
    // The checkout is asked only when nothing else names the branch.
    return ((0,src/* resolveBranchUnderTest */.Ls)(signals) ??
        (0,src/* resolveBranchUnderTest */.Ls)({ ...signals, checkedOut: await input.git.currentBranch() }));
}
/** The tag being pushed (full name, with its prefix) from GITHUB_REF `refs/tags/...`; undefined otherwise. */
function readPushedTag(env = process.env) {
    const ref = env.GITHUB_REF;
    if (ref === undefined || !ref.startsWith('refs/tags/'))
        return undefined;
    return nonEmpty(ref.slice('refs/tags/'.length));
}
/**
 * Gathers everything the version rules need. Sources, in order: the input
 * version, each policy version file (missing optional files are skipped;
 * a missing required file, an unreadable file, a file without a version or a
 * path leaving `cwd` becomes a file problem), the branch's version, the pushed
 * tag. Then every tag (on a tag push also those before the pushed one in
 * history), the previous release tag (core's `planVersionCheck`),
 * the commits since it (all history up to `maxCommits` when there is none;
 * each commit read here has its sha and message only, what the version rules
 * read), and whether the clone is shallow. Problems with files are collected, never
 * thrown; git failures other than an unborn HEAD are thrown as GitError.
 */
async function gatherVersionFacts(input) {
    const { git, policy } = input;
    const repair = input.complete ? await git.completeHistory({ advice: input.complete }) : undefined;
    const sources = [];
    const declared = nonEmpty(input.inputVersion);
    if (declared !== undefined)
        sources.push({ kind: 'input', value: declared, label: 'version input' });
    const [tags, shallow] = await Promise.all([
        input.tags !== undefined ? [...input.tags] : git.listTags(),
        git.isShallow(),
    ]);
    const read = input.readFile ?? ((path) => readFileInside(input.cwd, path));
    const fileProblems = [];
    for (const spec of policy.versioning.files) {
        const { source, problem } = await readVersionFile(spec, read);
        if (source !== undefined)
            sources.push(source);
        if (problem !== undefined)
            fileProblems.push(problem);
    }
    let branchClass;
    if (input.branch !== undefined) {
        branchClass = (0,src/* classifyBranch */.n4)(input.branch.name, policy);
        const source = (0,src/* collectBranchVersionSource */.sq)(branchClass);
        if (source !== undefined)
            sources.push(source);
    }
    const pushedTag = nonEmpty(input.pushedTag);
    if (pushedTag !== undefined)
        sources.push((0,src/* collectTagVersionSource */.yE)(pushedTag, policy));
    // A re-run of an old tag's job must not compare it with later releases: only tags before it count.
    const tagsBeforePushed = pushedTag !== undefined && tags.includes(pushedTag)
        ? await git.listTags({ mergedInto: `refs/tags/${pushedTag}` })
        : undefined;
    const { previousTag } = (0,src/* planVersionCheck */.ah)({ tags, branch: branchClass, pushedTag }, policy);
    const { commits, history } = await gatherCommits(git, previousTag, input.maxCommits ?? MAX_COMMITS, input.read && input.read.since === previousTag ? input.read.commits : undefined);
    // A shallow clone is reported by the version-bump rule from `shallow`; no note here.
    const facts = { sources, tags, shallow };
    if (repair?.status === 'fetched')
        facts.history = { ...history, fetchedFrom: repair.remote };
    else if (history !== undefined)
        facts.history = history;
    if (fileProblems.length > 0)
        facts.fileProblems = fileProblems;
    if (pushedTag !== undefined)
        facts.pushedTag = pushedTag;
    if (tagsBeforePushed !== undefined)
        facts.tagsBeforePushed = tagsBeforePushed;
    if (commits !== undefined)
        facts.commits = commits;
    if (previousTag !== undefined)
        facts.previousTag = previousTag;
    return facts;
}
/** One policy version file as a source or a problem (neither: a missing optional file). */
async function readVersionFile(spec, read) {
    const file = spec.path;
    const pathProblem = checkRelativePath(file);
    if (pathProblem !== undefined)
        return { problem: { file, problem: 'unreadable', detail: pathProblem } };
    let text;
    try {
        text = await read(file);
    }
    catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { problem: { file, problem: 'unreadable', detail } };
    }
    return (0,src/* collectFileVersionSource */.GQ)(spec, text);
}
/**
 * The commits since `previousTag` (all history without one), newest first, at
 * most `maxCommits`, each with its sha and message (all the version rules
 * read; commits passed in as `read` keep their other fields); `history` says
 * when the list is not the whole range (an unborn HEAD, a cut-off list), for
 * the version-bump rule to report.
 */
async function gatherCommits(git, previousTag, maxCommits, read) {
    const options = previousTag === undefined
        ? { maxCount: maxCommits + 1 }
        : { from: previousTag, maxCount: maxCommits + 1 };
    let commits;
    try {
        // The version rules read each commit's sha and message alone: nothing else is formatted or parsed.
        commits = read ? read.slice(0, maxCommits + 1) : await git.listMessages(options);
    }
    catch (error) {
        if (error instanceof errors_GitError && error.kind === 'no-commits')
            return { history: { empty: true } };
        throw error;
    }
    if (commits.length <= maxCommits)
        return { commits };
    commits.length = maxCommits;
    const history = { limit: maxCommits };
    if (previousTag !== undefined)
        history.since = previousTag;
    return { commits, history };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value;
}

;// CONCATENATED MODULE: ../git/src/documents.ts
/**
 * Gathers the required documents: the files each `documents` entry of the
 * policy matches in the working tree, read safely (inside the repository,
 * never through a link that leaves it, binary files and files over the size
 * limit reported rather than read), and whether each changed since the
 * previous release tag.
 */




/** The largest document read, in bytes. */
const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** How many directory entries a glob may visit before the walk stops. */
const MAX_WALK_ENTRIES = 20_000;
/** How many leading bytes are searched for a NUL to call a file binary. */
const BINARY_PROBE_BYTES = 8000;
const WILDCARD = /[*?[]/;
/** True when one path segment matches one glob segment (`*`, `?`; no `/`). */
function matchSegment(glob, name, g = 0, n = 0) {
    while (g < glob.length) {
        const c = glob[g];
        if (c === '*') {
            for (let k = n; k <= name.length; k += 1)
                if (matchSegment(glob, name, g + 1, k))
                    return true;
            return false;
        }
        if (n >= name.length || (c !== '?' && c !== name[n]))
            return false;
        g += 1;
        n += 1;
    }
    return n === name.length;
}
/** True when the `/`-separated `path` matches `glob` (`**` spans any number of segments). */
function matchGlob(glob, path) {
    const globs = glob.split('/').filter((s) => s !== '' && s !== '.');
    const names = path.split('/');
    const walk = (gi, ni) => {
        if (gi === globs.length)
            return ni === names.length;
        const segment = globs[gi] ?? '';
        if (segment === '**') {
            for (let k = ni; k <= names.length; k += 1)
                if (walk(gi + 1, k))
                    return true;
            return false;
        }
        return ni < names.length && matchSegment(segment, names[ni] ?? '') && walk(gi + 1, ni + 1);
    };
    return walk(0, 0);
}
/** Lists the files under `dir` (relative to `root`), links included but not followed. */
async function walkFiles(root, dir, budget) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(external_node_path_.join(root, dir), { withFileTypes: true });
    }
    catch {
        // A missing directory matches nothing; the rule reports the entry as missing.
        return [];
    }
    const files = [];
    for (const entry of entries) {
        if ((budget.left -= 1) < 0)
            break;
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (entry.name === '.git' || entry.name === 'node_modules')
                continue;
            files.push(...(await walkFiles(root, path, budget)));
        }
        else if (entry.isFile() || entry.isSymbolicLink()) {
            files.push(path);
        }
    }
    return files;
}
/** The files `pattern` matches under `root`, sorted; a plain path is itself when it exists. */
async function listMatchingFiles(root, pattern) {
    const clean = pattern.replace(/^\.\//, '');
    if (!WILDCARD.test(clean)) {
        try {
            await (0,promises_.lstat)(external_node_path_.join(root, clean));
            return [clean];
        }
        catch {
            return [];
        }
    }
    const segments = clean.split('/');
    const fixed = segments
        .slice(0, segments.findIndex((s) => WILDCARD.test(s)))
        .join('/');
    const files = await walkFiles(root, fixed, { left: MAX_WALK_ENTRIES });
    return files.filter((file) => matchGlob(clean, file)).sort();
}
/**
 * True when `real` is `realRoot` or inside it, and not inside its `.git`
 * (which holds the checkout's credential): a document is never read there.
 */
function isInside(realRoot, real) {
    const inside = external_node_path_.relative(realRoot, real);
    return !(inside === '..' ||
        inside.startsWith(`..${external_node_path_.sep}`) ||
        external_node_path_.isAbsolute(inside) ||
        inside.split(external_node_path_.sep).includes('.git'));
}
/**
 * Reads one document under `root` without trusting it: a link leaving the
 * repository (or entering its `.git`) is never followed and is said apart
 * (the caller makes it a policy error); a directory, a binary file (a NUL in
 * the first bytes, or invalid UTF-8) and a file over `MAX_DOCUMENT_BYTES`
 * are reported as problems and never read whole.
 */
async function readDocument(root, path) {
    try {
        const real = await (0,promises_.realpath)(external_node_path_.resolve(root, path));
        if (!isInside(await (0,promises_.realpath)(root), real))
            return { path, outside: true };
        const info = await (0,promises_.stat)(real);
        if (!info.isFile())
            return { path, size: info.size, problem: 'not-file' };
        if (info.size > MAX_DOCUMENT_BYTES)
            return { path, size: info.size, problem: 'too-large' };
        const handle = await (0,promises_.open)(real, 'r');
        try {
            const buffer = Buffer.alloc(info.size);
            const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
            const bytes = buffer.subarray(0, bytesRead);
            if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
                return { path, size: info.size, problem: 'binary' };
            }
            try {
                return {
                    path,
                    size: info.size,
                    text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
                };
            }
            catch {
                // Text that is not UTF-8 cannot be read as Markdown: report it as binary.
                return { path, size: info.size, problem: 'binary' };
            }
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            return {
                path,
                size: 0,
                problem: 'unreadable',
                detail: 'a symbolic link to a file that does not exist',
            };
        }
        return { path, size: 0, problem: 'unreadable', detail: error.message };
    }
}
/** The tag of the previous release, among the repository's tags; undefined when there is none. */
function findPreviousTag(facts, policy) {
    if (!facts.version)
        return undefined;
    const previous = (0,src/* analyzeVersion */.Xr)(facts, policy).previous;
    if (previous === undefined)
        return undefined;
    const names = policy.versioning.tagPrefix.map((prefix) => `${prefix}${previous}`);
    return names.find((name) => facts.version?.tags.includes(name));
}
/**
 * The versions the policy's version files declare on the pull request's base
 * branch (`origin/<base>`, else `<base>`); undefined when the base cannot be
 * read in this clone.
 */
async function readBaseVersions(git, policy, base) {
    for (const rev of [`origin/${base}`, base]) {
        try {
            const versions = [];
            for (const spec of policy.versioning.files) {
                const { source } = (0,src/* collectFileVersionSource */.GQ)(spec, await git.readFileAt(rev, spec.path));
                if (source)
                    versions.push(source.value);
            }
            return versions;
        }
        catch (error) {
            // This name is not a revision here; the next one may be.
            if (!(error instanceof errors_GitError))
                throw error;
        }
    }
    return undefined;
}
/**
 * Reads every file the policy's `documents` entries match, each with its
 * template comparison and whether it changed since the previous release tag.
 *
 * @throws ConfigError when an entry's path, a file its glob matches, or its
 *   template is a link leaving the repository: an error of the policy, at
 *   the entry's position
 */
async function gatherDocumentFacts(input) {
    const { git, cwd, policy, facts } = input;
    const since = findPreviousTag(facts, policy);
    const entries = [];
    const outside = [];
    for (const [entry, spec] of policy.documents.entries()) {
        const template = spec.template ? await readDocument(cwd, spec.template) : undefined;
        if (template && 'outside' in template)
            outside.push({ entry, field: 'template', file: template.path });
        const templateText = template && !('outside' in template) ? template.text : undefined;
        const files = [];
        for (const path of await listMatchingFiles(cwd, spec.path)) {
            const file = await readDocument(cwd, path);
            if ('outside' in file) {
                outside.push({ entry, field: 'path', file: path });
                continue;
            }
            const extra = {};
            if (templateText !== undefined && file.text !== undefined) {
                extra.sameAsTemplate = templateText === file.text;
            }
            if (since !== undefined && file.text !== undefined) {
                const before = await git.readFileAt(since, path);
                extra.changed = before !== file.text;
            }
            files.push({ ...file, ...extra });
        }
        entries.push({ path: spec.path, files });
    }
    if (outside.length > 0)
        throw new src/* ConfigError */.xL((0,src/* checkDocumentLinks */.xF)(policy, outside));
    const base = facts.branch?.base;
    const baseVersions = base === undefined ? undefined : await readBaseVersions(git, policy, base);
    return {
        entries,
        ...(baseVersions === undefined ? {} : { baseVersions }),
        ...(input.releaseType === undefined ? {} : { releaseType: input.releaseType }),
        ...(since === undefined ? {} : { since }),
    };
}

;// CONCATENATED MODULE: ../git/src/audit-documents.ts
/**
 * The next release's documents as the configuration audit reads them: the
 * files the policy's `documents` entries match in the checkout's working
 * tree when that checkout is the mainline, or why they could not be read (no
 * clone in the workspace, another branch or commit checked out), so the
 * status says so instead of leaving them out or showing another branch's.
 */



/**
 * Reads the policy's documents from the top of the checkout's working tree
 * when HEAD is the mainline's commit (the branch, or `origin/` and the branch
 * in a CI clone); a workspace that is no git clone, or a checkout of another
 * branch or commit (a manual run from another branch), gives the reason instead.
 *
 * @throws GitError when git fails for another reason
 * @throws ConfigError when a document or template is a link leaving the repository
 */
async function gatherAuditDocumentFacts(input) {
    const { git, policy } = input;
    let root;
    try {
        root = await git.root();
    }
    catch (error) {
        if (error instanceof errors_GitError && error.kind === 'not-a-repository') {
            return {
                documentsUnread: {
                    reason: 'no-checkout',
                    detail: 'The workspace is not a git clone (check out the repository before the audit).',
                },
            };
        }
        throw error;
    }
    const elsewhere = await describeOtherCheckout(git, policy.mainline);
    if (elsewhere !== undefined)
        return { documentsUnread: elsewhere };
    return { documents: await gatherDocumentFacts({ git, cwd: root, policy, facts: {} }) };
}
/**
 * Why the checkout is not the mainline, or undefined when HEAD is its
 * commit (or has none yet: an empty clone has no documents to mislabel).
 */
async function describeOtherCheckout(git, mainline) {
    const head = await resolveIfHeld(git, 'HEAD');
    if (head === undefined)
        return undefined;
    const local = await resolveIfHeld(git, mainline);
    if (head === local)
        return undefined;
    const remote = await resolveIfHeld(git, `origin/${mainline}`);
    if (head === remote)
        return undefined;
    const branch = await git.currentBranch();
    const checkedOut = branch === undefined
        ? `commit ${head.slice(0, 12)} (detached)`
        : `the branch ${(0,src/* quoteBranchName */.Q7)(branch)} (commit ${head.slice(0, 12)})`;
    const held = local === undefined && remote === undefined ? ', which this clone does not hold' : '';
    return {
        reason: 'not-mainline',
        detail: `The checkout is ${checkedOut}, not the mainline ${(0,src/* quoteBranchName */.Q7)(mainline)}${held}: ` +
            `its documents are not those of the mainline's next release. Run the audit on the mainline to read them.`,
    };
}
/**
 * The commit a revision names; undefined when this clone does not hold it
 * (no such branch, a branch a shallow clone did not fetch, no commit yet).
 */
async function resolveIfHeld(git, rev) {
    try {
        return await git.revParse(rev);
    }
    catch (error) {
        const absent = ['unknown-revision', 'shallow', 'no-commits'];
        if (error instanceof errors_GitError && absent.includes(error.kind))
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ../git/src/path-limits.ts

/**
 * The most paths a path-limited `git log` is given. git matches every
 * changed tree entry against each path, so a walk with hundreds of them
 * costs several times one with a few folders.
 */
const MAX_LIMIT_PATHS = 100;
/**
 * What limits a `git log` to the commits that change what `shas` change:
 * `{ paths }`, every path they change, merged into their folders as far as
 * needed to stay within `max` (a folder covers every path under it, so no
 * commit that changes one of the paths is left out); empty (nothing to read)
 * when they change none. `{}` (no limit: every commit) when a path cannot be
 * passed to git one a line.
 */
function computePathLimit(changed, shas, max = MAX_LIMIT_PATHS) {
    const paths = new Set();
    for (const sha of shas)
        for (const path of changed.get(sha) ?? [])
            paths.add(path);
    if (![...paths].every(isStdinPath))
        return {};
    return { paths: coarsenPaths(paths, max) };
}
/**
 * `paths` with the largest groups of paths sharing a folder replaced by that
 * folder, largest first, until at most `max` remain; when no folder holds
 * two of them, each path below the top is replaced by its folder, and the
 * merging goes on. Paths at the top that still number more than `max` stay
 * as they are.
 */
function coarsenPaths(paths, max) {
    const current = new Set(paths);
    while (current.size > max) {
        const byFolder = new Map();
        for (const path of current) {
            const at = path.lastIndexOf('/');
            if (at <= 0)
                continue;
            const folder = path.slice(0, at);
            const members = byFolder.get(folder);
            if (members === undefined)
                byFolder.set(folder, [path]);
            else
                members.push(path);
        }
        if (byFolder.size === 0)
            break;
        const groups = [...byFolder].filter(([, members]) => members.length > 1);
        if (groups.length === 0) {
            for (const [folder, [path]] of byFolder) {
                current.delete(path ?? '');
                current.add(folder);
            }
            continue;
        }
        groups.sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
        for (const [folder, members] of groups) {
            if (current.size <= max)
                break;
            for (const path of members)
                current.delete(path);
            current.add(folder);
        }
    }
    return [...current].sort();
}

;// CONCATENATED MODULE: ../git/src/patches.ts
/**
 * Gathers the patch facts: for each maintenance line, the commits it has
 * that mainline lacks, mainline's commits since their merge base, and the
 * patch ids that can match, read in batches (a `git log` per side and a
 * patch-id stream per side and mode, never one git per commit).
 */



/** A maintenance line or the mainline cannot be compared: named wrong, or unrelated. */
class PatchLineError extends src/* ReleasePolicyError */.CP {
}
/**
 * Compares each maintenance line with mainline.
 *
 * @throws PatchLineError for a line or mainline that does not exist, a line
 *   that is the mainline, or a line whose history shares nothing with mainline
 * @throws GitError when git fails otherwise
 */
async function gatherPatchFacts(input) {
    const { git, policy } = input;
    const mainline = input.mainline ?? policy.mainline;
    const mainlineSha = input.mainlineRevision === undefined
        ? await patches_resolveMainline(git, mainline)
        : await git.revParse(input.mainlineRevision);
    const lines = input.lines ?? (0,src/* selectPatchLines */.YH)(await git.listBranches(), policy);
    const facts = [];
    let ancestors;
    for (const line of lines) {
        const gathered = await gatherLine(git, mainline, mainlineSha, line);
        const sources = gathered.commits.flatMap((c) => (0,src/* readCherryPickSources */.tU)(c.message));
        // One rev-list of mainline, only when some commit claims to be a pick.
        if (sources.length > 0 && ancestors === undefined) {
            ancestors = new Set(await git.listCommits({ to: mainlineSha }));
        }
        facts.push(ancestors === undefined ? gathered : markPicks(gathered, ancestors));
    }
    return { mainline, lines: facts, checkedAt: input.now.toISOString() };
}
/** Mainline's commit: the branch, else its `origin/` remote-tracking branch (a CI clone). */
async function patches_resolveMainline(git, mainline) {
    for (const name of [mainline, `origin/${mainline}`]) {
        const sha = await resolveOptional(git, name);
        if (sha !== undefined)
            return sha;
    }
    throw new PatchLineError(`The mainline ${(0,src/* quoteBranchName */.Q7)(mainline)} is not a branch of this clone (nor origin/${mainline}). ` +
        `Fetch it, e.g. git fetch origin ${mainline}, or name the mainline, e.g. --mainline main.`);
}
/** The commit a revision names; undefined when there is no such revision. */
async function resolveOptional(git, rev) {
    try {
        return await git.revParse(rev);
    }
    catch (error) {
        if (error instanceof errors_GitError && error.kind === 'unknown-revision')
            return undefined;
        throw error;
    }
}
/** One line's facts: its own commits with patch ids, and mainline's since the merge base. */
async function gatherLine(git, mainline, mainlineSha, line) {
    if (line === mainline) {
        throw new PatchLineError(`The line ${(0,src/* quoteBranchName */.Q7)(line)} is the mainline itself; name a maintenance line, e.g. --line 3.5.x.`);
    }
    const lineSha = await resolveOptional(git, line);
    if (lineSha === undefined) {
        throw new PatchLineError(`The line ${(0,src/* quoteBranchName */.Q7)(line)} is not a branch or commit of this clone. ` +
            `Fetch it, e.g. git fetch origin ${line}, or name an existing line, e.g. --line 3.5.x.`);
    }
    const lineRange = { from: mainlineSha, to: lineSha };
    // The line's own commits do not depend on the merge base: both walks run at once.
    const [base, lineOnly] = await Promise.all([
        git.mergeBase(mainlineSha, lineSha),
        collectCommits(git, lineRange),
    ]);
    if (base === undefined) {
        throw new PatchLineError(`The line ${(0,src/* quoteBranchName */.Q7)(line)} shares no history with the mainline ${(0,src/* quoteBranchName */.Q7)(mainline)}: ` +
            'its patches cannot be compared. Check that it is a line of this project.');
    }
    const mainlineRange = { from: base, to: mainlineSha };
    // Patch ids are only worth their diffs when each side has commits to match
    // (mainline has none since the merge base when the base is mainline itself).
    if (lineOnly.length === 0 || base === mainlineSha) {
        return { line, base, commits: lineOnly, mainline: await git.listSubjects(mainlineRange) };
    }
    // Mainline's side needs only subjects (pull request numbers) and ids: no messages.
    const [sinceBase, ids] = await Promise.all([
        git.listSubjects(mainlineRange),
        matchPatchIds(git, mainlineRange, lineOnly.map((c) => c.sha)),
    ]);
    return {
        line,
        base,
        commits: lineOnly.map((commit) => withIds(commit, ids.line, commit.sha)),
        mainline: sinceBase.map((commit) => withIds(commit, ids.mainline, commit.sha)),
    };
}
/** `commit` with the ids the table has for `sha`. */
function withIds(commit, table, sha) {
    const ids = table.get(sha);
    return ids === undefined ? commit : { ...commit, ...ids };
}
/**
 * The patch ids of the line's commits and of the mainline commits that could
 * match them. Equal patches change the same paths, so on mainline only the
 * commits that change a path some line commit changes are read (one
 * path-limited `git log -p` of the range, its paths merged into folders when
 * they are many: see `computePathLimit`); mainline's other commits cannot
 * match and get no id. Zero-context ids are read only for the line commits
 * the stable id did not match, and for the mainline commits just read that
 * change one of their paths (`--no-walk`, no second walk of the range). The
 * evidence is the same as with every id of both sides: each id a line commit
 * could match is read for every mainline commit that has it.
 */
async function matchPatchIds(git, mainlineRange, lineShas) {
    const changedRead = git.listChangedPaths(lineShas);
    const [lineFull, changed, mainlineFull] = await Promise.all([
        git.patchIds({ commits: lineShas }),
        changedRead,
        changedRead.then((paths) => git.patchIds({ ...mainlineRange, ...computePathLimit(paths, lineShas) })),
    ]);
    const found = new Set(mainlineFull.values());
    const unmatched = lineShas.filter((sha) => !found.has(lineFull.get(sha) ?? ''));
    const candidates = [...mainlineFull.keys()];
    // A commit with an empty patch has an empty zero-context patch too: only commits with an id can match.
    const [lineZero, mainlineZero] = unmatched.length > 0 && candidates.length > 0
        ? await Promise.all([
            git.patchIds({ commits: unmatched, zeroContext: true }),
            git.patchIds({
                commits: candidates,
                zeroContext: true,
                ...computePathLimit(changed, unmatched),
            }),
        ])
        : [new Map(), new Map()];
    return {
        line: combineIds(lineFull, lineZero),
        mainline: combineIds(mainlineFull, mainlineZero),
    };
}
function combineIds(full, zero) {
    const table = new Map();
    for (const [sha, patchId] of full)
        table.set(sha, { patchId });
    for (const [sha, zeroContextPatchId] of zero) {
        table.set(sha, { ...table.get(sha), zeroContextPatchId });
    }
    return table;
}
/** The line's non-merge commits in `range`, with their messages (for `-x` lines). */
async function collectCommits(git, range) {
    const commits = [];
    for await (const commit of git.log(range)) {
        if ((commit.parents?.length ?? 0) > 1)
            continue;
        commits.push({ sha: commit.sha, subject: commit.subject ?? '', message: commit.message });
    }
    return commits;
}
/** The line with each cherry-pick source marked as in mainline or not. */
function markPicks(line, ancestors) {
    return {
        ...line,
        commits: line.commits.map((commit) => {
            const sources = (0,src/* readCherryPickSources */.tU)(commit.message);
            if (sources.length === 0)
                return commit;
            return {
                ...commit,
                pickedFrom: sources.map((sha) => ({ sha, inMainline: ancestors.has(sha) })),
            };
        }),
    };
}

;// CONCATENATED MODULE: ../git/src/audit-patches.ts



/**
 * Compares every maintenance line of the policy with mainline, after
 * deepening a shallow clone; a clone that is missing, stays shallow or lacks
 * a line gives the reason instead.
 *
 * @throws GitError when git fails for another reason
 */
async function gatherAuditPatchFacts(input) {
    const { git, policy, now } = input;
    try {
        await git.completeHistory({ advice: input.advice });
        return { patches: await gatherPatchFacts({ git, policy, now }) };
    }
    catch (error) {
        if (error instanceof errors_GitError && error.kind === 'not-a-repository') {
            return {
                patchesUnread: {
                    reason: 'no-checkout',
                    detail: 'The workspace is not a git clone (check out the repository before the audit).',
                },
            };
        }
        if (error instanceof IncompleteHistoryError) {
            return { patchesUnread: { reason: 'shallow', detail: error.message } };
        }
        if (error instanceof PatchLineError) {
            return { patchesUnread: { reason: 'not-comparable', detail: error.message } };
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ../git/src/forward-port.ts
/**
 * Forward ports: a branch made from mainline that cherry-picks a maintenance
 * line's missing commits with `-x`, pushed to the remote with the checkout's
 * own credentials. The picks happen in a temporary worktree, so the checked
 * out files and HEAD stay as they were.
 *
 * Re-run safe by adding only new picks: when the branch already exists on
 * the remote it is fetched and continued, commits it already holds (by their
 * `(cherry picked from commit X)` line) are not picked again, and the push is
 * a fast-forward, never forced, so a pick a person resolved and pushed there
 * is kept. A kept branch that mainline already contains (its pull request was
 * merged with a merge commit) is started again from mainline.
 */









/** How long one push, fetch or ls-remote may take. */
const REMOTE_TIMEOUT_MS = 120_000;
/** The identity of the picks when the repository configures none. */
const FORWARD_PORT_IDENTITY = {
    name: 'github-actions[bot]',
    email: '41898729+github-actions[bot]@users.noreply.github.com',
};
/** The branch or a commit to pick cannot be used. */
class ForwardPortError extends (/* unused pure expression or super */ null && (ReleasePolicyError)) {
}
const forward_port_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Makes (or continues) the forward-port branch in a temporary worktree,
 * cherry-picks the commits with `-x` in one sequence, skipping each pick that
 * conflicts or comes out empty (`git cherry-pick --skip` abandons that one
 * pick and goes on), and pushes the branch when it changed. The picks are
 * committed as the repository's configured user, else
 * {@link FORWARD_PORT_IDENTITY}; their authors stay the original ones.
 *
 * @throws ForwardPortError for a commit that is not a full sha or a branch git refuses
 * @throws GitError when git fails (e.g. the push is refused: no `contents: write`)
 */
async function pushForwardPort(input) {
    checkForwardPortInput(input);
    const config = toProcessConfig(input.repository);
    const runner = createGitRunner(config);
    const remote = input.remote ?? 'origin';
    const timeoutMs = input.timeoutMs ?? REMOTE_TIMEOUT_MS;
    const mainlineSha = await resolveMainline(createGit(input.repository), input.mainline);
    const existing = await fetchRemoteBranch(config, remote, input.branch, timeoutMs);
    // A kept branch whose pull request was merged with a merge commit is
    // already in mainline: start again from mainline (the push stays a
    // fast-forward) rather than from the old branch.
    const start = existing === undefined || (await isAncestor(runner, existing, mainlineSha))
        ? mainlineSha
        : existing;
    const onBranch = start === existing ? await listPickedSources(runner, mainlineSha, existing) : new Set();
    const already = input.commits.filter((c) => onBranch.has(c.sha));
    const todo = input.commits.filter((c) => !onBranch.has(c.sha));
    const folder = await mkdtemp(join(input.tempDir, 'release-policy-forward-port-'));
    const worktree = join(folder, 'worktree');
    await runner.run(['worktree', 'add', '--quiet', '--detach', worktree, start]);
    try {
        const work = createGitRunner({ ...config, cwd: worktree });
        const identity = await readIdentityArgs(runner);
        const skipped = await pickCommits(work, identity, todo);
        const head = await work.text(['rev-parse', 'HEAD']);
        const pushed = head !== start;
        if (pushed) {
            await runGitWithin({ ...config, cwd: worktree }, ['push', '--quiet', '--no-verify', remote, `HEAD:refs/heads/${input.branch}`], timeoutMs);
        }
        const skippedShas = new Set(skipped.map((s) => s.sha));
        return {
            branch: input.branch,
            head,
            reused: existing !== undefined,
            pushed,
            ahead: await isAhead(work, mainlineSha, head),
            picked: todo.filter((c) => !skippedShas.has(c.sha)),
            skipped: [
                ...already.map((c) => ({ ...c, reason: 'already-on-branch' })),
                ...skipped,
            ],
        };
    }
    finally {
        // The worktree was temporary: remove it whatever happened, and forget it.
        await runner.run(['worktree', 'remove', '--force', worktree]).catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
        await runner.run(['worktree', 'prune']).catch(() => undefined);
    }
}
function toProcessConfig(options) {
    return {
        cwd: options.cwd,
        gitBinary: options.gitBinary ?? 'git',
        env: options.env ?? process.env,
    };
}
function checkForwardPortInput(input) {
    const bad = input.commits.find((c) => !forward_port_SHA.test(c.sha));
    if (bad !== undefined) {
        throw new ForwardPortError(`The commit ${JSON.stringify(bad.sha.slice(0, 80))} to forward-port is not a full sha; ` +
            'expected 40 (or 64) lowercase hex digits, as the patch report gives them.');
    }
    checkArgument(['push'], input.branch, 'revision');
    if (!/^[A-Za-z0-9._/-]+$/.test(input.branch) || input.branch.includes('..')) {
        throw new ForwardPortError(`The forward-port branch ${quoteBranchName(input.branch)} is not a plain branch name; ` +
            'expected letters, digits, ".", "_", "-" and "/", e.g. release-policy/forward-port/3.5.x.');
    }
}
/**
 * The branch's commit on the remote, fetched into its remote-tracking
 * branch; undefined when the remote has no such branch.
 */
async function fetchRemoteBranch(config, remote, branch, timeoutMs) {
    const ref = `refs/heads/${branch}`;
    // Exit 2: no ref matched, the branch does not exist yet.
    const listed = await runGitWithin(config, ['ls-remote', '--exit-code', '--heads', remote, ref], timeoutMs, [0, 2]);
    if (listed.exitCode === 2)
        return undefined;
    const sha = readListedSha(listed.stdout.toString('utf8'), ref, remote);
    if (sha === undefined)
        return undefined;
    await runGitWithin(config, ['fetch', '--quiet', '--no-tags', remote, `+${ref}:refs/remotes/${remote}/${branch}`], timeoutMs);
    return sha;
}
/**
 * The sha `git ls-remote` lists for exactly `ref`. Its pattern matches the
 * tail of a ref name, so `refs/heads/X` also lists `refs/heads/refs/heads/X`:
 * every line is read and only the exact ref is kept. When only such a longer
 * ref exists, `git push HEAD:refs/heads/X` would update it instead (push
 * matches a destination the same way), so that is refused.
 *
 * @throws ForwardPortError when the remote holds a longer ref ending in `ref` but not `ref` itself
 */
function readListedSha(output, ref, remote) {
    const listed = output
        .split('\n')
        .map((line) => line.trim().split('\t'))
        .filter(([sha, name]) => sha !== undefined && forward_port_SHA.test(sha) && name !== undefined);
    const exact = listed.find(([, name]) => name === ref);
    if (exact !== undefined)
        return exact[0];
    const longer = listed.find(([, name]) => name?.endsWith(`/${ref}`));
    if (longer !== undefined) {
        throw new ForwardPortError(`The remote ${JSON.stringify(remote)} has ${JSON.stringify(longer[1])} but no ${JSON.stringify(ref)}; ` +
            'git push would update that longer ref in place of the forward-port branch. ' +
            'Delete or rename it on the remote, then run again.');
    }
    return undefined;
}
/** True when `commit` is `other` or one of its ancestors. */
async function isAncestor(runner, commit, other) {
    const result = await runner.run(['merge-base', '--is-ancestor', commit, other], [0, 1]);
    return result.exitCode === 0;
}
/** True when `head` holds at least one commit `base` lacks (a pull request would not be empty). */
async function isAhead(work, base, head) {
    const count = await work.text(['rev-list', '--count', `${base}..${head}`]);
    return Number.parseInt(count, 10) > 0;
}
/** The line commits the branch already holds picks of: the `(cherry picked from commit X)` lines of its own commits. */
async function listPickedSources(runner, mainlineSha, head) {
    const { stdout } = await runner.run(['log', '--format=%B%x00', `${mainlineSha}..${head}`, '--']);
    return new Set(stdout.toString('utf8').split('\0').flatMap(readCherryPickSources));
}
/** `-c` settings naming the committer when the repository configures no user (else none). */
async function readIdentityArgs(runner) {
    const read = async (key) => (await runner.run(['config', '--get', key], [0, 1])).stdout.toString('utf8').trim();
    const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
    if (name !== '' && email !== '')
        return [];
    return [
        '-c',
        `user.name=${FORWARD_PORT_IDENTITY.name}`,
        '-c',
        `user.email=${FORWARD_PORT_IDENTITY.email}`,
    ];
}
/**
 * Picks `commits` with `-x` in one `git cherry-pick` sequence. At each stop,
 * the stopped commit (CHERRY_PICK_HEAD) is a conflict when the index has
 * unmerged paths, else an empty pick (its change is already there); it is
 * abandoned with `git cherry-pick --skip`, which goes on with the rest.
 * Returns the skipped commits.
 */
async function pickCommits(work, identity, commits) {
    const skipped = [];
    if (commits.length === 0)
        return skipped;
    const bySha = new Map(commits.map((c) => [c.sha, c]));
    let result = await work.run([...identity, 'cherry-pick', '-x', ...commits.map((c) => c.sha)], [0, 1]);
    // Each stop skips one commit: there are at most as many stops as commits.
    for (let stops = 0; result.exitCode !== 0; stops += 1) {
        const stopped = await readStoppedPick(work, result.stderr);
        const commit = bySha.get(stopped);
        if (commit === undefined || stops >= commits.length) {
            throw new GitError({
                args: ['cherry-pick', '-x'],
                exitCode: result.exitCode,
                stderr: result.stderr,
            });
        }
        const unmerged = await work.run(['ls-files', '--unmerged', '-z']);
        skipped.push({ ...commit, reason: unmerged.stdout.length > 0 ? 'conflict' : 'empty' });
        result = await work.run([...identity, 'cherry-pick', '--skip'], [0, 1]);
    }
    return skipped;
}
/** The commit a stopped cherry-pick stopped at; throws git's own failure when it did not stop at one. */
async function readStoppedPick(work, stderr) {
    const head = await work.run(['rev-parse', '--verify', '--quiet', 'CHERRY_PICK_HEAD'], [0, 1]);
    const sha = head.stdout.toString('utf8').trim();
    if (head.exitCode !== 0 || sha === '') {
        throw new GitError({ args: ['cherry-pick', '-x'], exitCode: 1, stderr });
    }
    return sha;
}

;// CONCATENATED MODULE: ../git/src/index.ts













/***/ }),

/***/ 1293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ readPolicyFileInside),
/* harmony export */   ph: () => (/* binding */ MAX_POLICY_FILE_BYTES),
/* harmony export */   rK: () => (/* binding */ readPolicyFileSafely),
/* harmony export */   z: () => (/* binding */ describePolicyFileProblem)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Reading a policy file from disk safely, for the CLI and the actions alike:
 * only a regular file is read (never a symbolic link, a FIFO or a device),
 * checked with `fstat` on the opened handle so nothing can be swapped in
 * between, and never more than {@link MAX_POLICY_FILE_BYTES}. A policy's text
 * ends up in messages, so a link to `.git/config` or `/proc/self/environ`
 * must not be read at all.
 */
/** The largest policy file read, in bytes (1 MiB); real policies are a few kilobytes. */
const MAX_POLICY_FILE_BYTES = 1024 * 1024;
/** The error code of a failed system call, if any. */
function readErrorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/** Why `open` failed, as a problem. */
function classifyOpenFailure(code) {
    if (code === 'ENOENT')
        return 'missing';
    if (code === 'ENOTDIR')
        return 'path-not-directory';
    // O_NOFOLLOW makes open fail with ELOOP on a symbolic link (EMLINK on some BSDs).
    if (code === 'ELOOP' || code === 'EMLINK')
        return 'symlink';
    if (code === 'EISDIR')
        return 'directory';
    return 'unreadable';
}
/** Reads at most `limit + 1` bytes, so a file that grew after `fstat` is still caught. */
async function readBounded(handle, limit) {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0)
            break;
        length += bytesRead;
    }
    return length > limit ? undefined : buffer.subarray(0, length);
}
/**
 * Reads the policy file at `path` (absolute) when it is a regular file of at
 * most {@link MAX_POLICY_FILE_BYTES}; otherwise says why not. The file is
 * opened without following a final symbolic link and without blocking (a FIFO
 * would otherwise wait for a writer forever), then checked with `fstat` on
 * the handle, then read bounded. Never throws for a file problem.
 */
async function readPolicyFileSafely(path, limit = MAX_POLICY_FILE_BYTES) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = readErrorCode(error);
        return { status: 'refused', problem: classifyOpenFailure(code), code, cause: error };
    }
    try {
        const info = await handle.stat();
        if (info.isDirectory()) {
            // The system's own word for it, as a read would have failed.
            const cause = Object.assign(new Error(`EISDIR: ${path} is a directory`), { code: 'EISDIR' });
            return { status: 'refused', problem: 'directory', code: 'EISDIR', cause };
        }
        if (!info.isFile())
            return { status: 'refused', problem: 'not-regular' };
        if (info.size > limit)
            return { status: 'refused', problem: 'too-large', size: info.size };
        const bytes = await readBounded(handle, limit);
        if (!bytes)
            return { status: 'refused', problem: 'too-large', size: limit + 1 };
        return { status: 'read', bytes };
    }
    catch (error) {
        const code = readErrorCode(error);
        return { status: 'refused', problem: 'unreadable', code, cause: error };
    }
    finally {
        await handle.close();
    }
}
/** True when `inner` (a real path) lies inside `root` (a real path) and not inside its `.git`. */
function isInsideRepository(root, inner) {
    const inside = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, inner);
    if (inside === '')
        return true;
    if (node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(inside))
        return false;
    const parts = inside.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
    return parts[0] !== '..' && !parts.includes('.git');
}
/**
 * Reads the repository-relative policy file `path` from the working tree at
 * `root`: as {@link readPolicyFileSafely}, and also refused (`outside`) when
 * its folder, after symbolic links, leaves the repository or lies inside
 * `.git`. `path` must already be relative without `..` segments.
 */
async function readPolicyFileInside(root, path) {
    const full = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(root, path);
    let folder;
    let realRoot;
    try {
        [folder, realRoot] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(full)), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root)]);
    }
    catch (error) {
        const code = readErrorCode(error);
        return { status: 'refused', problem: classifyOpenFailure(code), code, cause: error };
    }
    if (!isInsideRepository(realRoot, folder))
        return { status: 'refused', problem: 'outside' };
    return readPolicyFileSafely(node_path__WEBPACK_IMPORTED_MODULE_2__.join(folder, node_path__WEBPACK_IMPORTED_MODULE_2__.basename(full)));
}
/**
 * Why a policy file was refused, as the middle of a sentence ("…cannot be
 * used: it is a symbolic link…"). Never quotes the file's content or a
 * link's target.
 */
function describePolicyFileProblem(read) {
    switch (read.problem) {
        case 'missing':
            return 'it does not exist';
        case 'symlink':
            return 'it is a symbolic link, and a policy file must be a regular file inside the repository (a link could lead to a file holding secrets)';
        case 'path-not-directory':
            return 'a part of its path is a file, not a directory';
        case 'directory':
            return 'it is a directory, not a file';
        case 'not-regular':
            return 'it is not a regular file (a FIFO, socket or device), so it was not read';
        case 'too-large':
            return `it is ${read.size ?? MAX_POLICY_FILE_BYTES + 1} bytes, larger than the ${MAX_POLICY_FILE_BYTES}-byte (1 MiB) limit for a policy file`;
        case 'outside':
            return 'its folder is a symbolic link that leads outside the repository (or into .git), and a policy file must be a regular file inside the repository';
        case 'unreadable':
            return read.code === 'EACCES' || read.code === 'EPERM'
                ? 'permission to read it was denied'
                : `reading it failed (${read.code ?? 'error'})`;
    }
}


/***/ })

};
