export const id = 137;
export const ids = [137];
export const modules = {

/***/ 7137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runOrgAuditCommand: () => (/* binding */ runOrgAuditCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _release_policy_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4815);
/* harmony import */ var _release_policy_github__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6481);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1168);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1462);






const USAGE = 'Usage: release-policy org-audit plan ORG [TOPIC] | org-audit split OWNER/NAME... | org-audit merge DIR. See docs/cli.md#org-audit';
/**
 * `release-policy org-audit`: the steps of the organisation-wide audit that
 * are not the audit itself. `plan ORG [TOPIC]` lists the organisation's
 * repositories (with the topic) and `split NAME...` takes a list; both print
 * the matrices for the reusable workflow. `merge DIR` merges the JSON
 * reports of the matrix jobs into the organisation report.
 */
async function runOrgAuditCommand(args, io) {
    const [step, ...rest] = args.positionals;
    switch (step) {
        case 'plan':
            return plan(rest, io);
        case 'split':
            return split(rest);
        case 'merge':
            return merge(rest, io);
        default:
            throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Unknown org-audit step ${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(step ?? '')}. ${USAGE}`);
    }
}
function renderPlan(repositories) {
    let planned;
    try {
        planned = (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_3__.planAuditMatrix)(repositories);
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(error.message, { cause: error });
        throw error;
    }
    const json = { count: planned.count, groups: planned.groups };
    return { exitCode: _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok, json, text: JSON.stringify(json) };
}
async function plan(rest, io) {
    const [org, topic, ...extra] = rest;
    if (!org || extra.length > 0)
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`"org-audit plan" takes ORG [TOPIC]. ${USAGE}`);
    const token = (io.env.GITHUB_TOKEN || io.env.GH_TOKEN || '').trim();
    if (!token) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('org-audit plan lists the organisation through the GitHub API: set GITHUB_TOKEN or GH_TOKEN (metadata: read). See docs/cli.md#org-audit');
    }
    const octokit = (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_3__.createOctokit)({
        token,
        env: io.env,
        maskToken: false,
        log: (0,_api_js__WEBPACK_IMPORTED_MODULE_5__/* .createTerminalLog */ .$V)(io.stderr),
        userAgent: 'release-policy-cli',
    });
    const repositories = await (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_3__.listOrgRepositories)(octokit, {
        org,
        ...(topic ? { topic } : {}),
    });
    return renderPlan(repositories);
}
function split(rest) {
    const names = rest.flatMap((r) => r.split(/[\s,]+/)).filter((r) => r !== '');
    const bad = names.find((n) => !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(n));
    if (bad !== undefined) {
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${(0,_release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(bad)} is not a repository: give OWNER/NAME, e.g. octo-org/service. ${USAGE}`);
    }
    return renderPlan(names);
}
async function merge(rest, io) {
    const [dir, ...extra] = rest;
    if (!dir || extra.length > 0)
        throw new _release_policy_core__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`"org-audit merge" takes DIR. ${USAGE}`);
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, dir);
    const files = new Map();
    for (const name of await listJsonFiles(root)) {
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, name), 'utf8');
        try {
            files.set(name, JSON.parse(text));
        }
        catch {
            // Not JSON: named in the report as a file that is not a status report.
            files.set(name, text);
        }
    }
    const report = (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_3__.mergeStatusReports)(files);
    return {
        exitCode: report.failed > 0 ? _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.failed : _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok,
        json: { ...report },
        text: (0,_release_policy_github__WEBPACK_IMPORTED_MODULE_3__.renderOrgMarkdown)(report),
        data: true,
    };
}
/** The `.json` files under `root`, any depth (one folder per downloaded artifact), sorted. */
async function listJsonFiles(root) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(root, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(e.parentPath, e.name).slice(root.length + 1))
        .sort();
}


/***/ })

};
