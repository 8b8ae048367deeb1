// Questions to ask next under an answer, from the schema: the same rows per related table, per a column with
// few values, per month of a date; clicking one asks it in the same conversation.

import { h, humanize } from './dom.js';
import { categoryOf, singular } from './schema.js';
import { ask } from './actions.js';

const MAX = 3;
let schema = [];

/** The tables of the schema panel ({name, fields, relationships}), for suggestions. */
export function useSchema(tables) {
  schema = tables ?? [];
}

/** The table an answer's SQL reads first, if the schema has it. */
function mainTable(sql) {
  const m = /\bfrom\s+(?:"?(\w+)"?\.)?"?(\w+)"?/i.exec(sql ?? '');
  return m ? schema.find((t) => t.name.toLowerCase() === m[2].toLowerCase()) : undefined;
}

/** Up to three questions about the answer's table: a related table, a grouping, a time bucket. */
export function suggestions(answer) {
  const table = mainTable(answer.sql);
  if (!table) return [];
  const noun = humanize(table.name);
  const sql = String(answer.sql).toLowerCase();
  const out = [];
  const target = (r) => String(r.target_table ?? '').split('.').pop();
  const unread = (name) => name && name !== table.name && !sql.includes(name.toLowerCase());
  const parent = (table.relationships ?? []).map(target).find(unread);
  const child = schema.filter((t) => unread(t.name) && (t.relationships ?? []).some((r) => target(r) === table.name))[0];
  if (parent) out.push(`How many ${noun} are there per ${singular(humanize(parent))}?`);
  else if (child) out.push(`How many ${humanize(child.name)} are there per ${singular(noun)}?`);
  const grouped = categoryOf(table.fields ?? []);
  if (grouped && !new RegExp(`group by[^;]*\\b${grouped.name}\\b`).test(sql)) out.push(`How many ${noun} are there per ${humanize(grouped.name)}?`);
  const dated = (table.fields ?? []).find((f) => /^(date|timestamp)/i.test(f.type ?? ''));
  if (dated && !/date_trunc|extract/.test(sql)) out.push(`How many ${noun} are there per month?`);
  return out.slice(0, MAX);
}

/** The follow-up list under an answer, or null when the schema suggests nothing. */
export function followUps(answer) {
  const questions = suggestions(answer);
  if (!questions.length) return null;
  return h('nav.followups', { 'aria-label': 'Ask next' }, h('p.followups-title', { text: 'Ask next' }),
    h('ul', {}, questions.map((q) => h('li', {}, h('button.example.followup', { type: 'button', onclick: () => ask(q) }, q)))));
}
