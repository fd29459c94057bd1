import { GitHubApiError } from './errors.js';
import type { Octokit } from './octokit.js';
import { quoteValue } from '@release-policy/core';
import { ACTIONS_DOCS } from './text.js';

/** What an answer looks like to the check below (Octokit's response and request options). */
interface AnswerShape {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}
interface RequestShape {
  method?: string;
  url?: string;
  mediaType?: { format?: string };
}

/**
 * Why an answer with a success status cannot be read, or undefined when it
 * can: a JSON body that does not parse (cut short), an HTML page (a proxy or
 * load balancer answering for GitHub), or text where JSON was asked for.
 */
function describeUnreadableAnswer(answer: AnswerShape, request: RequestShape): string | undefined {
  if (answer.status === 204 || answer.status === 205 || request.method === 'HEAD') return undefined;
  const type = String(answer.headers['content-type'] ?? '').toLowerCase();
  const text = typeof answer.data === 'string' ? answer.data : undefined;
  if (/\bjson\b/.test(type) && text !== undefined) {
    return `a JSON body that does not parse (cut short?): ${quoteValue(text, 80)}`;
  }
  if (type.startsWith('text/html')) return 'an HTML page instead of API data';
  if (!request.mediaType?.format && (text !== undefined || answer.data instanceof ArrayBuffer)) {
    return `${quoteValue(type || 'no content type')} instead of JSON`;
  }
  return undefined;
}

/** The route of a request: its template, or the path of a full URL (pagination), without the query. */
function describeRoute(url = ''): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/**
 * Makes every call fail with a teaching {@link GitHubApiError} when GitHub's
 * answer has a success status but a body that cannot be read, so a cut-short
 * answer is never taken for a policy file (and parsed as YAML) or for an
 * empty comment list. Such an answer is not retried: it ends the run with
 * the request, what arrived and what to do.
 */
export function refuseUnreadableAnswers(octokit: Octokit): Octokit {
  octokit.hook.after('request', (answer, request) => {
    const problem = describeUnreadableAnswer(
      answer as unknown as AnswerShape,
      request as unknown as RequestShape,
    );
    if (!problem) return;
    const operation = `${request.method ?? 'GET'} ${describeRoute(request.url)}`;
    const requestId = answer.headers['x-github-request-id'];
    throw new GitHubApiError(
      `${operation} answered ${answer.status} with ${problem}` +
        `${requestId ? ` (request id ${requestId})` : ''}. Nothing was read from it. ` +
        'The answer was cut short on the way or came from a proxy in front of the API: re-run the job, ' +
        'and if it persists check that GITHUB_API_URL points at the API (e.g. "https://api.github.com"). ' +
        `Read more: ${ACTIONS_DOCS}#troubleshooting`,
      {
        status: answer.status,
        operation,
        kind: 'server',
        requestId: requestId ? String(requestId) : undefined,
      },
    );
  });
  return octokit;
}
