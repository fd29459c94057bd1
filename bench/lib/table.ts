/**
 * Markdown tables and number formats for the benchmark report.
 */

/** One cell: text as is, numbers formatted by the caller. */
export type Cell = string | number;

/** Column alignment: text left, numbers right. */
export type Align = 'left' | 'right';

/** A titled table: what `renderTable` prints and what the JSON report keeps. */
export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Per column; default left for the first column, right for the rest. */
  align?: Align[];
  /** Lines printed under the table (how to read it, caveats). */
  notes?: string[];
}

/** Escapes a cell for a markdown table: pipes and line breaks would break the row. */
function escapeCell(cell: Cell): string {
  return String(cell).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Renders a table as GitHub-flavoured markdown with padded columns, so it
 * reads well both in a terminal and rendered. Rows shorter than the header
 * are padded with empty cells; longer rows are an error.
 */
export function renderTable(table: Table): string {
  const width = table.columns.length;
  const bad = table.rows.findIndex((row) => row.length > width);
  if (bad !== -1) {
    throw new RangeError(
      `Row ${bad + 1} of table ${JSON.stringify(table.title)} has ${table.rows[bad]?.length} cells, ` +
        `but the table has ${width} columns (${table.columns.join(', ')}).`,
    );
  }
  const cells = [table.columns, ...table.rows].map((row) =>
    Array.from({ length: width }, (_, i) => escapeCell(row[i] ?? '')),
  );
  const sizes = table.columns.map((_, i) =>
    Math.max(3, ...cells.map((row) => (row[i] as string).length)),
  );
  const align = table.columns.map((_, i) => table.align?.[i] ?? (i === 0 ? 'left' : 'right'));
  const pad = (text: string, i: number) =>
    align[i] === 'right' ? text.padStart(sizes[i] as number) : text.padEnd(sizes[i] as number);
  const line = (row: string[]) => `| ${row.map(pad).join(' | ')} |`;
  const rule = `| ${sizes
    .map((size, i) => (align[i] === 'right' ? `${'-'.repeat(size - 1)}:` : '-'.repeat(size)))
    .join(' | ')} |`;
  const [head, ...body] = cells as [string[], ...string[][]];
  const notes = table.notes?.length ? `\n\n${table.notes.join('\n')}` : '';
  return `### ${table.title}\n\n${[line(head), rule, ...body.map(line)].join('\n')}${notes}`;
}

/** Formats milliseconds with a precision that fits their size, e.g. `41.2` or `0.0123`. */
export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(1);
  if (ms >= 0.01) return ms.toFixed(3);
  return ms.toPrecision(3);
}

/** Formats a ratio as `3.42×`. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** Formats an integer with thousands separators, e.g. `1,088,952`. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats nanoseconds per operation from a round's milliseconds and its operation count. */
export function formatNsPerOp(roundMs: number, operations: number): string {
  const ns = (roundMs * 1e6) / operations;
  return ns >= 100 ? ns.toFixed(0) : ns.toFixed(1);
}
