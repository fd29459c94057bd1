/**
 * `npm run bench`: measures the action bundles (size, cold start), the API
 * requests per scenario, core speed against named peers, and the CLI's
 * version check on a large synthetic history against `git log`, in one run.
 * Prints markdown tables and writes the same data to bench/results/latest.json.
 *
 * Options: --only=cold,api,core,history,audit,changelog,patches (default all), --quick (smaller inputs and
 * fewer rounds, to try the harness; not for publishing numbers), --cli=DIR (the
 * CLI bundle the history section runs; packages/cli/dist by default), --rounds=N
 * (the history section's timed rounds, e.g. a full-size run in fewer rounds).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import { renderApiTables, runApiScenarios, type ApiScenarioReport } from './api-requests.js';
import {
  renderAuditRequestsTable,
  runAuditRequests,
  type AuditRequestsReport,
} from './audit-requests.js';
import { renderColdStartTable, runColdStart, type ColdStartReport } from './cold-start.js';
import { DEFAULT_CORE_OPTIONS, runCoreSpeed, type CoreSpeedResult } from './core-speed.js';
import { runHistory, type HistoryReport } from './history.js';
import { renderHistoryFullLogTable, renderHistoryRangeTable } from './history-table.js';
import { renderChangelogTable, runChangelogBench, type ChangelogReport } from './changelog.js';
import { renderPatchesTable, runPatchesBench, type PatchesReport } from './patches.js';
import { renderTable, type Table } from './lib/table.js';
import { parseBenchArgs } from './lib/args.js';
import { snapshotActions } from './lib/snapshot.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

function printTable(table: Table): void {
  console.log(`${renderTable(table)}\n`);
}

async function main(): Promise<number> {
  const { sections, quick, cli, rounds } = parseBenchArgs(process.argv.slice(2));
  const started = performance.now();
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
  console.log(
    `# release-policy benchmarks\n\nNode ${machine.node}, ${machine.platform}, ${machine.cores} cores (${machine.cpu}), ` +
      `${machine.memoryGiB} GiB${quick ? ', --quick (numbers are not comparable)' : ''}\n`,
  );
  const tables: Table[] = [];
  const problems: string[] = [];
  let cold: ColdStartReport | undefined;
  let api: ApiScenarioReport | undefined;
  let core: CoreSpeedResult | undefined;
  let history: HistoryReport | undefined;
  let audit: AuditRequestsReport | undefined;
  let changelog: ChangelogReport | undefined;
  let patches: PatchesReport | undefined;

  // The bundles as they are now: a rebuild during the run cannot swap them.
  const actionsRoot =
    sections.includes('cold') || sections.includes('api') ? await snapshotActions(root) : root;
  try {
    if (sections.includes('cold')) {
      const options = { root: actionsRoot, runs: quick ? 5 : 15, warmup: quick ? 1 : 2 };
      cold = await runColdStart(options);
      const table = renderColdStartTable(cold, options, process.version);
      tables.push(table);
      printTable(table);
      for (const name of cold.missing) {
        problems.push(
          `actions/${name} has no dist/index.js: build it (npm run build) to measure it.`,
        );
      }
      for (const r of cold.results) {
        if (r.failures.length > 0) problems.push(`${r.name} exited with errors: ${r.failures[0]}`);
      }
    }
    if (sections.includes('api')) {
      api = await runApiScenarios(actionsRoot);
      for (const table of renderApiTables(api.results)) {
        tables.push(table);
        printTable(table);
      }
      for (const r of api.results) {
        if (r.outcome !== r.expected) {
          problems.push(
            `${r.action} "${r.scenario}" should ${r.expected === 'pass' ? 'pass' : 'fail'} but gave ${r.outcome}: ${r.detail ?? ''}`,
          );
        }
      }
      problems.push(...api.violations.map((v) => `emulator violation: ${v}`));
    }
  } finally {
    if (actionsRoot !== root) await rm(actionsRoot, { recursive: true, force: true });
  }
  if (sections.includes('core')) {
    core = runCoreSpeed(
      quick
        ? {
            ...DEFAULT_CORE_OPTIONS,
            commits: 2_000,
            versions: 10_000,
            branches: 10_000,
            warmup: 1,
            rounds: 3,
            commitRounds: 2,
            adversarialIterations: 100,
            adversarialRounds: 2,
          }
        : DEFAULT_CORE_OPTIONS,
    );
    for (const table of core.tables) {
      tables.push(table);
      printTable(table);
    }
    problems.push(...core.disagreements.map((d) => `the branch peers disagree on ${d}`));
  }
  if (sections.includes('history')) {
    const options = quick
      ? { root, cli, history: { commits: 2_000, tags: 100 }, warmup: 1, rounds: rounds ?? 3 }
      : { root, cli, history: { commits: 20_000, tags: 1_000 }, warmup: 2, rounds: rounds ?? 11 };
    history = await runHistory(options);
    for (const table of [
      renderHistoryRangeTable(history, options),
      renderHistoryFullLogTable(history, options),
    ]) {
      tables.push(table);
      printTable(table);
    }
    problems.push(...history.results.flatMap((r) => r.problems));
  }
  if (sections.includes('changelog')) {
    const options = quick
      ? { root, history: { commits: 2_000, tags: 100 }, warmup: 1, rounds: 3, allRounds: 1 }
      : { root, history: { commits: 20_000, tags: 1_000 }, warmup: 2, rounds: 11, allRounds: 1 };
    changelog = await runChangelogBench(options);
    const table = renderChangelogTable(changelog, options);
    tables.push(table);
    printTable(table);
    problems.push(...changelog.results.flatMap((r) => r.problems));
  }
  if (sections.includes('patches')) {
    const options = quick
      ? { root, repo: { mainline: 5_000, line: 100 }, warmup: 1, rounds: 3 }
      : { root, repo: { mainline: 50_000, line: 500 }, warmup: 1, rounds: 5 };
    patches = await runPatchesBench(options);
    const table = renderPatchesTable(patches, options);
    tables.push(table);
    printTable(table);
    problems.push(...patches.problems);
  }

  if (sections.includes('audit')) {
    audit = await runAuditRequests(root, quick ? 30 : 300);
    const table = renderAuditRequestsTable(audit);
    tables.push(table);
    printTable(table);
    if (audit.action.exitCodes.some((code) => code !== 0)) {
      problems.push(
        `the audit action exited ${audit.action.exitCodes.join(', ')} on a compliant repository`,
      );
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const report = {
    generatedAt: new Date().toISOString(),
    quick,
    sections,
    machine,
    seconds,
    problems,
    coldStart: cold,
    api,
    core: core && { ...core, tables: undefined },
    history,
    audit,
    changelog,
    patches,
    tables,
  };
  const out = join(benchDir, 'results', 'latest.json');
  await mkdir(dirname(out), { recursive: true });
  // Formatted as the repository's formatter would, so its check passes with the file present.
  const json = await format(JSON.stringify(report), {
    ...((await resolveConfig(out)) ?? {}),
    parser: 'json',
  });
  await writeFile(out, json);
  console.log(`Took ${seconds.toFixed(0)} s. Data: bench/results/latest.json`);
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) make these numbers unreliable:`);
    for (const p of problems) console.error(`- ${p}`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
