// The result table: in the query's own order until a header is clicked (then sorted by that column, Enter/Space
// too), paged, each cell shown as the answer's display text says (the words' own formatting, from the server).

import { h, announce } from './dom.js';

export const PAGE_SIZE = 25;
/** Cells longer than this wrap; shorter ones stay on one line and the table scrolls sideways instead. */
const LONG_TEXT = 60;

/** Orders values: numbers by value, text in natural order, NULLs last whichever the direction. */
export function compareValues(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = Number(a);
  const y = Number(b);
  if (typeof a !== 'boolean' && a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** Rows (or entries whose `row` is one) sorted by a column's values, stable, NULLs last; as they came when column is null. */
export function sortRows(rows, column, direction, rowOf = (r) => r) {
  if (column === null) return rows;
  const sign = direction === 'descending' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = rowOf(a.row)[column];
      const y = rowOf(b.row)[column];
      return nullOrder(x, y) || sign * compareValues(x, y) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

function nullOrder(a, b) {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  return an === bn ? 0 : an ? 1 : -1;
}

/**
 * A table over columns [{name, type}] and rows [[...]], with the answer's `display` ({kinds, cells}: each column's
 * kind, each cell's text where it is not the value's own); returns {element, sortedRows()}.
 */
export function resultTable(columns, rows, { caption, display }) {
  const state = { column: null, direction: 'ascending', page: 0 };
  const numeric = (display?.kinds ?? []).map((kind) => kind === 'number' || kind === 'money');
  const entries = rows.map((row, index) => ({ row, texts: display?.cells?.[index] ?? null }));
  const table = h('table.result-table');
  const scroller = h('div.table-scroll', { tabindex: '0', role: 'region', 'aria-label': `${caption}, scrollable` }, table);
  const pager = h('div.pager');
  const element = h('div.table-block', {}, scroller, pager);
  const sorted = () => sortRows(entries, state.column, state.direction, (entry) => entry.row);

  function render() {
    const all = sorted();
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * PAGE_SIZE;
    table.replaceChildren(h('caption.visually-hidden', { text: caption }), head(), body(all.slice(start, start + PAGE_SIZE)));
    renderPager(all.length, start, pages);
  }

  function head() {
    return h('thead', {}, h('tr', {}, columns.map((c, i) => {
      const sort = state.column === i ? state.direction : 'none';
      return h(`th${numeric[i] ? '.numeric' : ''}`, { scope: 'col', 'aria-sort': sort },
        h('button.sort-button', { type: 'button', onclick: () => sortBy(i), title: c.type ? `${c.name} (${c.type})` : c.name },
          c.name, h('span.sort-mark', { 'aria-hidden': 'true', text: sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕' })));
    })));
  }

  function body(pageEntries) {
    return h('tbody', {}, pageEntries.map((entry) => h('tr', {}, columns.map((c, i) => {
      const text = shownText(entry, i);
      const kind = numeric[i] ? '.numeric' : text !== null && text.length > LONG_TEXT ? '.long' : '';
      return h(`td${kind}`, {}, text === null ? h('span.null', { text: 'NULL' }) : text);
    }))));
  }

  function sortBy(index) {
    state.direction = state.column === index && state.direction === 'ascending' ? 'descending' : 'ascending';
    state.column = index;
    state.page = 0;
    render();
    table.querySelectorAll('th button')[index].focus();
    announce(`Sorted by ${columns[index].name}, ${state.direction}.`);
  }

  function renderPager(total, start, pages) {
    pager.replaceChildren();
    if (pages <= 1) return;
    const go = (page) => () => { state.page = page; render(); announce(pager.querySelector('.page-range').textContent); };
    pager.append(
      h('button.small', { type: 'button', onclick: go(state.page - 1), disabled: state.page === 0, 'aria-label': 'Previous page' }, '‹ Previous'),
      h('span.page-range', { text: `Rows ${(start + 1).toLocaleString()}–${Math.min(start + PAGE_SIZE, total).toLocaleString()} of ${total.toLocaleString()}` }),
      h('button.small', { type: 'button', onclick: go(state.page + 1), disabled: state.page >= pages - 1, 'aria-label': 'Next page' }, 'Next ›'));
  }

  render();
  return { element, sortedRows: () => sorted().map((entry) => entry.row) };
}

/** The cell as the answer's display text says it; a value it leaves out reads as itself. */
function shownText(entry, i) {
  const value = entry.row[i];
  if (value === null || value === undefined) return null;
  const text = entry.texts?.[i];
  if (text !== null && text !== undefined) return text;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
