import { describe, it, expect } from '@jest/globals';
import { findOperation, type OpenApiOperation } from './openapi.js';
import { validateParameters, validateRequestBody, validateResponse } from './validation.js';

function op(id: string): OpenApiOperation {
  const found = findOperation(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

describe('validateParameters', () => {
  it('accepts documented parameters, coercing numbers', () => {
    const problems = validateParameters(
      op('issues/list-comments'),
      { owner: 'o', repo: 'r', issue_number: '3' },
      { per_page: '50', page: '2' },
    );
    expect(problems).toEqual([]);
  });

  it('reports a parameter of the wrong type, with its value', () => {
    const problems = validateParameters(
      op('issues/list-comments'),
      { owner: 'o', repo: 'r', issue_number: 'abc' },
      { per_page: 'many' },
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('path parameter "issue_number" = "abc"');
    expect(problems[1]).toContain('query parameter "per_page" = "many"');
  });

  it('reports an enum violation and an undocumented query parameter', () => {
    const problems = validateParameters(
      op('pulls/list'),
      { owner: 'o', repo: 'r' },
      { state: 'merged', colour: 'red' },
    );
    expect(problems.some((p) => p.includes('"state" = "merged"') && p.includes('"open"'))).toBe(
      true,
    );
    expect(problems.some((p) => p.includes('query parameter "colour" is not described'))).toBe(
      true,
    );
  });
});

describe('validateRequestBody', () => {
  it('names the missing required property', () => {
    const problems = validateRequestBody(op('issues/create-comment'), {});
    expect(problems).toEqual(["request body at (root): must have required property 'body' (body)"]);
  });

  it('reports a required body that is absent', () => {
    expect(validateRequestBody(op('issues/create-comment'), undefined)).toEqual([
      'a JSON body is required',
    ]);
  });

  it('reports properties the schema does not name (typos)', () => {
    const problems = validateRequestBody(op('repos/create-release'), {
      tag_name: 'v1',
      drafted: true,
    });
    expect(problems).toEqual([expect.stringContaining('property "drafted" is not described')]);
  });

  it('reports a body sent to an operation that takes none', () => {
    expect(validateRequestBody(op('repos/get'), { x: 1 })).toEqual([
      'the operation takes no JSON request body',
    ]);
  });

  it('accepts a valid body', () => {
    expect(
      validateRequestBody(op('checks/create'), { name: 'n', head_sha: 'abc', status: 'queued' }),
    ).toEqual([]);
  });
});

describe('validateResponse', () => {
  it('checks the documented schema of the status', () => {
    const problems = validateResponse(op('rate-limit/get'), 200, { rate: {} });
    expect(problems[0]).toMatch(/^response 200 at /);
    expect(problems.join()).toContain('resources');
  });

  it('refuses an undocumented success status', () => {
    expect(validateResponse(op('repos/get-release'), 201, {})).toEqual([
      'status 201 is not documented (documented: 200, 401)',
    ]);
  });

  it('accepts undocumented error statuses that carry a message', () => {
    expect(validateResponse(op('repos/get-release'), 404, { message: 'Not Found' })).toEqual([]);
    expect(validateResponse(op('repos/get-release'), 404, 'nope')).toEqual([
      'error response 404 has no "message"',
    ]);
  });

  it('accepts an empty documented answer', () => {
    expect(validateResponse(op('issues/delete-comment'), 204, undefined)).toEqual([]);
  });
});
