// Right / wrong buttons under an answer; marked wrong, the right SQL and a note may come with it. Recorded by the
// gateway as events, and proposed to the knowledge base: a right answer as a verified example, the right SQL as an
// example, the note as a note; an admin approves them in the Knowledge panel.

import { api } from './api.js';
import { h, announce } from './dom.js';

let counter = 0;

/** {@code conversationId} finds an earlier turn of a reopened conversation; {@code verdict} is the mark given before. */
export function feedbackBox(queryId, sql, { conversationId, verdict } = {}) {
  const id = `feedback-${++counter}`;
  const status = h('p.feedback-status', { role: 'status' });
  const corrected = h('textarea.code-input', { id: `${id}-sql`, rows: '4', spellcheck: 'false' });
  corrected.value = sql ?? '';
  const comment = h('input', { id: `${id}-comment`, type: 'text', autocomplete: 'off' });
  const form = h('form.feedback-form', { id: `${id}-form`, hidden: true, onsubmit: (e) => { e.preventDefault(); sendWrong(); } },
    h('label', { for: corrected.id }, 'The right SQL (optional, proposed as a verified example)'), corrected,
    h('label', { for: comment.id }, 'A note on what was wrong (optional, proposed as a note for this database)'), comment,
    h('div.form-actions', {}, h('button.primary.small', { type: 'submit' }, 'Send feedback')));
  const right = h('button.small.verdict', { type: 'button', 'aria-pressed': 'false', onclick: sendRight }, h('span', { 'aria-hidden': 'true' }, '✓ '), 'Right');
  const wrong = h('button.small.verdict', { type: 'button', 'aria-pressed': 'false', 'aria-expanded': 'false',
    'aria-controls': form.id, onclick: openWrong }, h('span', { 'aria-hidden': 'true' }, '✗ '), 'Wrong');
  const element = h('div.feedback', { role: 'group', 'aria-labelledby': `${id}-label` },
    h('span.feedback-label', { id: `${id}-label` }, 'Was this answer right?'), right, wrong, form, status);
  if (verdict === 'right' || verdict === 'wrong') {
    (verdict === 'right' ? right : wrong).setAttribute('aria-pressed', 'true');
    status.textContent = `You marked this answer ${verdict}.`;
  }

  async function send(body, pressed) {
    status.textContent = 'Sending…';
    status.classList.remove('error');
    try {
      const accepted = await api.post(`/api/chat/queries/${encodeURIComponent(queryId)}/feedback`,
        conversationId ? { ...body, conversation_id: conversationId } : body);
      right.setAttribute('aria-pressed', String(pressed === right));
      wrong.setAttribute('aria-pressed', String(pressed === wrong));
      status.textContent = `Thank you: your feedback was recorded.${proposedText(accepted?.proposed ?? [])}`;
      return true;
    } catch (e) {
      status.textContent = `Feedback not recorded: ${e.message}`;
      status.classList.add('error');
      return false;
    }
  }

  function sendRight() {
    form.hidden = true;
    wrong.setAttribute('aria-expanded', 'false');
    send({ verdict: 'right' }, right);
  }

  function openWrong() {
    form.hidden = !form.hidden;
    wrong.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) corrected.focus();
  }

  async function sendWrong() {
    const body = { verdict: 'wrong' };
    const sqlText = corrected.value.trim();
    if (sqlText && sqlText !== (sql ?? '').trim()) body.corrected_sql = sqlText;
    if (comment.value.trim()) body.comment = comment.value.trim();
    if (await send(body, wrong)) {
      form.hidden = true;
      wrong.setAttribute('aria-expanded', 'false');
      wrong.focus();
      announce('Feedback recorded.');
    }
  }

  return element;
}

function proposedText(proposed) {
  if (!proposed.length) return '';
  const names = proposed.map((p) => (p.kind === 'example' ? 'a verified example' : 'a note'));
  return ` It is proposed as ${names.join(' and ')} for an admin to approve in the Knowledge panel.`;
}
