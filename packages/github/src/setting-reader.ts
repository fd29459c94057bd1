/**
 * Reading a setting the token may lack the permission for: a 403 is
 * recorded (with the permission that reads it) instead of failing the run.
 */
import type { AuditUnreadable } from '@release-policy/core';
import { describeRequiredPermission, GitHubApiError, toGitHubApiError } from './errors.js';

/** Collects the settings the token could not read, and reads one setting guarded by it. */
export class SettingReader {
  readonly unreadable: AuditUnreadable[] = [];

  /**
   * Runs `call`; a 403 that is not a rate limit ends as undefined, recorded
   * as unreadable with the permission `operation` needs (or `permission`).
   * Any other failure throws, converted once here.
   *
   * @throws GitHubApiError for failures other than a missing permission.
   */
  async read<T>(
    setting: string,
    operation: string,
    call: () => Promise<T>,
    permission = describeRequiredPermission(operation),
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      const failure = error instanceof GitHubApiError ? error : toGitHubApiError(error, operation);
      if (failure.kind !== 'forbidden') throw failure;
      this.unreadable.push({
        setting,
        permission,
        answer: `${failure.status} ${failure.apiMessage ?? 'Forbidden'}`,
      });
      return undefined;
    }
  }
}
