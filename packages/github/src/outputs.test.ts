import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ReleasePolicyError } from '@release-policy/core';
import { setOutputs } from './outputs.js';
import { setKnownSecrets } from './secrets.js';
import {
  captureStdout,
  parseOutputFile,
  setUpActionsFiles,
  type ActionsFiles,
} from './testing/actions-env.js';

describe('setOutputs', () => {
  let files: ActionsFiles;
  beforeEach(() => {
    files = setUpActionsFiles();
  });
  afterEach(() => files.restore());

  it('writes no secret of the run, in text or inside JSON values', async () => {
    const token = 'ghs_OutputSecret0123456789abcdef';
    setKnownSecrets([token]);
    try {
      await captureStdout(() =>
        setOutputs({
          branch: `feature/${token}`,
          findings: [{ rule: 'x', message: `cut "${token.slice(0, 12)}…` }],
        }),
      );
    } finally {
      setKnownSecrets([]);
    }
    expect(files.readOutputs()).toEqual({
      branch: 'feature/***',
      findings: JSON.stringify([{ rule: 'x', message: 'cut "***…' }]),
    });
  });

  it('writes values that read back identically, delimiter look-alikes and newlines included', async () => {
    const tricky = 'ghadelimiter_00000000-0000-0000-0000-000000000000\nok=injected\n\nlast line';
    const record = {
      tricky,
      ok: true,
      count: 3,
      findings: [{ rule: 'x', message: 'a\nb' }],
      empty: '',
      skipped: undefined,
    };
    const { stdout } = await captureStdout(() => setOutputs(record));
    expect(stdout).toBe('');
    const read = files.readOutputs();
    expect(read).toEqual({
      tricky,
      ok: 'true',
      count: '3',
      findings: JSON.stringify([{ rule: 'x', message: 'a\nb' }]),
      empty: '',
    });
    expect(read.ok).not.toBe('injected');
  });

  it('lists every invalid name and writes nothing', () => {
    expect(() => setOutputs({ good: 'x', 'bad name': 'y', '1st': 'z' })).toThrow(
      ReleasePolicyError,
    );
    expect(() => setOutputs({ good: 'x', 'bad name': 'y', '1st': 'z' })).toThrow(
      /"bad name", "1st"/,
    );
    expect(files.readOutputs()).toEqual({});
  });
});

describe('parseOutputFile', () => {
  it('reads name=value and heredoc blocks like the runner', () => {
    expect(parseOutputFile('a=1\nb<<EOF\nx\ny\nEOF\nc=2=3\n')).toEqual({
      a: '1',
      b: 'x\ny',
      c: '2=3',
    });
  });
  it('fails on an unclosed block', () => {
    expect(() => parseOutputFile('b<<EOF\nx\n')).toThrow(/never ends/);
  });
});
