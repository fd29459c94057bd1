/**
 * Test data: a slice of Traefik's history (its v2.11 line merged forward
 * into v3.0, April to June 2024) as a `git fast-import` stream. What was
 * taken from Traefik's published files and what was inferred is written
 * down in `patches-traefik.test.ts`, which checks the patches of this slice.
 */

type Step =
  | { kind: 'pr'; branch: 'v2.11' | 'v3.0'; number: number; title: string; area: string }
  | {
      kind: 'bump';
      branch: 'v2.11' | 'v3.0';
      number: number;
      title: string;
      module: string;
      version: string;
    }
  | { kind: 'release'; branch: 'v2.11' | 'v3.0'; version: string; date: string }
  | { kind: 'merge'; number: number; title: string; upTo: string };

const pr = (branch: 'v2.11' | 'v3.0', number: number, area: string, title: string): Step => ({
  kind: 'pr',
  branch,
  number,
  title,
  area,
});

/** The slice, oldest first. `upTo`: the line commit a forward merge takes (a release or a pull request number). */
const HISTORY: Step[] = [
  { kind: 'release', branch: 'v2.11', version: 'v2.11.2', date: '2024-04-11' },
  { kind: 'merge', number: 10604, title: 'Merge current v2.11 into v3.0', upTo: 'v2.11.2' },
  { kind: 'release', branch: 'v3.0', version: 'v3.0.0-rc5', date: '2024-04-11' },
  { kind: 'release', branch: 'v3.0', version: 'v3.0.0', date: '2024-04-29' },
  pr('v2.11', 10615, 'pkg/server', 'Remove deadlines for non-TLS connections'),
  pr('v2.11', 10621, 'webui', 'Fix provider icon size'),
  pr('v2.11', 10629, 'docs', 'Fix HTTPRoute path type'),
  pr('v2.11', 10630, 'docs', 'Fix HTTPRoute use of backendRefs'),
  pr('v2.11', 10633, 'docs', 'Fix unfinished migration sentence for v2.11.2'),
  pr('v2.11', 10650, 'docs', 'Consistent entryPoints capitalization in CLI flag usage'),
  pr('v2.11', 10658, 'docs', 'Fix migration/v2.md'),
  pr('v2.11', 10701, 'docs', 'Improve mirroring example on Kubernetes'),
  pr('v2.11', 10710, 'webui', 'Display of Content Security Policy values getting out of screen'),
  { kind: 'release', branch: 'v2.11', version: 'v2.11.3', date: '2024-05-17' },
  {
    kind: 'bump',
    branch: 'v3.0',
    number: 10668,
    title: 'Bump tscert dependency to 28a91b69a046',
    module: 'github.com/tailscale/tscert',
    version: 'v0.0.0-20240517230440-28a91b69a046',
  },
  pr('v3.0', 10673, 'docs', 'Add link to the new http3 config in migration'),
  pr('v3.0', 10675, 'pkg/server', 'Remove deadlines when handling PostgreSQL connections'),
  pr('v3.0', 10680, 'pkg/muxer', 'Fix the rule syntax mechanism for TCP'),
  pr('v3.0', 10689, 'pkg/provider', 'Fix rule syntax version for all internal routers'),
  pr('v3.0', 10704, 'docs', 'Fix router documentation example'),
  pr('v3.0', 10716, 'docs', 'Fix log.compress value'),
  pr('v3.0', 10719, 'docs', 'Fix typo in PathRegexp explanation'),
  pr('v3.0', 10723, 'docs', 'Fix OTel documentation'),
  pr('v3.0', 10724, 'docs', 'Fix doc consistency forwardauth'),
  pr('v3.0', 10725, 'docs', 'Remove providers not supported in documentation'),
  pr(
    'v3.0',
    10729,
    'pkg/observability',
    'Allow empty configuration for OpenTelemetry metrics and tracing',
  ),
  pr('v3.0', 10740, 'webui', 'Add support for IP White list'),
  { kind: 'release', branch: 'v3.0', version: 'v3.0.1', date: '2024-05-22' },
  pr('v2.11', 10635, 'docs', 'Fix .com and .org domain examples'),
  pr(
    'v2.11',
    10752,
    'docs',
    "Add a note about the Ratelimit middleware's behavior when the sourceCriterion header is missing",
  ),
  {
    kind: 'bump',
    branch: 'v2.11',
    number: 10768,
    title: 'Update go-acme/lego to v4.17.3',
    module: 'github.com/go-acme/lego/v4',
    version: 'v4.17.3',
  },
  pr('v2.11', 10772, 'docs', 'Remove helm default repo warning as repo has been long deprecated'),
  pr('v3.0', 10728, 'docs', 'Update v2 > v3 migration guide'),
  pr('v3.0', 10756, 'pkg/logs', 'Append to log file if it exists'),
  pr('v3.0', 10758, 'contrib/grafana', 'Fix service name label_replace in Grafana'),
  {
    kind: 'bump',
    branch: 'v3.0',
    number: 10763,
    title: 'Bump OTel dependencies',
    module: 'go.opentelemetry.io/otel',
    version: 'v1.27.0',
  },
  pr(
    'v3.0',
    10777,
    'pkg/middlewares',
    'Support Accept-Encoding header weights with Compress middleware',
  ),
  pr(
    'v3.0',
    10780,
    'pkg/middlewares',
    'Forward the correct status code when compression is disabled within the Brotli handler',
  ),
  { kind: 'merge', number: 10781, title: 'Merge current v2.11 into v3.0', upTo: '10772' },
  pr('v2.11', 10785, 'docs', 'Add user guides link to getting started'),
  { kind: 'release', branch: 'v2.11', version: 'v2.11.4', date: '2024-06-10' },
  { kind: 'merge', number: 10796, title: 'Merge current v2.11 into v3.0', upTo: 'v2.11.4' },
  { kind: 'release', branch: 'v3.0', version: 'v3.0.2', date: '2024-06-10' },
  pr('v2.11', 10798, 'docs', 'Update the supported versions table'),
  {
    kind: 'bump',
    branch: 'v2.11',
    number: 10803,
    title: 'Update go-acme/lego to v4.17.4',
    module: 'github.com/go-acme/lego/v4',
    version: 'v4.17.4',
  },
  { kind: 'merge', number: 10810, title: 'Merge v2.11 into v3.0', upTo: '10803' },
  { kind: 'release', branch: 'v2.11', version: 'v2.11.5', date: '2024-06-18' },
  { kind: 'merge', number: 10823, title: 'Merge v2.11 into v3.0', upTo: 'v2.11.5' },
  { kind: 'release', branch: 'v3.0', version: 'v3.0.3', date: '2024-06-18' },
];

