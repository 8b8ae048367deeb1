// Tools on an answer's SQL: edit it and run it again (past the translator, through the same checks), and a
// plain-language reading of what it does (from the parse tree, on the server, no model).

import { h, announce } from './dom.js';
import { api } from './api.js';
import { runSql } from './actions.js';

export function sqlTools(sql, queryId) {
  const reading = h('p.sql-explanation', { 'aria-live': 'polite', hidden: true });
  const edit = h('button.small.edit-sql', { type: 'button', 'aria-expanded': 'false' }, 'Edit and run');
  const explain = h('button.small.explain-sql', { type: 'button' }, 'Explain this SQL');
  const tools = h('div.sql-tools', {}, h('div.sql-tool-buttons', {}, edit, explain), reading);
  let form = null;

  edit.addEventListener('click', () => {
    if (form) {
      close();
      return;
    }
    form = editor(sql, queryId, close);
    tools.append(form);
    edit.setAttribute('aria-expanded', 'true');
    form.querySelector('textarea').focus();
  });
  explain.addEventListener('click', async () => {
    reading.hidden = false;
    reading.classList.remove('error');
    reading.textContent = 'Reading the SQL…';
    try {
      reading.textContent = (await api.post('/api/sql/explain', { sql })).summary;
    } catch (e) {
      reading.classList.add('error');
      reading.textContent = `It could not be explained: ${e.message}`;
    }
  });

  function close() {
    form?.remove();
    form = null;
    edit.setAttribute('aria-expanded', 'false');
    edit.focus();
  }
  return tools;
}

function editor(sql, queryId, close) {
  const area = h('textarea.sql-editor', { rows: String(Math.min(12, sql.split('\n').length + 2)), spellcheck: 'false',
    'aria-label': 'SQL to run' });
  area.value = sql;
  const status = h('p.hint', { 'aria-live': 'polite' },
    'Runs as written: the same checks that it only reads, no translation. The answer is marked as edited by you.');
  const form = h('form.sql-edit', {}, area,
    h('div.sql-edit-buttons', {}, h('button.primary.small', { type: 'submit' }, 'Run'),
      h('button.small', { type: 'button', onclick: close }, 'Cancel')), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!area.value.trim()) {
      status.textContent = 'There is no SQL to run.';
      return;
    }
    const text = area.value;
    close();
    announce('Running the edited SQL.');
    runSql(text, queryId);
  });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  return form;
}
