import { describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { createActionsLog, formatLogData, logData, quoteForLog } from './log.js';
import { captureStdout, findCommandLines } from './testing/actions-env.js';

const HOSTILE = [
  '%0A::error::x',
  '::stop-commands::abc',
  '  ::warning file=a::indented',
  'feature/x\n::error::injected',
  'feature/x\r::error::after CR',
  'feature/x\r\n::add-mask::secret',
  'legacy ##[error]inside a line',
  '##[set-output name=x;]y',
  '\u001b[2K::error::hidden by ANSI',
];

describe('formatLogData', () => {
  it('checks every line, whatever the line break', () => {
    expect(formatLogData('a\n::error::b\r::error::c\r\nd')).toBe(
      'a\n\\::error::b\n\\::error::c\nd',
    );
  });
});

describe('quoteForLog', () => {
  it('puts a value with CR and LF on one line', () => {
    expect(quoteForLog('feat\r\n::error::x')).toBe('"feat\\r\\n::error::x"');
  });
});

describe('stdout never carries a workflow command from untrusted text', () => {
  it.each(HOSTILE)('logData(%j)', async (text) => {
    const { stdout } = await captureStdout(() => logData(text));
    expect(findCommandLines(stdout)).toEqual([]);
    expect(stdout.length).toBeGreaterThan(0);
  });

  it.each(HOSTILE)('annotations through @actions/core: %j', async (text) => {
    const { stdout } = await captureStdout(() => {
      core.error(text, { title: text, file: text, startLine: 1 });
      core.warning(text);
      core.notice(text, { title: 'x' });
    });
    const lines = stdout.split(/\r\n|\r|\n/).filter(Boolean);
    // Exactly the three intended commands, each on one line; nothing else looks like a command.
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => /^::(\w+)/.exec(l)?.[1])).toEqual(['error', 'warning', 'notice']);
    // A line that parses as a `::name::` command is never re-read in the legacy `##[` form.
    expect(findCommandLines(stdout)).toHaveLength(3);
  });

  it('keeps %0A literal inside annotation data (encoded as %250A)', async () => {
    const { stdout } = await captureStdout(() => core.error('%0A::error::x'));
    expect(stdout.trim()).toBe('::error::%250A::error::x');
  });

  it('escapes ":" and "," in annotation properties', async () => {
    const { stdout } = await captureStdout(() => core.error('m', { title: 'a:b,c', file: 'x::y' }));
    expect(stdout.trim()).toBe('::error title=a%3Ab%2Cc,file=x%3A%3Ay::m');
  });

  it('sends Octokit log lines through the same guard, never as annotations', async () => {
    const log = createActionsLog();
    const { stdout } = await captureStdout(() => {
      log.info('::error::from info');
      log.warn('line\n::error::from warn');
      log.error('::warning::from error');
    });
    expect(findCommandLines(stdout)).toEqual([]);
    expect(stdout).toContain('Warning: line');
  });
});