/** What one branch holds: stand-in files, go.mod's modules, CHANGELOG.md's sections. */
interface Tree {
  files: Map<string, string>;
  modules: Map<string, string>;
  releases: { version: string; date: string; entries: string[] }[];
  /** Pull requests since the branch's last release, for its next section. */
  pending: string[];
}

const copyTree = (tree: Tree): Tree => ({
  files: new Map(tree.files),
  modules: new Map(tree.modules),
  releases: [...tree.releases],
  pending: [...tree.pending],
});

function renderGoMod(modules: ReadonlyMap<string, string>): string {
  const lines = [...modules].sort(([a], [b]) => a.localeCompare(b)).map(([m, v]) => `\t${m} ${v}`);
  return `module github.com/traefik/traefik/v3\n\ngo 1.22\n\nrequire (\n${lines.join('\n')}\n)\n`;
}

function renderChangelog(releases: Tree['releases']): string {
  const sorted = [...releases].sort(
    (a, b) =>
      b.date.localeCompare(a.date) || b.version.localeCompare(a.version, 'en', { numeric: true }),
  );
  return sorted
    .map((r) => `## ${r.version} (${r.date})\n\n${r.entries.map((e) => `- ${e}\n`).join('')}`)
    .join('\n');
}

/** The files of a tree as git stores them. */
function renderFiles(tree: Tree): Map<string, string> {
  const files = new Map(tree.files);
  files.set('go.mod', renderGoMod(tree.modules));
  files.set('CHANGELOG.md', renderChangelog(tree.releases));
  return files;
}

/**
 * Mainline after merging `line` forward, `merged` being the line as the last
 * merge took it: the line's changes since then win where mainline left them
 * alone; go.mod keeps each side's own updates; CHANGELOG.md holds both
 * sides' sections.
 */
function mergeForward(main: Tree, line: Tree, merged: Tree, entry: string): Tree {
  const next = copyTree(main);
  for (const [path, content] of line.files) {
    if (merged.files.get(path) !== content) next.files.set(path, content);
  }
  for (const [module, version] of line.modules) {
    if (merged.modules.get(module) !== version) next.modules.set(module, version);
  }
  for (const release of line.releases) {
    if (!next.releases.some((r) => r.version === release.version)) next.releases.push(release);
  }
  next.pending.push(entry);
  return next;
}

