import { describe, expect, it } from '@jest/globals';
import { parseRemoteUrl, readServerUrl } from './repo.js';

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

describe('readServerUrl', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['https://github.com/octo/app.git', {}, 'https://github.com'],
    ['git@github.example.com:octo/app.git', {}, 'https://github.example.com'],
    ['ssh://git@ghes.example.com:2222/octo/app.git', {}, 'https://ghes.example.com'],
    ['http://ghes.local:8080/octo/app', {}, 'http://ghes.local:8080'],
    [
      'https://x-access-token:ghs_secret@ghes.example.com/octo/app.git',
      {},
      'https://ghes.example.com',
    ],
    [
      'git@github.com:octo/app.git',
      { GITHUB_SERVER_URL: 'https://ghes.example.com/' },
      'https://ghes.example.com',
    ],
    ['git@github.com:octo/app.git', { GITHUB_SERVER_URL: 'not a url' }, 'https://github.com'],
    ['/srv/git/app.git', {}, undefined],
    ['../app', {}, undefined],
  ])('%j with %j is on %j, credentials dropped', (remote, env, expected) => {
    expect(readServerUrl(remote, env)).toBe(expected);
  });
});
