import { describe, expect, it } from '@jest/globals';
import { parseRemoteUrl } from './repo.js';

describe('parseRemoteUrl', () => {
  it.each([
    ['https://github.com/octo-org/service.git', { owner: 'octo-org', repo: 'service' }],
    ['https://github.com/octo-org/service', { owner: 'octo-org', repo: 'service' }],
    ['https://github.com/octo-org/service/', { owner: 'octo-org', repo: 'service' }],
    ['https://user@github.com/octo-org/my.service.git', { owner: 'octo-org', repo: 'my.service' }],
    ['git@github.com:octo-org/service.git', { owner: 'octo-org', repo: 'service' }],
    ['git@github.com:octo-org/service', { owner: 'octo-org', repo: 'service' }],
    ['ssh://git@github.com/octo-org/service.git', { owner: 'octo-org', repo: 'service' }],
    ['ssh://git@github.example.com:2222/team/app.git', { owner: 'team', repo: 'app' }],
    ['https://github.example.com/team/app.git', { owner: 'team', repo: 'app' }],
    ['git@github.example.com:team/app.git', { owner: 'team', repo: 'app' }],
  ])('reads %j as its owner and name', (url, expected) => {
    expect(parseRemoteUrl(url)).toEqual(expected);
  });

  it.each([
    '/srv/git/service.git',
    '../service',
    'file:///srv/git/octo/service.git',
    'https://gitlab.example.com/group/sub/service.git',
    'https://github.com/octo-org',
    'git@github.com:service.git',
    '',
  ])('finds no GitHub repository in %j', (url) => {
    expect(parseRemoteUrl(url)).toBeUndefined();
  });
});