/** A branch after one pull request, dependency update or release commit, and that commit's subject. */
function applyChange(
  tree: Tree,
  step: Exclude<Step, { kind: 'merge' }>,
): { next: Tree; subject: string } {
  const next = copyTree(tree);
  if (step.kind === 'release') {
    next.releases.push({ version: step.version, date: step.date, entries: next.pending });
    next.pending = [];
    return { next, subject: `Prepare release ${step.version}` };
  }
  if (step.kind === 'bump') next.modules.set(step.module, step.version);
  else next.files.set(`${step.area}/pr-${step.number}.txt`, `${step.title}\n`);
  next.pending.push(`${step.title} (#${step.number})`);
  return { next, subject: step.title };
}

/**
 * The `git fast-import` stream of {@link HISTORY}: branches `v2.11` and
 * `v3.0`, a lightweight tag per release, and `refs/fixture/merge-<number>`
 * on each forward merge, resolved as {@link mergeForward} says.
 */
export function renderTraefikStream(): string {
  const parts: string[] = [];
  let mark = 0;
  let clock = Date.parse('2024-04-11T08:00:00Z') / 1000;
  const root: Tree = {
    files: new Map([['README.md', 'Stand-in for the history v2.11 and v3.0 share.\n']]),
    modules: new Map([
      ['github.com/go-acme/lego/v4', 'v4.16.1'],
      ['github.com/tailscale/tscert', 'v0.0.0-20230806124524-28a91b69a046'],
      ['go.opentelemetry.io/otel', 'v1.26.0'],
    ]),
    releases: [],
    pending: [],
  };
  const write = (
    branch: string,
    subject: string,
    before: Map<string, string>,
    tree: Tree,
    parents: number[],
  ) => {
    mark += 1;
    clock += 3600;
    const who = `Fixture <fixture@example.com> ${clock} +0000`;
    parts.push(`commit refs/heads/${branch}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`);
    parts.push(`data ${Buffer.byteLength(subject)}\n${subject}\n`);
    if (parents[0] !== undefined) parts.push(`from :${parents[0]}\n`);
    if (parents[1] !== undefined) parts.push(`merge :${parents[1]}\n`);
    for (const [path, content] of renderFiles(tree)) {
      if (before.get(path) !== content) {
        parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      }
    }
    parts.push('\n');
    return mark;
  };
  const tip: Record<string, number> = {};
  const trees: Record<string, Tree> = {};
  const lineMarks = new Map<string, { mark: number; tree: Tree }>();
  tip.root = write('v2.11', 'Stand-in for the history both lines share', new Map(), root, []);
  trees['v2.11'] = copyTree(root);
  trees['v3.0'] = copyTree(root);
  tip['v2.11'] = tip.root;
  tip['v3.0'] = tip.root;
  let merged: Tree = copyTree(root);
  for (const step of HISTORY) {
    if (step.kind === 'merge') {
      const from = lineMarks.get(step.upTo);
      if (from === undefined) throw new Error(`no line commit ${step.upTo} to merge`);
      const main = trees['v3.0']!;
      const before = renderFiles(main);
      const next = mergeForward(main, from.tree, merged, `${step.title} (#${step.number})`);
      tip['v3.0'] = write('v3.0', step.title, before, next, [tip['v3.0']!, from.mark]);
      parts.push(`reset refs/fixture/merge-${step.number}\nfrom :${tip['v3.0']}\n\n`);
      trees['v3.0'] = next;
      merged = from.tree;
      continue;
    }
    const tree = trees[step.branch]!;
    const before = renderFiles(tree);
    if (step.kind === 'release') {
      clock = Math.max(clock, Date.parse(`${step.date}T08:00:00Z`) / 1000);
    }
    const { next, subject } = applyChange(tree, step);
    tip[step.branch] = write(step.branch, subject, before, next, [tip[step.branch]!]);
    trees[step.branch] = next;
    if (step.kind === 'release')
      parts.push(`reset refs/tags/${step.version}\nfrom :${tip[step.branch]}\n\n`);
    if (step.branch === 'v2.11') {
      const key = step.kind === 'release' ? step.version : String(step.number);
      lineMarks.set(key, { mark: tip[step.branch]!, tree: next });
    }
  }
  return `${parts.join('')}done\n`;
}
