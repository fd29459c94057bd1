import { describe, expect, it } from '@jest/globals';
import { neutralizeLogLine, neutralizeWorkflowCommands } from './text.js';

describe('neutralizeLogLine', () => {
  it.each([
    ['::error::x', '\\::error::x'],
    ['   ::debug::x', '   \\::debug::x'],
    ['a ##[error]b', 'a #\\#[error]b'],
    ['plain text: a::b', 'plain text: a::b'],
    ['esc\u001b[31m', 'esc\\u001b[31m'],
    ['%0A::error::x', '%0A::error::x'],
    ['\u0085::error::x', '\\u0085::error::x'],
  ])('%j -> %j', (input, expected) => {
    expect(neutralizeLogLine(input)).toBe(expected);
  });
});

describe('neutralizeWorkflowCommands', () => {
  it.each([
    ['a\n::error::b\r::warning::c\r\nd', 'a\n\\::error::b\r\\::warning::c\r\nd'],
    [
      '* gone\n  ::set-output name=x::y\n\t::add-mask::z',
      '* gone\n  \\::set-output name=x::y\n\t\\::add-mask::z',
    ],
    ['::stop-commands::t', '\\::stop-commands::t'],
    ['\u00a0\u3000::error::x', '\u00a0\u3000\\::error::x'],
    ['\u0085::error::x', '\u0085\\::error::x'],
    ['legacy ##[error]x\n##[group]y', 'legacy #\\#[error]x\n#\\#[group]y'],
    ['\u001b[31m✖\u001b[0m a::b ::c', '\u001b[31m✖\u001b[0m a::b ::c'],
    ['', ''],
  ])('%j -> %j: no line starts a workflow command, nothing else changes', (input, expected) => {
    expect(neutralizeWorkflowCommands(input)).toBe(expected);
  });
});
