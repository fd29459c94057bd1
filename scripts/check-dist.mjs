// Rebuilds every bundle and fails when the result differs from what is
// committed: a stale dist/ would run old code on the runner.
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
// A pathspec with a wildcard must match whole paths: 'actions/*/dist' alone matches no file.
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'actions/*/dist/*', 'packages/cli/dist'],
  { cwd: root, encoding: 'utf8' },
);
if (status.trim()) {
  console.error('dist/ is out of date with the sources. Run "npm run build" and commit dist/:');
  console.error(status);
  console.error(
    execFileSync('git', ['diff', '--stat', '--', 'actions/*/dist/*', 'packages/cli/dist'], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  process.exit(1);
}
console.log('dist/ is up to date.');
