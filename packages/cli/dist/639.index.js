export const id = 639;
export const ids = [639];
export const modules = {

/***/ 9639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runChangelogCommand: () => (/* binding */ runChangelogCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1835);
/* harmony import */ var _release_policy_git__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(130);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1462);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1168);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7838);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9469);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5788);








/**
 * `changelog`: the release notes of one release, from the Conventional
 * Commits between the previous release tag of the line (or `--from`) and
 * `--to` (default HEAD). The version is `--version`, the version of a
 * release tag given as `--to`, else the version the commits call for.
 * `--write FILE` puts the notes into that changelog (same version replaced,
 * everything else kept). Prints the Markdown, or with `--json`
 * `{ version, from, to, sections, markdown }`.
 */
async function runChangelogCommand(args, io) {
    if (args.positionals.length > 0) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`"changelog" takes no arguments, got ${JSON.stringify(args.positionals)}. ` +
            'Example: release-policy changelog --version 1.4.0. See docs/cli.md#changelog');
    }
    const git = (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .createGit */ .lD)({ cwd: io.cwd, env: io.env });
    const { policy } = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .readPolicy */ .T)(io.cwd, args.policy);
    // A shallow clone hides the previous release and its commits: complete it first, or stop with the fix.
    await git.completeHistory({ advice: 'cli' });
    if (args.all === true)
        return runAllReleases(args, io, git, policy);
    const range = await (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .gatherReleaseRange */ .CU)({
        git,
        policy,
        from: args.from,
        to: args.to,
        version: args.releaseVersion,
    });
    const version = range.version ?? (await readRecommendedVersion(git, io.cwd, policy, range));
    const select = await readPackageSelection(args, git, policy, { from: range.from, to: range.to });
    const entries = select((0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .collectChangelogEntries */ .ri)(range.commits, policy.changelog));
    const risks = await readRisks(args, io, git, policy, range.commits, entries);
    const markdown = await (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .renderReleaseNotes */ .nA)({
        version,
        date: io.now().toISOString().slice(0, 10),
        entries,
        ...(risks !== undefined ? { risks } : {}),
        ...(range.from !== undefined ? { previousTag: range.from } : {}),
        tag: range.tag ?? `${policy.versioning.tagPrefix[0] ?? ''}${version}`,
        ...(await readRepository(git, io.env)),
    }, policy.changelog);
    if (args.write !== undefined) {
        await (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .writeChangelogFile */ .kD)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, args.write), version, markdown, args.write);
    }
    return {
        exitCode: _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok,
        json: convertToJson(version, range, entries, policy, markdown),
        text: (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .sanitizeForTerminal */ .dk)(markdown.trimEnd()),
        data: true,
    };
}
/**
 * The risk of each pull request in the range, from the merged pull requests
 * listed once; undefined, with a notice on stderr, without a token or a
 * GitHub repository (the notes then have no risk assessment).
 */
async function readRisks(args, io, git, policy, commits, entries) {
    const api = await (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveGitHubAccess */ .sQ)({
        checks: [{ ..._release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .changelogCheck */ .rO, needs: ['mergedPullRequests'] }],
        env: io.env,
        git,
        repo: args.repo,
        stderr: io.stderr,
    });
    if (!api.access) {
        io.stderr(`release-policy: notice: the Risk assessment section was left out: ${api.skipped[0]?.reason ?? 'no GitHub access'}. ` +
            `See ${_io_js__WEBPACK_IMPORTED_MODULE_4__/* .DOCS_BASE_URL */ .i}docs/cli.md#github-api\n`);
        return undefined;
    }
    // Loaded only with access: the GitHub client is most of the bundle, and notes without a token never use it.
    const { gatherGitHubFacts } = await Promise.all(/* import() */[__webpack_require__.e(366), __webpack_require__.e(481)]).then(__webpack_require__.bind(__webpack_require__, 6481));
    const gathered = await gatherGitHubFacts({ ...api.access, needs: ['mergedPullRequests'] });
    for (const notice of gathered.notices)
        io.stderr(`release-policy: notice: ${(0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .sanitizeForTerminal */ .dk)(notice)}\n`);
    return (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .collectRiskAssessments */ .p4)(entries, commits, gathered.mergedPullRequests?.items ?? [], policy.changeRequest);
}
/**
 * `changelog --all`: the notes of every release in the history, newest
 * first, from one `git log` pass (see `gatherAllReleases`); `--write` puts
 * each into the changelog. No risk assessment (one release's notes have it).
 */
