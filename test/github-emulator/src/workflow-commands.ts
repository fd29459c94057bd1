/**
 * Reads what an action tells the runner: workflow commands on stdout
 * (`::error file=a.ts,line=3::msg`) and the files behind GITHUB_OUTPUT,
 * GITHUB_ENV and GITHUB_STATE (`name=value` and `name<<DELIMITER` blocks).
 */

/** One `::name key=value,...::message` line. */
export interface WorkflowCommand {
  name: string;
  /** Properties, unescaped (`%2C` -> `,`, `%3A` -> `:`, `%0A` -> newline, `%25` -> `%`). */
  properties: Record<string, string>;
  /** The message, unescaped (`%0A` -> newline, `%0D` -> CR, `%25` -> `%`). */
  message: string;
  /** 1-based line of stdout it came from. */
  line: number;
}

/** An `::error`, `::warning` or `::notice` command. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%');
}

/**
 * Parses every workflow command in `stdout`, as the runner does: lines that
 * start with `::`, the command name and comma-separated `key=value`
 * properties up to the next `::`, then the message. Commands between
 * `::stop-commands::TOKEN` and `::TOKEN::` are not processed.
 */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  const lines = stdout.split('\n');
  lines.forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    if (stopToken !== undefined) {
      if (text === `::${stopToken}::`) stopToken = undefined;
      return;
    }
    if (!text.startsWith('::')) return;
    const end = text.indexOf('::', 2);
    if (end < 0) return;
    const section = text.slice(2, end);
    const space = section.indexOf(' ');
    const name = space < 0 ? section : section.slice(0, space);
    if (!/^[A-Za-z][\w-]*$/.test(name)) return;
    const properties: Record<string, string> = {};
    if (space >= 0) {
      for (const pair of section.slice(space + 1).split(',')) {
        const eq = pair.indexOf('=');
        if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
      }
    }
    const message = unescapeData(text.slice(end + 2));
    commands.push({ name, properties, message, line: index + 1 });
    if (name === 'stop-commands' && message !== '') stopToken = message;
  });
  return commands;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Picks the annotations (`error`, `warning`, `notice`) out of parsed commands. */
export function extractAnnotations(commands: readonly WorkflowCommand[]): Annotation[] {
  const annotations: Annotation[] = [];
  for (const c of commands) {
    if (c.name !== 'error' && c.name !== 'warning' && c.name !== 'notice') continue;
    const p = c.properties;
    const annotation: Annotation = { level: c.name, message: c.message };
    if (p.title !== undefined) annotation.title = p.title;
    if (p.file !== undefined) annotation.file = p.file;
    const numbers = {
      line: toNumber(p.line),
      endLine: toNumber(p.endLine),
      col: toNumber(p.col),
      endColumn: toNumber(p.endColumn),
    };
    for (const [key, value] of Object.entries(numbers)) {
      if (value !== undefined) annotation[key as keyof typeof numbers] = value;
    }
    annotations.push(annotation);
  }
  return annotations;
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name=value` lines
 * and `name<<DELIMITER` ... `DELIMITER` blocks. A later value wins. Throws
 * when a block is never closed, as the runner fails the step then.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || eq > line.indexOf('<<'))) {
      const [, name = '', delimiter = ''] = heredoc;
      const body: string[] = [];
      let closed = false;
      for (i += 1; i < lines.length; i += 1) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        body.push(lines[i] ?? '');
      }
      if (!closed) {
        throw new Error(
          `The block for ${JSON.stringify(name)} opened with delimiter ${JSON.stringify(delimiter)} is never closed; write "${name}<<${delimiter}", the value lines, then "${delimiter}" on its own line.`,
        );
      }
      result[name] = body.join('\n');
    } else if (eq > 0) {
      result[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(
        `Line ${i + 1} ${JSON.stringify(line)} is neither "name=value" nor "name<<DELIMITER".`,
      );
    }
  }
  return result;
}
