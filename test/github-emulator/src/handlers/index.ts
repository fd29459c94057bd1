/** Every implemented operation, by operationId. */
import type { Handler } from '../http.js';
import { checkHandlers } from './checks.js';
import { contentHandlers } from './contents.js';
import { deploymentHandlers } from './deployments.js';
import { environmentHandlers } from './environments.js';
import { gitHandlers } from './git.js';
import { issueRecordHandlers } from './issue-records.js';
import { issueHandlers } from './issues.js';
import { orgHandlers } from './orgs.js';
import { protectionHandlers } from './protection.js';
import { pullHandlers } from './pulls.js';
import { releaseAssetHandlers } from './release-assets.js';
import { releaseHandlers } from './releases.js';
import { repoHandlers } from './repos.js';

export const handlers: Readonly<Record<string, Handler>> = {
  ...repoHandlers,
  ...issueHandlers,
  ...pullHandlers,
  ...contentHandlers,
  ...gitHandlers,
  ...checkHandlers,
  ...releaseHandlers,
  ...releaseAssetHandlers,
  ...deploymentHandlers,
  ...environmentHandlers,
  ...protectionHandlers,
  ...issueRecordHandlers,
  ...orgHandlers,
};
