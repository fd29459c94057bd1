export const id = 317;
export const ids = [317];
export const modules = {

/***/ 317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runHistoryCommand: () => (/* binding */ runHistoryCommand)
/* harmony export */ });
/* unused harmony export renderHistory */
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1835);
/* harmony import */ var _release_policy_git__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(130);
/* harmony import */ var _release_policy_github__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6481);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1462);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1168);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9469);






/** How many deployments the history lists, newest first. */
const HISTORY_LENGTH = 50;
/**
 * `release-policy history --environment E`: the environment's deployments
 * from the Deployments API, newest first: version, commit, state, who
 * deployed it when, its approvers, canary percent, rollbacks and
 * emergencies, as each evidence record says.
 *
 * @throws UsageError without --environment, a token or a repository
 */
async function runHistoryCommand(args, io) {
    if (!args.environment) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('history needs the environment: give --environment NAME, e.g. release-policy history --environment production. See docs/cli.md#history');
    }
    if (args.positionals.length > 0) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`"history" takes no arguments, got ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(args.positionals)}. Example: release-policy history --environment production. See docs/cli.md#history`);
    }
    const api = await (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveGitHubAccess */ .sQ)({
        checks: [_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .promoteCheck */ .PT],
        env: io.env,
        git: (0,_release_policy_git__WEBPACK_IMPORTED_MODULE_1__/* .createGit */ .lD)({ cwd: io.cwd, env: io.env }),
        repo: args.repo,
        stderr: io.stderr,
    });
    if (!api.access) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`history reads the Deployments API and has ${api.skipped[0]?.reason ?? 'no access'}. ` +
            'Example: GITHUB_TOKEN=$(gh auth token) release-policy history --environment production --repo octo-org/service. See docs/cli.md#history');
    }
    const entries = await (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_2__.listDeploymentHistory)(api.access.octokit, api.access.repo, args.environment, HISTORY_LENGTH);
    const json = { environment: args.environment, deployments: entries };
    return { exitCode: _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok, json, text: renderHistory(args.environment, entries), data: true };
}
/** One line per deployment, for people; every API value is shown as inert text. */
function renderHistory(environment, entries) {
    if (entries.length === 0)
        return `No deployments to ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(environment)}.`;
    const lines = entries.map((d) => {
        const tags = [
            d.percent !== undefined ? `canary ${d.percent}%` : '',
            d.rollback ? 'rollback' : '',
            d.emergency !== undefined ? `emergency: ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(d.emergency)}` : '',
        ].filter(Boolean);
        const approvers = d.approvers?.length ? ` approved by ${d.approvers.join(', ')}` : '';
        return (`#${d.id} ${d.createdAt} ${d.state.padEnd(11)} ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(d.version)} ${d.sha.slice(0, 12)} ` +
            `by ${d.creator}${approvers}${tags.length ? ` (${tags.join(', ')})` : ''}`);
    });
    return (0,_output_js__WEBPACK_IMPORTED_MODULE_5__/* .sanitizeForTerminal */ .dk)([`Deployments to ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(environment)}, newest first:`, ...lines].join('\n'));
}


/***/ })

};
