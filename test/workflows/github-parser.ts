/**
 * Thin wrappers over GitHub's own workflow and action parsers, so tests see
 * every validation problem as plain text with its position.
 */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { FileProvider } from '@actions/workflow-parser/workflows/file-provider';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';

/** One problem the parser reported, e.g. `starter.yml (Line: 3, Col: 5): Unexpected value 'x'`. */
export type ParserProblem = string;

function collectProblems(context: TemplateContext): ParserProblem[] {
  return context.errors.getErrors().map((error) => error.message);
}

/**
 * Validates an action metadata file (`action.yml`) against GitHub's action
 * schema. Returns every problem; an empty list means GitHub accepts it.
 */
export function validateActionManifest(name: string, content: string): ParserProblem[] {
  const result = parseAction({ name, content }, new NoOperationTraceWriter());
  const problems = collectProblems(result.context);
  if (!result.value && problems.length === 0) problems.push(`${name}: the parser returned nothing`);
  return problems;
}

/** Files a workflow may call as local reusable workflows (`./.github/workflows/x.yml`). */
export type LocalWorkflows = Readonly<Record<string, string>>;

/**
 * Validates a workflow file against GitHub's workflow schema, then converts
 * it the way GitHub does (events, jobs, expressions). Local reusable
 * workflows it calls (`uses: ./.github/workflows/NAME.yml`) are looked up
 * in `local` by file name and validated too: the caller's `with:` inputs
 * against the callee's `workflow_call` inputs. Returns every problem.
 */
export async function validateWorkflow(
  name: string,
  content: string,
  local: LocalWorkflows = {},
): Promise<ParserProblem[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (!parsed.value) {
    const problems = collectProblems(parsed.context);
    return problems.length ? problems : [`${name}: the parser returned nothing`];
  }
  const provider: FileProvider = {
    getFileContent(ref) {
      if ('repository' in ref) {
        return Promise.reject(
          new Error(`remote workflow ${ref.owner}/${ref.repository} is not available`),
        );
      }
      const file = ref.path.split('/').pop() ?? '';
      const text = local[file];
      if (text === undefined) return Promise.reject(new Error(`no local workflow ${ref.path}`));
      return Promise.resolve({ name: file, content: text });
    },
  };
  await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
    fetchReusableWorkflowDepth: 1,
  });
  return collectProblems(parsed.context);
}
