// The Knowledge panel: what the team taught dbchat about the datasource (verified examples, business terms, notes),
// browsed by kind and status, added and edited in one form; admins approve and delete. A modal dialog: Escape or
// Close ends it, and what happened is said in its live region.

import { api } from './api.js';
import { h, announce } from './dom.js';

const KINDS = { example: 'Verified example', term: 'Business term', doc: 'Note' };
const FIELDS = {
  example: [['question', 'Question', 'input'], ['sql', 'SQL that answers it', 'code']],
  term: [['name', 'Name', 'input'], ['synonyms', 'Synonyms (comma separated)', 'input'], ['definition', 'Definition', 'text'],
    ['expression', 'SQL expression (optional)', 'code'], ['expression_kind', 'The expression is a', 'kind'], ['table', 'Table it reads', 'input']],
  doc: [['table', 'Table (optional)', 'input'], ['column', 'Column (optional)', 'input'], ['note', 'Note', 'text']],
};

let datasource = null;
let admin = false;
let editing = null;
const $ = (id) => document.getElementById(id);

/** The datasource the panel shows, as schema-info named it. */
export function knowledgeOf(name) {
  datasource = name;
}

export function bindKnowledge() {
  const dialog = $('knowledge');
  $('toggle-knowledge').addEventListener('click', () => {
    dialog.showModal();
    $('toggle-knowledge').setAttribute('aria-expanded', 'true');
    load();
  });
  dialog.addEventListener('close', () => {
    $('toggle-knowledge').setAttribute('aria-expanded', 'false');
    $('toggle-knowledge').focus();
  });
  $('close-knowledge').addEventListener('click', () => dialog.close());
  $('knowledge-kind').addEventListener('change', load);
  $('knowledge-status-filter').addEventListener('change', load);
  $('knowledge-add').addEventListener('click', () => openForm(null));
  $('knowledge-form-kind').addEventListener('change', () => renderFields(null));
  $('knowledge-cancel').addEventListener('click', closeForm);
  $('knowledge-form').addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
}

function base() {
  return `/api/knowledge/${encodeURIComponent(datasource ?? 'default')}/entries`;
}

function say(message, error = false) {
  const status = $('knowledge-status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

async function load() {
  $('knowledge-title').textContent = `Knowledge of ${datasource ?? 'the database'}`;
  const query = new URLSearchParams();
  if ($('knowledge-kind').value) query.set('kind', $('knowledge-kind').value);
  if ($('knowledge-status-filter').value) query.set('status', $('knowledge-status-filter').value);
  const list = $('knowledge-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const result = await api.get(`${base()}?${query}`);
    admin = result.admin;
    list.replaceChildren(...result.entries.map(item));
    $('knowledge-empty').hidden = result.entries.length > 0;
    say(`${result.total} ${result.total === 1 ? 'entry' : 'entries'}.`);
  } catch (e) {
    list.replaceChildren();
    say(`The knowledge could not be read: ${e.message}`, true);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function item(entry) {
  const title = entry.question ?? entry.name ?? entry.note ?? entry.id;
  const code = entry.sql ?? entry.expression;
  const details = [entry.kind === 'doc' && entry.question ? `About: ${entry.question}` : null,
    entry.kind === 'term' && entry.definition, entry.synonyms?.length ? `Also: ${entry.synonyms.join(', ')}` : null,
    entry.table && `Table ${entry.table}${entry.column ? `.${entry.column}` : ''}`].filter(Boolean);
  const byline = `by ${entry.author ?? 'someone'}${entry.approved_by ? `, approved by ${entry.approved_by}` : ''}`;
  return h('li.knowledge-entry', { dataset: { id: entry.id, kind: entry.kind, status: entry.status } },
    h('div.knowledge-head', {},
      h('span.badge.muted', { text: KINDS[entry.kind] ?? entry.kind }), ' ',
      h(`span.badge${entry.status === 'approved' ? '' : '.muted'}`, { text: entry.status }), ' ',
      h('strong.knowledge-title', { text: title })),
    details.map((d) => h('p.knowledge-detail', { text: d })),
    code ? h('pre.knowledge-sql', {}, h('code', { text: code })) : null,
    h('p.hint', { text: byline }),
    h('div.knowledge-actions', {},
      h('button.small', { type: 'button', onclick: () => openForm(entry), 'aria-label': `Edit “${title}”` }, 'Edit'),
      admin && entry.status !== 'approved' ? h('button.small.primary.knowledge-approve', { type: 'button',
        onclick: () => act(() => api.post(`${base()}/${encodeURIComponent(entry.id)}/approve`), `Approved “${title}”.`),
        'aria-label': `Approve “${title}”` }, 'Approve') : null,
      admin ? h('button.small.danger', { type: 'button', 'aria-label': `Delete “${title}”`,
        onclick: () => confirm(`Delete “${title}”?`)
          && act(() => api.delete(`${base()}/${encodeURIComponent(entry.id)}`), `Deleted “${title}”.`) }, 'Delete') : null));
}

async function act(call, done) {
  try {
    await call();
    announce(done);
    await load();
    say(done);
  } catch (e) {
    say(e.message, true);
  }
}

function openForm(entry) {
  editing = entry;
  const form = $('knowledge-form');
  form.hidden = false;
  $('knowledge-form-title').textContent = entry ? 'Edit the entry' : 'Add an entry';
  $('knowledge-form-kind').value = entry?.kind ?? 'example';
  $('knowledge-form-kind').disabled = Boolean(entry);
  renderFields(entry);
  form.querySelector('select:not([disabled]), input, textarea')?.focus();
}

function closeForm() {
  editing = null;
  $('knowledge-form').hidden = true;
  $('knowledge-add').focus();
}

function renderFields(entry) {
  const kind = $('knowledge-form-kind').value;
  $('knowledge-fields').replaceChildren(...FIELDS[kind].map(([name, label, type]) => {
    const id = `knowledge-field-${name}`;
    const value = name === 'synonyms' ? (entry?.synonyms ?? []).join(', ') : entry?.[name] ?? '';
    const input = type === 'kind'
      ? h('select', { id, name }, h('option', { value: 'measure', text: 'measure (a value)' }), h('option', { value: 'condition', text: 'condition (which rows)' }))
      : type === 'input' ? h('input', { id, name, type: 'text', autocomplete: 'off' })
        : h(`textarea${type === 'code' ? '.code-input' : ''}`, { id, name, rows: type === 'code' ? '4' : '2', spellcheck: type === 'code' ? 'false' : 'true' });
    input.value = value || (type === 'kind' ? 'measure' : '');
    return h('div.knowledge-field', {}, h('label', { for: id, text: label }), input);
  }));
}

async function save() {
  const kind = $('knowledge-form-kind').value;
  const body = { kind };
  for (const [name] of FIELDS[kind]) {
    const value = $(`knowledge-field-${name}`).value.trim();
    if (name === 'synonyms') body.synonyms = value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
    else if (value) body[name] = value;
  }
  try {
    if (editing) await api.put(`${base()}/${encodeURIComponent(editing.id)}`, { ...body, revision: editing.revision });
    else await api.post(base(), body);
    const done = editing ? 'Entry saved.' : 'Entry proposed: an admin approves it before dbchat uses it.';
    closeForm();
    announce(done);
    await load();
    say(done);
  } catch (e) {
    say(`Not saved: ${e.message}`, true);
  }
}
