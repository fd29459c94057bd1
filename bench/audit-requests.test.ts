import { describe, expect, it } from '@jest/globals';
import {
  computeInstallationLimit,
  renderAuditRequestsTable,
  type AuditRequestsReport,
} from './audit-requests.js';

describe('renderAuditRequestsTable', () => {
  it.each<[number, number]>([
    [3, 5000],
    [300, 12_500],
    [100, 9000],
  ])('gives an installation on %j repositories %j requests an hour', (repos, limit) => {
    expect(computeInstallationLimit(repos)).toBe(limit);
  });

  it('prints requests per repository with their share of an installation’s hourly limit', () => {
    const report: AuditRequestsReport = {
      repositories: 3,
      listing: 1,
      perRepository: [18, 20, 25],
      operations: { 'repos/get': 3 },
      action: { first: 25, second: 24, exitCodes: [0, 0] },
    };
    const table = renderAuditRequestsTable(report);
    expect(table.rows).toEqual([
      ['organisation listing (once)', 1, '0.02%'],
      ['audit facts, min per repository', 18, '0.36%'],
      ['audit facts, median per repository', 20, '0.40%'],
      ['audit facts, max per repository', 25, '0.50%'],
      ['action run, status issue created', 25, '0.50%'],
      ['action run, status issue updated', 24, '0.48%'],
      ['whole organisation (listing + facts)', 64, '1.28%'],
    ]);
    expect(table.columns).toEqual(['measure', 'requests', 'share of 5,000/h']);
    expect(table.notes?.[0]).toContain('the installation audits about 208 repositories an hour.');
  });
});
