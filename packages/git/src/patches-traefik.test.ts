/**
 * A real project that merges its maintenance line forward, rebuilt as a
 * fixture: Traefik (github.com/traefik/traefik), its `v2.11` line merged
 * into `v3.0` from April to June 2024.
 *
 * Taken from Traefik's published CHANGELOG.md (its sections v2.11.2 to
 * v2.11.5 and v3.0.0-rc5 to v3.0.3): each release's date, the pull requests
 * it lists (number and title), and the forward merges it lists as its own
 * changes ("Merge current v2.11 into v3.0" #10604, #10781, #10796; "Merge
 * v2.11 into v3.0" #10810, #10823), and which dependency updates each line
 * made (lego on v2.11, merged forward; tscert and OTel on v3.0 only). From
 * Traefik's release procedure as its repository describes it today
 * (script/release/README.md, script/release/cliff.toml), assumed to hold in
 * 2024: a patch release is a pull request into its line whose commit is
 * "Prepare release vX.Y.Z" and prepends to CHANGELOG.md; the changelog is
 * made from the commits with release and merge commits skipped, so the
 * forward merges are merge commits.
 *
 * The slice, as data, and its fast-import stream: testing/traefik-history.ts.
 *
 * Inferred, not taken: commit subjects are the pull request titles without
 * a number (the stored files do not show the commit subjects); commits of a
 * release come in pull request number order, an hour apart, after the
 * release before; each
 * forward merge takes the line as it stood when the pull request was
 * opened, judged by the numbers (#10781 after #10772, #10796 after the
 * v2.11.4 release, #10810 after #10803, #10823 after the v2.11.5 release);
 * one root commit stands for the history both branches share. File contents
 * are stand-ins written by us (each pull request writes one file in its
 * area's folder; dependency updates edit one line of go.mod; releases
 * prepend their section to CHANGELOG.md): no two changes of the slice are the
 * same patch, as no two listed pull requests are the same change.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyLineCommits, defaultPolicy, type Policy } from '@release-policy/core';
import { createGit } from './git.js';
import { gatherPatchFacts } from './patches.js';
import { createTempRepo, type TempRepo } from './testing/temp-repo.js';
import { renderTraefikStream } from './testing/traefik-history.js';

const now = new Date('2024-06-18T20:00:00Z');
const policy = defaultPolicy();
/** Traefik's policy: its release commits are "Prepare release vX.Y.Z". */
const traefikPolicy: Policy = {
  ...policy,
  patches: { ...policy.patches, exempt: [...policy.patches.exempt, 'Prepare release v*'] },
};

