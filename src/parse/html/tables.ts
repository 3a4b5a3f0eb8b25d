/**
 * HTML stage: tables used for layout read as the blocks they hold; tables of data kept as tables.
 *
 * Mail platforms lay an email out with tables nested several deep (`<table role="presentation">`,
 * one cell per column or per story), and a saved page may do the same. Such a table is read as its
 * cells, row by row, each cell a block of its own: a summary in a cell is a paragraph like any other.
 *
 * A table is a data table when it is laid out like one: more than one row and more than one
 * column, each cell holding at most one paragraph of text (no nested table, list, heading or
 * second paragraph), and nothing that marks it as layout (`role="presentation"`/`"none"`).
 * The writer prints it as a GFM table (`| a | b |`), its cells' text kept.
 */
import type { Edit } from './nodes.ts';
import type { HtmlElement, HtmlNode } from './tree.ts';

const SECTION = new Set(['thead', 'tbody', 'tfoot']);
const CELL = new Set(['td', 'th']);
const NOT_IN_A_CELL = new Set(['table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr']);
const PARAGRAPH = new Set(['p', 'div', 'center', 'section', 'article']);

/** The rows of a table, through its sections. */
function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.name === 'tr') rows.push(child);
    else if (SECTION.has(child.name)) for (const r of child.children) if (r.type === 'element' && r.name === 'tr') rows.push(r);
  }
  return rows;
}

/** True when a cell holds at most one paragraph of phrasing content. */
function simpleCell(cell: HtmlElement): boolean {
  let paragraphs = 0;
  const visit = (node: HtmlElement): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (NOT_IN_A_CELL.has(child.name)) return false;
      if (PARAGRAPH.has(child.name) && ++paragraphs > 1) return false;
      if (!visit(child)) return false;
    }
    return true;
  };
  return visit(cell);
}

/** True when the table holds data to be read as a table, not a layout to be read as its cells. */
export function isDataTable(table: HtmlElement): boolean {
  const role = table.attrs.role?.toLowerCase();
  if (role === 'presentation' || role === 'none') return false;
  const rows = rowsOf(table);
  if (rows.length < 2) return false;
  let columns = 0;
  for (const row of rows) {
    let cells = 0;
    for (const cell of row.children) {
      if (cell.type !== 'element') {
        if (cell.value.trim() !== '') return false;
        continue;
      }
      if (!CELL.has(cell.name) || !simpleCell(cell)) return false;
      cells++;
    }
    columns = Math.max(columns, cells);
  }
  return columns >= 2;
}

/** A layout table as its content: every cell (and anything else inside) a block, in reading order. */
function asBlocks(table: HtmlElement): HtmlNode[] {
  const out: HtmlNode[] = [];
  const visit = (node: HtmlElement): void => {
    for (const child of node.children) {
      if (child.type === 'element' && (SECTION.has(child.name) || child.name === 'tr')) visit(child);
      else if (child.type === 'element' && (CELL.has(child.name) || child.name === 'caption'))
        out.push({ type: 'element', name: 'div', attrs: child.attrs, children: child.children, line: child.line });
      else out.push(child);
    }
  };
  visit(table);
  return [{ type: 'element', name: 'div', attrs: table.attrs, children: out, line: table.line }];
}

/**
 * Reads a layout table as its blocks. Applied innermost first (`rewrite`), so an outer table
 * holding a layout table holds blocks, and is layout too. Rows and cells outside any table
 * (`<td>` in a `<div>`) are blocks as well (the writer reads them so).
 */
export const readTables: Edit = (element) => (element.name === 'table' && !isDataTable(element) ? asBlocks(element) : element);
