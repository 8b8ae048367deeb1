// The chart under an answer, and the choice of it: bar, line, pie (where the values fit one) or the table only.
// A bar or pie chart of many categories shows the largest ones and says how many there were.

import { h, announce } from './dom.js';
import { drawChart } from './chart.js';
import { kindOf, isNumericKind, columnsOf } from './format.js';

/** More categories than this are cut to the largest ones (a pie to fewer still: thin slices cannot be read). */
export const TOP_BARS = 12;
export const TOP_SLICES = 8;
const LABELS = { bar: 'Bar', line: 'Line', pie: 'Pie', table: 'Table only' };

/** What the rows can be drawn as: a label or date column and a number column, or null when they cannot. */
export function chartable(answer) {
  const columns = columnsOf(answer);
  const rows = answer.rows ?? [];
  if (rows.length < 2 || columns.length < 2) return null;
  const y = columns.findIndex((c) => isNumericKind(kindOf(c)));
  const x = columns.findIndex((c, i) => i !== y && !isNumericKind(kindOf(c)));
  if (y < 0 || x < 0) return null;
  const temporal = ['date', 'timestamp', 'year'].includes(kindOf(columns[x]));
  const values = rows.map((r) => ({ x: r[x], y: Number(r[y]) })).filter((v) => Number.isFinite(v.y));
  const kinds = ['bar', 'line'];
  if (!temporal && values.every((v) => v.y >= 0) && values.some((v) => v.y > 0)) kinds.push('pie');
  kinds.push('table');
  return { x: columns[x].name, y: columns[y].name, temporal, values, kinds };
}

/** The values to draw for a kind: the largest ones when there are too many categories for it. */
export function shown(data, kind) {
  const top = kind === 'pie' ? TOP_SLICES : kind === 'bar' && !data.temporal ? TOP_BARS : Infinity;
  if (data.values.length <= top) return { values: data.values, cut: null };
  const largest = [...data.values].sort((a, b) => b.y - a.y).slice(0, top);
  return { values: largest, cut: `Showing the ${top} largest of ${data.values.length.toLocaleString('en-US')} ${data.x} values by ${data.y}; the table has them all.` };
}

/** Vega-Lite reads dots and brackets in a field name as paths into nested data. */
const field = (name) => name.replace(/[.[\]\\]/g, '\\$&');

export function spec(data, kind, values) {
  const rows = values.map((v) => ({ [data.x]: v.x, [data.y]: v.y }));
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values: rows } };
  if (kind === 'pie') {
    return { ...base, mark: { type: 'arc', tooltip: true },
      encoding: { theta: { field: field(data.y), type: 'quantitative' }, color: { field: field(data.x), type: 'nominal', sort: null } } };
  }
  return { ...base, mark: kind === 'line' ? { type: 'line', point: true, tooltip: true } : { type: 'bar', tooltip: true },
    encoding: {
      x: { field: field(data.x), type: data.temporal ? 'temporal' : 'nominal', sort: null },
      y: { field: field(data.y), type: 'quantitative' },
    } };
}

/** The chart section of an answer: a picker and the chart; null when the rows cannot be drawn. */
export function chartSection(answer) {
  const data = chartable(answer);
  if (!data) return null;
  const suggested = typeof answer.chart?.mark === 'string' ? answer.chart.mark : answer.chart?.mark?.type;
  let kind = data.kinds.includes(suggested) ? suggested : answer.chart ? 'bar' : 'table';
  const figure = h('figure.chart');
  const picker = h('div.chart-picker', { role: 'radiogroup', 'aria-label': 'Show the result as' },
    data.kinds.map((k) => h('button.small.chart-kind', { type: 'button', role: 'radio', dataset: { kind: k },
      onclick: () => choose(k) }, LABELS[k])));
  const section = h('section.chart-section', { 'aria-label': 'Chart' }, picker, figure);

  function choose(k) {
    kind = k;
    picker.querySelectorAll('button').forEach((b) => b.setAttribute('aria-checked', String(b.dataset.kind === k)));
    section.dataset.kind = k;
    draw();
    announce(k === 'table' ? 'Showing the table only.' : `Showing a ${LABELS[k].toLowerCase()} chart.`);
  }

  function draw() {
    delete figure.dataset.drawn;
    if (kind === 'table') {
      figure.replaceChildren();
      figure.hidden = true;
      return;
    }
    figure.hidden = false;
    const { values, cut } = shown(data, kind);
    const title = `${LABELS[kind]} chart of ${data.y} by ${data.x}`;
    const canvas = h('div.chart-canvas', {}, h('p.empty', { text: 'Drawing the chart…' }));
    figure.replaceChildren(canvas, cut ? h('p.notice.chart-cut', { role: 'note', text: cut }) : null,
      h('figcaption', { text: `${title}. The same data is in the table above.` }));
    drawChart(canvas, spec(data, kind, values), { title })
      .then(() => { if (figure.contains(canvas)) { figure.dataset.drawn = 'true'; canvas.querySelector(':scope > p.empty')?.remove(); } })
      .catch((e) => canvas.replaceChildren(h('p.notice', { text: `The chart could not be drawn: ${e.message}` })));
  }

  picker.querySelectorAll('button').forEach((b) => b.setAttribute('aria-checked', String(b.dataset.kind === kind)));
  section.dataset.kind = kind;
  draw();
  return section;
}
