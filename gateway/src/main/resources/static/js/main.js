// The chat page: wires the question box, the conversation list, the schema panel and the API key form.

import { api, apiKey, setApiKey, onUnauthorized } from './api.js';
import { follow } from './sse.js';
import { h, announce } from './dom.js';
import { liveTurn, pastTurn, answerAddress } from './turn.js';
import { Conversations } from './conversations.js';
import { renderSchema, exampleQuestions, categoryOf } from './schema.js';
import { drawers } from './drawers.js';
import { register } from './actions.js';
import { useSchema } from './followups.js';
import { watchLength, setLimit } from './counter.js';
import { bindKnowledge, knowledgeOf } from './knowledge.js';

const $ = (id) => document.getElementById(id);
const conversations = new Conversations();
const liveTurns = new Map(); // query id → the element of a turn still streaming
const panels = drawers({ conversations: $('toggle-conversations'), schema: $('toggle-schema') });
const SCHEMA_RETRY_MS = 3000;
let currentId = null;
let updateCounter = () => {};
let busy = false;

const question = $('question');
const transcript = $('transcript');

function setBusy(value) {
  busy = value;
  $('ask-button').disabled = value;
  $('ask-button').textContent = value ? 'Asking…' : 'Ask';
}

async function ask(text) {
  if (busy || !text.trim()) return;
  const body = { query: text };
  if (currentId) body.conversation_id = currentId;
  await submit(text, '/api/chat/queries', body, () => {
    // a question the gateway did not take goes back into the box, to be fixed or asked again
    if (!question.value) question.value = text;
  });
}

/** Runs SQL as written (edited from an answer) as the next turn of the open conversation. */
async function runSql(sql, edits) {
  if (busy) {
    announce('Still answering the previous question: run it again when it is done.');
    return;
  }
  const body = { sql };
  if (currentId) body.conversation_id = currentId;
  if (edits) body.edits = edits;
  await submit(`Edited SQL: ${sql.replace(/\s+/g, ' ').trim()}`, '/api/chat/sql', body, () => {});
}

/** Posts a question or SQL, then follows its answer in a new turn that can be stopped while it runs. */
async function submit(text, path, body, notTaken) {
  setBusy(true);
  $('welcome').hidden = true;
  const turn = liveTurn(text, { onStop: () => cancel(turn) });
  transcript.append(turn.element);
  stick(true);
  let accepted = null;
  try {
    accepted = await api.post(path, body);
    turn.queryId = accepted.query_id;
    turn.element.dataset.queryId = accepted.query_id;
    select(accepted.conversation_id);
    conversations.asked(accepted.conversation_id, text, accepted.query_id);
    renderList();
    await stream(accepted.query_id, accepted.events_url, turn);
  } catch (e) {
    turn.fail({ code: e.code, message: e.message });
    if (!accepted) notTaken();
  } finally {
    setBusy(false);
    refreshList();
  }
}

/** Runs an earlier turn's SQL again, as a new turn of the conversation. */
async function rerun(conversationId, t) {
  if (busy) return;
  setBusy(true);
  const turn = liveTurn(t.question);
  transcript.append(turn.element);
  stick(true);
  try {
    const path = `/api/chat/conversations/${encodeURIComponent(conversationId)}/queries/${encodeURIComponent(t.query_id)}/rerun`;
    const accepted = await api.post(path);
    turn.queryId = accepted.query_id;
    conversations.asked(conversationId, t.question, accepted.query_id);
    await stream(accepted.query_id, accepted.events_url, turn);
  } catch (e) {
    turn.fail({ code: e.code, message: e.message });
  } finally {
    setBusy(false);
    refreshList();
  }
}

/** Feeds a turn the events of its query until the last one; the turn counts as live meanwhile. */
async function stream(queryId, url, turn) {
  liveTurns.set(queryId, turn.element);
  try {
    await follow(url, (event) => {
      const reply = JSON.parse(event.data);
      if (reply.type === 'FINAL') conversations.answered(queryId, reply.answer);
      const near = atBottom();
      const last = turn.apply(reply);
      if (turn.element.isConnected) stick(near);
      return last;
    });
  } finally {
    liveTurns.delete(queryId);
  }
}

/** Asks the gateway to stop the turn's query; the stream then ends with the reply saying it was cancelled. */
async function cancel(turn) {
  if (!turn.queryId) return;
  try {
    await api.post(`/api/chat/queries/${encodeURIComponent(turn.queryId)}/cancel`);
    announce('Stopping the question.');
  } catch (e) {
    announce(`The question could not be stopped: ${e.message}`);
  }
}

/** A turn of the history still being answered (asked in another tab, or before a reload): follow it here. */
function resume(t) {
  const turn = liveTurn(t.question, { onStop: () => cancel(turn) });
  turn.queryId = t.query_id;
  stream(t.query_id, `/api/chat/queries/${encodeURIComponent(t.query_id)}/events`, turn)
    .catch((e) => turn.fail({ code: e.code, message: e.message }));
  return turn.element;
}

function unfinished(t) {
  return !t.answer && ['pending', 'working'].includes(String(t.status).toLowerCase());
}