describe("the patches check on Traefik's v2.11 line merged forward into v3.0 (2024)", () => {
  let repo: TempRepo;
  beforeAll(async () => {
    repo = await createTempRepo();
    repo.git(['fast-import', '--quiet'], { input: renderTraefikStream() });
    repo.git(['checkout', '--quiet', '-f', 'v3.0']);
  }, 60_000);
  afterAll(() => repo.cleanup());

  /** The line's commits at `line` against mainline at `mainline`, as `subject: status [evidence kinds]`, newest first. */
  async function classify(line: string, mainline: string, usedPolicy = traefikPolicy) {
    const facts = await gatherPatchFacts({
      git: createGit({ cwd: repo.dir, env: repo.env }),
      policy: usedPolicy,
      now,
      mainline: 'v3.0',
      mainlineRevision: mainline,
      lines: [line],
    });
    return classifyLineCommits(facts, usedPolicy, now)[0]?.commits.map(
      (c) => `${c.subject}: ${c.status} [${c.evidence.map((e) => e.kind).join(', ')}]`,
    );
  }

  it('rebuilds the shape of the slice: releases on both lines, forward merges as merge commits', async () => {
    expect(
      repo.git(['log', '--first-parent', '--merges', '--format=%s', 'v3.0']).split('\n'),
    ).toEqual([
      'Merge v2.11 into v3.0',
      'Merge v2.11 into v3.0',
      'Merge current v2.11 into v3.0',
      'Merge current v2.11 into v3.0',
      'Merge current v2.11 into v3.0',
    ]);
    expect(repo.git(['tag', '--merged', 'v2.11']).split('\n')).toEqual([
      'v2.11.2',
      'v2.11.3',
      'v2.11.4',
      'v2.11.5',
    ]);
    expect(repo.git(['rev-list', '--count', '--no-merges', 'v3.0..v2.11'])).toBe('0');
    const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect([...changelog.matchAll(/^## (v\S+)/gm)].map((m) => m[1])).toEqual([
      'v3.0.3',
      'v2.11.5',
      'v3.0.2',
      'v2.11.4',
      'v3.0.1',
      'v2.11.3',
      'v3.0.0',
      'v3.0.0-rc5',
      'v2.11.2',
    ]);
    expect(await readFile(join(repo.dir, 'go.mod'), 'utf8')).toContain(
      'github.com/go-acme/lego/v4 v4.17.4',
    );
  });

  // Each case: the line as a release left it, mainline as a release or forward merge left it.
  it.each<[string, string, string, string[]]>([
    [
      // v3.0.1's changelog lists no forward merge: v2.11.3's fixes reached v3.0 only with #10781
      // (v3.0.2). Each is its own change: #10615 and v3.0's #10675 both remove deadlines, for
      // other connections, in other patches. The release commit is exempt by Traefik's pattern.
      'v3.0.1 shipped without v2.11.3: its nine fixes are missing',
      'v2.11.3',
      'v3.0.1',
      [
        'Prepare release v2.11.3: exempt [exemption]',
        'Display of Content Security Policy values getting out of screen: missing []',
        'Improve mirroring example on Kubernetes: missing []',
        'Fix migration/v2.md: missing []',
        'Consistent entryPoints capitalization in CLI flag usage: missing []',
        'Fix unfinished migration sentence for v2.11.2: missing []',
        'Fix HTTPRoute use of backendRefs: missing []',
        'Fix HTTPRoute path type: missing []',
        'Fix provider icon size: missing []',
        'Remove deadlines for non-TLS connections: missing []',
      ],
    ],
    [
      // #10781 took the line up to #10772 (the lego v4.17.3 update included, merged like any
      // change); #10785 and the v2.11.4 release came after it and wait for #10796.
      'after the first forward merge of v3.0.2, the rest of v2.11.4 is missing',
      'v2.11.4',
      'refs/fixture/merge-10781',
      [
        'Prepare release v2.11.4: exempt [exemption]',
        'Add user guides link to getting started: missing []',
      ],
    ],
    [
      // #10796 merged v2.11.4 itself: every commit of the line is an ancestor of v3.0.2.
      'v3.0.2 holds all of v2.11.4',
      'v2.11.4',
      'v3.0.2',
      [],
    ],
    [
      // #10810 took #10798 and the lego v4.17.4 update; the v2.11.5 release commit came after.
      'before the last forward merge, only the v2.11.5 release commit is not in v3.0',
      'v2.11.5',
      'refs/fixture/merge-10810',
      ['Prepare release v2.11.5: exempt [exemption]'],
    ],
    [
      // #10823 merged v2.11.5: v3.0.3 holds every patch shipped on v2.11.
      'v3.0.3 holds all of v2.11',
      'v2.11',
      'v3.0.3',
      [],
    ],
  ])('%s', async (_name, line, mainline, expected) => {
    expect(await classify(line, mainline)).toEqual(expected);
  });

  it("needs Traefik's release pattern: with the default exemptions its release commit is missing", async () => {
    // The default patterns (chore(release): …, release: …) do not cover "Prepare release v2.11.5".
    expect(await classify('v2.11.5', 'refs/fixture/merge-10810', policy)).toEqual([
      'Prepare release v2.11.5: missing []',
    ]);
  });
});
