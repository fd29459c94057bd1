/**
 * Per-package release notes in a monorepo: a package's entries are those of
 * the commits that change a file under its path (the adapter asks git for
 * them) or whose scope is one of its scopes.
 */
import type { ChangelogEntry } from './changelog-entries.js';
import type { ChangelogPackage, ChangelogPolicy } from './config/schema.js';
import { findClosest } from './config/did-you-mean.js';
import { UsageError } from './errors.js';
import { quoteValue } from './text.js';

/**
 * The package `name` of the policy's `changelog.packages`.
 *
 * @throws UsageError naming the packages there are (and the closest one) when there is no such package
 */
export function findChangelogPackage(policy: ChangelogPolicy, name: string): ChangelogPackage {
  const found = policy.packages.find((p) => p.name === name);
  if (found) return found;
  const names = policy.packages.map((p) => p.name);
  const near = findClosest(name, names);
  throw new UsageError(
    `--package ${quoteValue(name)} is not a package of the policy's changelog section.` +
      (near ? ` Did you mean "${near}"?` : '') +
      (names.length > 0
        ? ` Packages: ${names.join(', ')}.`
        : ' It lists none: add them, e.g. changelog: { packages: [{ name: api, path: packages/api }] }.') +
      ' See docs/policy.md#changelog',
  );
}

/**
 * The entries of one package: those whose commit changed a file under its
 * path (`touched`: the shas git listed for the path; absent when the package
 * has none) or whose scope is one of its scopes. Pure.
 */
export function selectPackageEntries(
  entries: readonly ChangelogEntry[],
  pkg: ChangelogPackage,
  touched: ReadonlySet<string> | undefined,
): ChangelogEntry[] {
  const scopes = new Set(pkg.scopes);
  return entries.filter(
    (entry) =>
      (touched?.has(entry.sha) ?? false) || (entry.scope !== undefined && scopes.has(entry.scope)),
  );
}