function atBottom() {
  return transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 160;
}

/** Keeps the newest content in view, unless the reader had scrolled up to read something older. */
function stick(wasAtBottom) {
  if (wasAtBottom) transcript.scrollTop = transcript.scrollHeight;
}

function select(conversationId, address) {
  currentId = conversationId;
  // the address names the open conversation (or answer), so a reload (or a bookmark) comes back to it
  history.replaceState(null, '', address ?? (conversationId ? `#c=${encodeURIComponent(conversationId)}` : location.pathname));
}

/**
 * One answer, reopened in full from its link (#c=conversation&q=id): from the gateway while it keeps the query, else
 * from the conversation's record, which keeps it as first shown; questions asked next continue its conversation.
 */
async function openAnswer(queryId, conversationId) {
  $('welcome').hidden = true;
  transcript.replaceChildren($('welcome'), h('p.empty', { text: 'Loading the answer…' }));
  try {
    const t = await answerOf(queryId, conversationId);
    select(t.conversation_id, answerAddress(queryId, t.conversation_id));
    renderList();
    const whole = h('p.hint.answer-context', {}, 'One answer of a conversation. ',
      h('button.small', { type: 'button', onclick: () => open(t.conversation_id) }, 'Open the whole conversation'));
    transcript.replaceChildren($('welcome'), whole, unfinished(t) ? resume(t) : pastTurn({
      question: t.question, queryId: t.query_id, answer: t.answer, reply: t.reply, sql: t.sql, status: t.status,
      rowsKept: t.rows_kept, verdict: t.verdict, conversationId: t.conversation_id,
      onRerun: () => rerun(t.conversation_id, t),
    }));
    announce('Opened the linked answer.');
  } catch (e) {
    transcript.replaceChildren($('welcome'), h('div.error-box', { role: 'alert' },
      h('p', { text: `The answer could not be loaded: ${e.message}` })));
  }
}

/** The query as the gateway still holds it, or else the turn its conversation's record keeps. */
async function answerOf(queryId, conversationId) {
  try {
    const state = await api.get(`/api/chat/queries/${encodeURIComponent(queryId)}`);
    return { query_id: state.query_id, conversation_id: state.conversation_id, question: state.question,
      status: state.error?.code === 'cancelled' ? 'cancelled' : state.status, answer: state.answer,
      reply: state.error?.message };
  } catch (e) {
    if (e.status !== 404 || !conversationId) throw e;
    const turn = (await conversations.turns(conversationId)).find((t) => t.query_id === queryId);
    if (!turn) throw e;
    return { ...turn, conversation_id: conversationId };
  }
}

async function open(conversationId) {
  select(conversationId);
  renderList();
  $('welcome').hidden = true;
  transcript.replaceChildren($('welcome'), h('p.empty', { text: 'Loading the conversation…' }));
  try {
    const turns = await conversations.turns(conversationId);
    transcript.replaceChildren($('welcome'), ...turns.map((t) => liveTurns.get(t.query_id) ?? (unfinished(t) ? resume(t) : pastTurn({
      question: t.question, queryId: t.query_id, answer: t.answer, reply: t.reply, sql: t.sql, status: t.status,
      rowsKept: t.rows_kept, verdict: t.verdict, conversationId, onRerun: () => rerun(conversationId, t),
    }))));
    stick(true);
    announce(`Opened the conversation with ${turns.length} ${turns.length === 1 ? 'question' : 'questions'}.`);
  } catch (e) {
    transcript.replaceChildren($('welcome'), h('div.error-box', { role: 'alert' }, h('p', { text: `The conversation could not be loaded: ${e.message}` })));
  }
}

function startNew() {
  select(null);
  transcript.replaceChildren($('welcome'));
  $('welcome').hidden = false;
  renderList();
  panels.close();
  question.focus();
}

async function remove(item) {
  const title = item.title || item.last_question || 'Untitled';
  if (!confirm(`Delete the conversation “${title}”?`)) return;
  try {
    await conversations.remove(item.conversation_id);
    if (item.conversation_id === currentId) startNew();
    renderList();
    $('new-conversation').focus();
    announce(`Deleted the conversation “${title}”.`);
  } catch (e) {
    alert(`The conversation could not be deleted: ${e.message}`);
  }
}

function renderList() {
  const items = conversations.list();
  $('conversations-empty').hidden = items.length > 0;
  const note = $('conversations-note');
  note.hidden = conversations.fromServer;
  note.textContent = 'This server keeps no conversation list: it lasts as long as this tab.';
  $('conversation-list').replaceChildren(...items.map((item) => {
    const title = item.title || item.last_question || 'Untitled';
    const current = item.conversation_id === currentId;
    const count = Number(item.query_count ?? 0);
    return h(`li.conversation${current ? '.current' : ''}`, {},
      h('button.conversation-open', { type: 'button', 'aria-current': current ? 'true' : null,
        onclick: () => { panels.close(); open(item.conversation_id); } },
        h('span.conversation-title', { text: title }),
        h('span.conversation-meta', { text: `${count} ${count === 1 ? 'question' : 'questions'} · ${ago(item.updated_at)}` })),
      h('button.icon-button.delete', { type: 'button', 'aria-label': `Delete conversation: ${title}`, title: 'Delete', onclick: () => remove(item) }, '✕'));
  }));
}

