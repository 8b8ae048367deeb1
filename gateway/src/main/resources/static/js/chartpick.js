// The chart under an answer, and the choice of it: bar, line (a series over time), pie (categories whose values
// fit one) or the table only. A bar or pie chart of many categories shows the largest ones and says how many
// there were.

import { h, announce } from './dom.js';
import { drawChart } from './chart.js';
import { columnsOf } from './format.js';

/** More categories than this are cut to the largest ones (a pie to fewer still: thin slices cannot be read). */
export const TOP_BARS = 12;
export const TOP_SLICES = 8;
const LABELS = { bar: 'Bar', line: 'Line', pie: 'Pie', point: 'Scatter', table: 'Table only' };

/**
 * What the rows can be drawn as, from the chart the answer suggests (its x and y columns): a series over time as
 * a line or bars, categories as bars or (all values zero or more) a pie, two numbers as a scatter plot; the
 * table only is always a choice. Null when the answer suggests no chart (a single value, a listing).
 */
export function chartable(answer) {
  const encoding = answer.chart?.encoding;
  const mark = typeof answer.chart?.mark === 'string' ? answer.chart.mark : answer.chart?.mark?.type;
  const columns = columnsOf(answer).map((c) => c.name);
  const x = columns.indexOf(encoding?.x?.field);
  const y = columns.indexOf(encoding?.y?.field);
  if (x < 0 || y < 0 || (answer.rows ?? []).length < 2) return null;
  const values = answer.rows.map((r) => ({ x: r[x], y: Number(r[y]) })).filter((v) => Number.isFinite(v.y));
  const data = { x: columns[x], y: columns[y], xType: encoding.x.type ?? 'nominal', temporal: mark === 'line', values, mark };
  if (mark === 'point') return { ...data, kinds: ['point', 'table'] };
  const kinds = data.temporal ? ['line', 'bar'] : ['bar'];
  if (!data.temporal && values.every((v) => v.y >= 0) && values.some((v) => v.y > 0)) kinds.push('pie');
  return { ...data, kinds: [...kinds, 'table'] };
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
  const marks = { line: { type: 'line', point: true, tooltip: true }, point: { type: 'point', tooltip: true }, bar: { type: 'bar', tooltip: true } };
  // bars of categories are ordered largest first, as the answer words them; a series keeps its order in time
  const sort = kind === 'bar' && !data.temporal ? '-y' : null;
  return { ...base, mark: marks[kind], encoding: {
    x: { field: field(data.x), type: kind === 'point' ? 'quantitative' : data.xType, sort },
    y: { field: field(data.y), type: 'quantitative' },
  } };
}

/** The chart section of an answer: a picker and the chart; null when the rows cannot be drawn. */
export function chartSection(answer) {
  const data = chartable(answer);
  if (!data) return null;
  let kind = data.kinds.includes(data.mark) ? data.mark : data.kinds[0];
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
    const caption = h('figcaption', { text: `${title}. The same data is in the table above.` });
    figure.replaceChildren(...[canvas, cut && h('p.notice.chart-cut', { role: 'note', text: cut }), caption].filter(Boolean));
    drawChart(canvas, spec(data, kind, values), { title })
      .then(() => { if (figure.contains(canvas)) { figure.dataset.drawn = 'true'; canvas.querySelector(':scope > p.empty')?.remove(); } })
      .catch((e) => canvas.replaceChildren(h('p.notice', { text: `The chart could not be drawn: ${e.message}` })));
  }

  picker.querySelectorAll('button').forEach((b) => b.setAttribute('aria-checked', String(b.dataset.kind === kind)));
  section.dataset.kind = kind;
  draw();
  return section;
}
