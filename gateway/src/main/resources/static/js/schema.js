// The schema panel: tables with their columns, choices (enum or observed values) and relationships;
// opening a table offers example questions that fill the question box.

import { h, humanize, isNumericType } from './dom.js';

const MAX_CHOICES = 12;
const MAX_EXAMPLES = 5;
const FREE_TEXT = /name|description|email|comment|note|title|address|phone|url|text|summary/i;

export function tableLabel(table) {
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}

/** Example questions about a table, built from its columns, choices and relationships. */
export function exampleQuestions(table, tables = []) {
  const noun = humanize(table.name);
  const keys = new Set([...(table.primary_key ?? []), ...(table.relationships ?? []).flatMap((r) => r.columns)]);
  const fields = table.fields ?? [];
  const examples = [`How many ${noun} are there?`];
  const grouped = categoryOf(fields);
  if (grouped) examples.push(`How many ${noun} are there per ${humanize(grouped.name)}?`);
  const measure = fields.find((f) => isNumericType(f.type) && !keys.has(f.name) && !/(^|_)id$/.test(f.name));
  if (measure) examples.push(`What is the average ${humanize(measure.name)} of ${noun}?`);
  const relation = (table.relationships ?? [])[0];
  if (relation) examples.push(`How many ${noun} per ${singular(humanize(targetName(relation, tables)))}?`);
  if (grouped) examples.push(`Show the ${noun} with ${humanize(grouped.name)} ${grouped.choices[0]}`);
  examples.push(`List all ${noun}`);
  return [...new Set(examples)].slice(0, MAX_EXAMPLES);
}

/** The column to group by: declared values (enum, check) first, then a short sampled list that is not free text. */
export function categoryOf(fields = []) {
  const few = fields.filter((f) => f.choices?.length > 1 && f.choices.length <= 20);
  return few.find((f) => f.choices_source && f.choices_source !== 'sample')
    ?? few.find((f) => !FREE_TEXT.test(f.name) && f.choices.every((c) => String(c).length <= 30));
}

function targetName(relation, tables) {
  const name = String(relation.target_table ?? '').split('.').pop();
  return tables.find((t) => t.name === name)?.name ?? name;
}

export function singular(noun) {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(noun)) return noun;
  return noun.replace(/s$/, '');
}

/** Renders the schema into container; onExample(question) is called when an example is chosen. */
export function renderSchema(container, info, onExample) {
  const tables = info.tables ?? [];
  if (!tables.length) {
    container.replaceChildren(h('p.empty', { text: 'The database has no tables dbchat can read.' }));
    return;
  }
  container.replaceChildren(h('ul.schema-tables', {}, tables.map((t) => h('li', {}, tableDetails(t, tables, onExample)))));
}

function tableDetails(table, tables, onExample) {
  const label = tableLabel(table);
  const estimate = table.row_estimate > 0 ? `~${Number(table.row_estimate).toLocaleString()} rows` : '';
  return h('details.schema-table', { dataset: { table: table.name } },
    h('summary', {}, h('span.table-name', { text: label }), estimate ? h('span.table-rows', { text: estimate }) : null),
    table.comment ? h('p.comment', { text: table.comment }) : null,
    h('div.examples', {},
      h('p.examples-title', { text: 'Try asking' }),
      h('ul.example-list', {}, exampleQuestions(table, tables).map((q) =>
        h('li', {}, h('button.example', { type: 'button', onclick: () => onExample(q) }, q))))),
    h('h3.schema-heading', { text: 'Columns' }),
    h('ul.columns', {}, (table.fields ?? []).map((f) => field(f, table))),
    relationships(table));
}

function field(f, table) {
  const primary = (table.primary_key ?? []).includes(f.name);
  const choices = f.choices ?? [];
  return h('li.column', {},
    h('span.column-name', { text: f.name }),
    h('span.column-type', { text: f.type }),
    primary ? h('span.badge', { title: 'primary key', text: 'PK' }) : null,
    f.nullable ? null : h('span.badge.muted', { title: 'never empty', text: 'not null' }),
    f.comment ? h('span.comment', { text: f.comment }) : null,
    choices.length ? h('span.choices', { 'aria-label': `Values of ${f.name}` },
      choices.slice(0, MAX_CHOICES).map((c) => h('span.choice', { text: c })),
      choices.length > MAX_CHOICES ? h('span.choice.muted', { text: `+${choices.length - MAX_CHOICES} more` }) : null) : null);
}

function relationships(table) {
  const list = table.relationships ?? [];
  if (!list.length) return null;
  return [h('h3.schema-heading', { text: 'Relationships' }), h('ul.relationships', {}, list.map((r) =>
    h('li', { title: r.join ?? '' }, h('code', { text: `${r.columns.join(', ')} → ${r.target_table.replace(/^public\./, '')}(${(r.target_columns ?? []).join(', ')})` }))))];
}
