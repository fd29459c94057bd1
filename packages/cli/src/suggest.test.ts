import { describe, expect, it } from '@jest/globals';
import { suggestCommand } from './suggest.js';

const COMMANDS = ['check', 'branch', 'version', 'schema', 'init'];

describe('suggestCommand', () => {
  it.each([
    ['chek', 'check'],
    ['CHECK', 'check'],
    ['checks', 'check'],
    ['brnach', 'branch'],
    ['branc', 'branch'],
    ['ver', 'version'],
    ['versoin', 'version'],
    ['sch', 'schema'],
    ['int', 'init'],
    ['in', 'init'],
    ['ch', 'check'],
  ])('%j -> %j', (input, expected) => {
    expect(suggestCommand(input, COMMANDS)).toBe(expected);
  });

  it.each([
    [''],
    ['x'],
    ['zzz'],
    ['deploy'],
    ['publish'],
    ['c'.repeat(41)],
    ['init-all-the-things'],
  ])('%j -> no suggestion', (input) => {
    expect(suggestCommand(input, COMMANDS)).toBeUndefined();
  });
});
