import { describe, expect, it } from '@jest/globals';
import { escapeInvisible } from './text.js';

describe('escapeInvisible', () => {
  it.each([
    ['U+202A left-to-right embedding', '\u202a', '\\u202a'],
    ['U+202B right-to-left embedding', '\u202b', '\\u202b'],
    ['U+202C pop directional formatting', '\u202c', '\\u202c'],
    ['U+202D left-to-right override', '\u202d', '\\u202d'],
    ['U+202E right-to-left override', '\u202e', '\\u202e'],
    ['U+2066 left-to-right isolate', '\u2066', '\\u2066'],
    ['U+2067 right-to-left isolate', '\u2067', '\\u2067'],
    ['U+2068 first strong isolate', '\u2068', '\\u2068'],
    ['U+2069 pop directional isolate', '\u2069', '\\u2069'],
    ['U+200E left-to-right mark', '\u200e', '\\u200e'],
    ['U+200F right-to-left mark', '\u200f', '\\u200f'],
    ['U+061C Arabic letter mark', '\u061c', '\\u061c'],
    ['U+2028 line separator', '\u2028', '\\u2028'],
    ['U+2029 paragraph separator', '\u2029', '\\u2029'],
    ['U+0085 next line (NEL)', '\u0085', '\\u0085'],
    ['U+009B C1 control sequence introducer', '\u009b', '\\u009b'],
    ['U+0000 NUL', '\u0000', '\\u0000'],
    ['U+0007 bell', '\u0007', '\\u0007'],
    ['U+001B escape', '\u001b', '\\u001b'],
    ['U+007F delete', '\u007f', '\\u007f'],
    ['U+000D carriage return', '\r', '\\r'],
    ['U+200B zero-width space', '\u200b', '\\u200b'],
    ['U+200C zero-width non-joiner', '\u200c', '\\u200c'],
    ['U+200D zero-width joiner', '\u200d', '\\u200d'],
    ['U+2060 word joiner', '\u2060', '\\u2060'],
    ['U+FEFF zero-width no-break space', '\ufeff', '\\ufeff'],
  ])('shows %s as a visible escape', (_name, character, escape) => {
    expect(escapeInvisible(`a${character}b`)).toBe(`a${escape}b`);
  });

  it.each([
    ['keeps line feeds and tabs by default', 'a\nb\tc', {}, 'a\nb\tc'],
    ['escapes line feeds and tabs on one line', 'a\nb\tc', { singleLine: true }, 'a\\nb\\tc'],
    ['leaves letters, emoji and the ellipsis alone', 'ünï 😀 中文 …', {}, 'ünï 😀 中文 …'],
  ])('%s', (_name, text, options, expected) => {
    expect(escapeInvisible(text, options)).toBe(expected);
  });

  it('keeps JSON text valid JSON with the same value', () => {
    const value = { name: 'x\u202ey\u2028z\u0085' };
    const escaped = escapeInvisible(JSON.stringify(value));
    expect([escaped, JSON.parse(escaped)]).toEqual(['{"name":"x\\u202ey\\u2028z\\u0085"}', value]);
  });
});
