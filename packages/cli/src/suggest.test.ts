import { describe, expect, it } from '@jest/globals';
import { measureCommandDistance, suggestCommand } from './suggest.js';

const COMMANDS = ['check', 'branch', 'version', 'schema', 'init'];

describe('measureCommandDistance', () => {
  it.each([
    ['check', 'check', 0],
    ['chek', 'check', 1],
    ['chekc', 'check', 1],
    ['vresion', 'version', 1],
    ['', 'init', 4],
    ['init', '', 4],
    ['kitten', 'sitting', 3],
    ['abc', 'cba', 2],
  ])('%j -> %j is %i', (a, b, distance) => {
    expect(measureCommandDistance(a, b)).toBe(distance);
    expect(measureCommandDistance(b, a)).toBe(distance);
  });
});

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