function ago(timestamp) {
  const seconds = (Date.now() - Date.parse(timestamp)) / 1000;
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(timestamp).toLocaleDateString();
}

async function refreshList() {
  try {
    await conversations.refresh();
  } catch {
    // 401: the key form is showing already
  }
  renderList();
}

async function loadSchema() {
  const body = $('schema-body');
  body.replaceChildren(h('p.empty', { text: 'Loading the schema…' }));
  try {
    const info = await api.get('/api/chat/schema-info/');
    renderSchema(body, info, suggest);
    useSchema(info.tables);
    knowledgeOf(info.datasource);
    const count = info.tables?.length ?? 0;
    $('datasource').textContent = `${info.datasource ?? 'database'} · ${count} ${count === 1 ? 'table' : 'tables'}`;
    renderStarters(info.tables ?? []);
  } catch (e) {
    body.replaceChildren(h('div.error-box', { role: 'alert' }, h('p', { text: `The schema could not be loaded: ${e.message}` })));
    // 503: the schema publisher has not read the database yet, which takes a few seconds after a start
    if (e.status === 503) setTimeout(loadSchema, SCHEMA_RETRY_MS);
  }
}

function suggest(text) {
  question.value = text;
  panels.close();
  question.focus();
  announce('The example is in the question box: edit it or press Enter to ask.');
}

/** A few questions to start with: grouped counts over declared values chart well, so they come first. */
function renderStarters(tables) {
  const declared = (t) => (categoryOf(t.fields)?.choices_source ?? 'sample') === 'sample' ? 1 : 0;
  const picks = [...tables].sort((a, b) => declared(a) - declared(b))
    .map((t) => exampleQuestions(t, tables).find((q) => / per /.test(q))).filter(Boolean).slice(0, 3);
  if (tables.length) picks.push(exampleQuestions(tables[0], tables)[0]);
  $('starters').replaceChildren(...picks.map((q) => h('li', {}, h('button.example', { type: 'button', onclick: () => ask(q) }, q))));
}

function showKeyForm(reason) {
  const form = $('key-form');
  if (reason) $('key-reason').textContent = `This server asks for an API key: ${reason}`;
  form.hidden = false;
  $('toggle-key').setAttribute('aria-expanded', 'true');
  $('api-key').value = apiKey();
  $('api-key').focus();
}

function hideKeyForm() {
  $('key-form').hidden = true;
  $('toggle-key').setAttribute('aria-expanded', 'false');
}

/** Says what is true of access: open (no key needed), or a key set or not; asks the server which. */
async function markKey() {
  const button = $('toggle-key');
  button.classList.toggle('has-key', Boolean(apiKey()));
  try {
    const access = await api.get('/api/chat/access');
    setLimit(access.max_question_bytes);
    updateCounter();
    const open = access.mode === 'open';
    button.textContent = open ? 'Open access' : 'API key';
    button.title = open ? 'This server is open: no API key is needed.' : `Signed in as ${access.principal}`;
    $('key-reason').textContent = open
      ? `This server is open: no API key is needed, and everyone is "${access.principal}". A key set here is sent but not needed.`
      : `You are signed in as ${access.principal}.`;
  } catch {
    // 401: the key form is showing already, saying why
    button.textContent = 'API key';
    button.title = apiKey() ? 'The API key set here was not accepted' : 'This server asks for an API key';
  }
}

function bind() {
  $('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = question.value;
    if (busy) announce('Still answering the previous question: ask again when it is done.');
    if (!text.trim() || busy) return;
    question.value = '';
    updateCounter();
    ask(text);
  });
  question.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('ask-form').requestSubmit();
    }
  });
  updateCounter = watchLength(question, $('question-counter'));
  window.addEventListener('hashchange', () => {
    const address = new URLSearchParams(location.hash.slice(1));
    if (address.get('q')) openAnswer(address.get('q'), address.get('c'));
  });
  $('new-conversation').addEventListener('click', startNew);
  $('reload-schema').addEventListener('click', loadSchema);
  bindKnowledge();
  $('toggle-key').addEventListener('click', () => ($('key-form').hidden ? showKeyForm() : hideKeyForm()));
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey($('api-key').value.trim());
    afterKeyChange('API key saved.');
  });
  $('clear-key').addEventListener('click', () => {
    setApiKey('');
    afterKeyChange('API key forgotten.');
  });
  onUnauthorized((message) => showKeyForm(message));
}

function afterKeyChange(message) {
  hideKeyForm();
  markKey();
  announce(message);
  conversations.fromServer = true;
  loadSchema();
  refreshList();
  question.focus();
}

async function start() {
  bind();
  register({ ask, runSql });
  markKey();
  renderList();
  await Promise.all([loadSchema(), refreshList()]);
  const address = new URLSearchParams(location.hash.slice(1));
  if (address.get('q')) openAnswer(address.get('q'), address.get('c'));
  else if (address.get('c')) open(address.get('c'));
}

start();
