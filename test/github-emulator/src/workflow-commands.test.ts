import { describe, it, expect } from '@jest/globals';
import {
  extractAnnotations,
  parseKeyValueFile,
  parseWorkflowCommands,
} from './workflow-commands.js';

describe('parseWorkflowCommands', () => {
  it.each([
    ['::debug::hello', { name: 'debug', properties: {}, message: 'hello' }],
    ['::group::Checks', { name: 'group', properties: {}, message: 'Checks' }],
    ['::endgroup::', { name: 'endgroup', properties: {}, message: '' }],
    ['::add-mask::s3cr3t', { name: 'add-mask', properties: {}, message: 's3cr3t' }],
    [
      '::error file=src/a%2Cb.ts,line=3,col=7,title=Bad%3A name::line one%0Aline two%25',
      {
        name: 'error',
        properties: { file: 'src/a,b.ts', line: '3', col: '7', title: 'Bad: name' },
        message: 'line one\nline two%',
      },
    ],
    [
      '::set-output name=version::1.2.3',
      { name: 'set-output', properties: { name: 'version' }, message: '1.2.3' },
    ],
    ['::warning::100%25 sure%0D', { name: 'warning', properties: {}, message: '100% sure\r' }],
  ])('parses %s', (line, expected) => {
    expect(parseWorkflowCommands(`${line}\n`)).toEqual([{ ...expected, line: 1 }]);
  });

  it.each(['plain text', ' ::error::indented', '::no end', ':: ::', '::1bad::x'])(
    'ignores %j',
    (line) => {
      expect(parseWorkflowCommands(line)).toEqual([]);
    },
  );

  it('does not double-unescape (%2525 stays %25)', () => {
    expect(parseWorkflowCommands('::notice::%2525')[0]?.message).toBe('%25');
  });

  it('keeps line numbers and handles CRLF', () => {
    const commands = parseWorkflowCommands('a\r\n::notice::one\r\nb\r\n::notice::two\r\n');
    expect(commands.map((c) => [c.line, c.message])).toEqual([
      [2, 'one'],
      [4, 'two'],
    ]);
  });

  it('does not process commands between stop-commands and its token', () => {
    const stdout = [
      '::stop-commands::pause-1',
      '::error::not a command',
      '::pause-1::',
      '::error::real',
    ].join('\n');
    expect(parseWorkflowCommands(stdout).map((c) => [c.name, c.message])).toEqual([
      ['stop-commands', 'pause-1'],
      ['error', 'real'],
    ]);
  });
});

describe('extractAnnotations', () => {
  it('keeps annotations only, with numeric positions', () => {
    const commands = parseWorkflowCommands(
      [
        '::debug::skip me',
        '::error file=a.ts,line=3,endLine=4,col=1,endColumn=9,title=T::boom',
        '::warning::careful',
        '::notice file=b.ts,line=x::note',
      ].join('\n'),
    );
    expect(extractAnnotations(commands)).toEqual([
      {
        level: 'error',
        message: 'boom',
        file: 'a.ts',
        line: 3,
        endLine: 4,
        col: 1,
        endColumn: 9,
        title: 'T',
      },
      { level: 'warning', message: 'careful' },
      { level: 'notice', message: 'note', file: 'b.ts' },
    ]);
  });
});

describe('parseKeyValueFile', () => {
  it('reads name=value lines and heredoc blocks; later values win', () => {
    const text = [
      'version=1.2.3',
      'notes<<ghadelimiter_1234',
      'line one',
      'a=b is text here',
      '',
      'ghadelimiter_1234',
      'empty=',
      'version=1.2.4',
      '',
    ].join('\n');
    expect(parseKeyValueFile(text)).toEqual({
      version: '1.2.4',
      notes: 'line one\na=b is text here\n',
      empty: '',
    });
  });

  it('treats name=value containing << as a plain value', () => {
    expect(parseKeyValueFile('shift=a<<b\n')).toEqual({ shift: 'a<<b' });
  });

  it('throws on an unclosed block, naming it', () => {
    expect(() => parseKeyValueFile('notes<<EOF\ntext\n')).toThrow(
      /The block for "notes" opened with delimiter "EOF" is never closed/,
    );
  });

  it('throws on a line that is neither form', () => {
    expect(() => parseKeyValueFile('junk\n')).toThrow(/Line 1 "junk" is neither/);
  });
});