async function runAllReleases(args, io, git, policy) {
    if (args.from !== undefined) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('--all reads the whole history and takes no --from. Give --from for one release, e.g. release-policy changelog --from v1.3.0. See docs/cli.md#changelog');
    }
    const select = await readPackageSelection(args, git, policy, { to: args.to ?? 'HEAD' });
    const progress = createProgressLine(io);
    const ranges = await (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .gatherAllReleases */ .vM)({
        git,
        policy,
        to: args.to,
        version: args.releaseVersion,
        ...(progress ? { onProgress: progress.show } : {}),
    });
    progress?.clear();
    const repository = await readRepository(git, io.env);
    const date = io.now().toISOString().slice(0, 10);
    const releases = [];
    const parts = [];
    for (const range of ranges) {
        const version = range.version ?? '';
        const entries = select((0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .collectChangelogEntries */ .ri)(range.commits, policy.changelog));
        const markdown = await (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .renderReleaseNotes */ .nA)({
            version,
            date,
            entries,
            ...(range.from !== undefined ? { previousTag: range.from } : {}),
            tag: range.tag ?? `${policy.versioning.tagPrefix[0] ?? ''}${version}`,
            ...repository,
        }, policy.changelog);
        parts.push(markdown);
        releases.push(convertToJson(version, range, entries, policy, markdown));
    }
    if (args.write !== undefined) {
        // Oldest first, so each release's notes end up above the one before it.
        const oldestFirst = ranges
            .map((range, i) => ({ version: range.version ?? '', notes: parts[i] ?? '' }))
            .reverse();
        await (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .writeReleasesToChangelog */ .Tq)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, args.write), oldestFirst, args.write);
    }
    const markdown = parts.join('\n');
    return {
        exitCode: _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok,
        json: { releases, markdown },
        text: (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .sanitizeForTerminal */ .dk)(markdown.trimEnd()),
        data: true,
    };
}
/**
 * The progress line of `--all` on a terminal's stderr (`\r`, rewritten in
 * place, erased when done); undefined when stderr is not a terminal, so
 * logs and pipes get no control characters.
 */
function createProgressLine(io) {
    if (io.progress !== true)
        return undefined;
    let shown = false;
    return {
        show({ commits, releases }) {
            shown = true;
            io.stderr(`\rrelease-policy: reading the history: ${commits.toLocaleString('en-US')} commits, ` +
                `${releases.toLocaleString('en-US')} releases…`);
        },
        clear() {
            if (shown)
                io.stderr('\r\u001b[K');
        },
    };
}
/**
 * What `--package NAME` keeps of a range's entries: that package's (the
 * commits under its path, listed by one `git log -- <path>` over `range`, or
 * of its scopes); every entry without `--package`.
 *
 * @throws UsageError when the policy has no such package
 */
async function readPackageSelection(args, git, policy, range) {
    if (args.package === undefined)
        return (entries) => entries;
    const pkg = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .findChangelogPackage */ .eq)(policy.changelog, args.package);
    let touched;
    if (pkg.path !== undefined) {
        touched = new Set();
        const log = range.from === undefined ? { to: range.to } : { from: range.from, to: range.to };
        for await (const commit of git.log({ ...log, paths: [pkg.path] }))
            touched.add(commit.sha);
    }
    return (entries) => (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .selectPackageEntries */ .XZ)(entries, pkg, touched);
}
/**
 * The version the commits since the previous release call for, as the
 * version check computes it (from HEAD); the range's tags, and its commits
 * when it ends at HEAD, are not read a second time.
 */
async function readRecommendedVersion(git, cwd, policy, range) {
    const version = await (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_2__/* .gatherVersionFacts */ .rz)({
        git,
        cwd,
        policy,
        ...(range.tags ? { tags: range.tags } : {}),
        ...(range.to === 'HEAD' ? { read: { since: range.from, commits: range.commits } } : {}),
    });
    const analysis = (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .analyzeVersion */ .Xr)({ version }, policy);
    return analysis.version ?? analysis.recommended;
}
/**
 * The GitHub repository of the origin remote, for links, on its own server
 * (`GITHUB_SERVER_URL`, else the remote's host: GitHub Enterprise Server
 * too); none without a remote on a server.
 */
async function readRepository(git, env) {
    const url = await git.readRemoteUrl('origin');
    if (url === undefined)
        return {};
    const ref = (0,_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRemoteUrl */ .JH)(url);
    const host = (0,_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .readServerUrl */ .Pm)(url, env);
    return ref && host ? { repository: { host, owner: ref.owner, name: ref.repo } } : {};
}
function convertToJson(version, range, entries, policy, markdown) {
    return {
        version,
        from: range.from ?? null,
        to: range.to,
        sections: (0,_release_policy_core__WEBPACK_IMPORTED_MODULE_1__/* .groupChangelogEntries */ .ce)(entries, policy.changelog).map((section) => ({
            title: section.title,
            entries: section.entries.map((entry) => ({
                sha: entry.sha,
                type: entry.type,
                scope: entry.scope ?? null,
                subject: entry.subject,
                breaking: entry.breaking,
                pr: entry.pr ?? null,
            })),
        })),
        markdown,
    };
}


/***/ })

};
