// One question and its answer: the steps as they happen (with a Stop button), the reply streaming in, then the
// SQL with its tools, the rows, the chart of one's choice, CSV download, a link to the answer, feedback and
// questions to ask next.

import { h, announce } from './dom.js';
import { highlight } from './sql.js';
import { resultTable } from './table.js';
import { toCsv, download } from './csv.js';
import { feedbackBox } from './feedback.js';
import { chartSection } from './chartpick.js';
import { sqlTools } from './sqledit.js';
import { followUps } from './followups.js';
import { columnsOf, rowSummary } from './format.js';
import { auditView } from './audit.js';

const STAGES = [
  ['translating', 'Writing SQL'],
  ['validating', 'Checking it only reads'],
  ['executing', 'Running the query'],
  ['interpreting', 'Explaining the result'],
];

/** After this long without an answer the turn says it is still being worked on. */
const SLOW_MS = 20000;
let counter = 0;

/** A turn being asked now: feed it replies with apply(); it ends on FINAL or ERROR. onStop cancels the query. */
export function liveTurn(question, { onStop } = {}) {
  const turn = skeleton(question);
  const steps = stepList();
  turn.answer.prepend(steps.element);
  const stop = onStop ? h('button.small.stop', { type: 'button', onclick: () => {
    stop.disabled = true;
    stop.textContent = 'Stopping…';
    onStop();
  } }, 'Stop') : null;
  if (stop) steps.element.after(stop);
  turn.reply.setAttribute('aria-busy', 'true');
  turn.reply.append(h('span.typing', { 'aria-hidden': 'true' }, '…'));
  let lastSeq = -Infinity;
  let streamed = '';
  const slow = h('p.hint', { text: 'Still working on it: the answer will appear here.' });
  const slowTimer = setTimeout(() => turn.answer.append(slow), SLOW_MS);
  const end = () => { clearTimeout(slowTimer); slow.remove(); stop?.remove(); };

  return {
    element: turn.element,
    queryId: null,
    /** Applies one reply event; returns true when it was the last one. */
    apply(event) {
      if (event.seq <= lastSeq) return false;
      lastSeq = event.seq;
      if (event.type === 'STATUS') steps.reach(event.stage);
      else if (event.type === 'TOKEN') {
        streamed += event.text ?? '';
        turn.reply.textContent = streamed;
        // how many pieces streamed in: lets tests and curious users tell a stream from a single reply
        turn.element.dataset.tokens = String(Number(turn.element.dataset.tokens ?? 0) + 1);
      } else if (event.type === 'FINAL') {
        end();
        steps.finish();
        showAnswer(turn, event.query_id ?? this.queryId, event.answer ?? {});
        return true;
      } else if (event.type === 'ERROR') {
        this.fail(event.error ?? {});
        return true;
      }
      return false;
    },
    fail(problem) {
      end();
      if (!steps.started()) steps.element.remove();
      steps.fail();
      turn.reply.removeAttribute('aria-busy');
      if (!streamed) turn.reply.textContent = '';
      turn.answer.append(errorBox(problem));
    },
  };
}

/**
 * A turn from the conversation's history, as first shown: words, SQL, table, chart and the owner's mark, or that it
 * was cancelled. An answer
 * whose rows were too large to keep offers to run its SQL again ({@code onRerun}), saying the data may have changed.
 */
export function pastTurn({ question, queryId, answer, reply, sql, status, rowsKept, verdict, conversationId, onRerun }) {
  const turn = skeleton(question);
  const mark = { conversationId, verdict };
  const said = String(status).toLowerCase();
  if (said === 'cancelled') {
    turn.answer.append(errorBox({ code: 'cancelled', message: reply || 'The question was cancelled.' }));
  } else if (answer && rowsKept === false) {
    showAnswer(turn, queryId, { ...answer, columns: [], chart: null }, mark);
    turn.answer.insertBefore(rerunBlock(answer, onRerun), turn.answer.querySelector('.turn-foot'));
  } else if (answer) showAnswer(turn, queryId, answer, mark);
  else if (said === 'failed') {
    turn.answer.append(errorBox({ message: reply || 'This question got no answer.' }));
  } else {
    turn.reply.textContent = reply || (status ? `(${String(status).toLowerCase()})` : '');
    if (sql) turn.answer.append(sqlBlock(sql, false));
    if (sql && queryId) turn.answer.append(h('div.turn-foot', {}, feedbackBox(queryId, sql, mark)));
  }
  return turn.element;
}

function skeleton(question) {
  const id = `turn-${++counter}`;
  const reply = h('div.reply', { 'aria-live': 'polite', id: `${id}-reply` });
  const answer = h('div.answer', {}, h('h3.visually-hidden', {}, 'Answer'), reply);
  const element = h('article.turn', { 'aria-labelledby': `${id}-q` },
    h('div.question', {}, h('h3.visually-hidden', { id: `${id}-q` }, `Question: ${question}`), h('p', { text: question })),
    answer);
  return { element, answer, reply };
}

function stepList() {
  const items = new Map(STAGES.map(([stage, label]) => [stage, h('li.step', { dataset: { stage } }, label)]));
  const element = h('ol.steps', { 'aria-label': 'Progress', 'aria-live': 'polite' }, [...items.values()]);
  let current = null;
  const mark = (item, state, said) => {
    item.className = `step ${state}`;
    item.querySelector('.visually-hidden')?.remove();
    item.append(h('span.visually-hidden', { text: ` (${said})` }));
  };
  return {
    element,
    reach(stage) {
      if (!items.has(stage)) {
        items.set(stage, h('li.step', { dataset: { stage } }, stage));
        element.append(items.get(stage));
      }
      for (const [name, item] of items) {
        if (name === stage) break;
        mark(item, 'done', 'done');
      }
      current = items.get(stage);
      mark(current, 'active', 'in progress');
    },
    finish() {
      items.forEach((item) => mark(item, 'done', 'done'));
      element.classList.add('finished');
    },
    fail() {
      if (current) mark(current, 'failed', 'failed');
    },
    started: () => current !== null,
  };
}

/** The place of rows that were not kept: how many there were, and a button to run the SQL again. */
function rerunBlock(answer, onRerun) {
  const count = Number(answer.rowCount ?? 0);
  const note = `The ${count.toLocaleString()} ${count === 1 ? 'row' : 'rows'} of this answer were too large to keep. `
    + 'Run its SQL again to see them: the data may have changed since.';
  const button = h('button.small', { type: 'button', onclick: () => { button.disabled = true; onRerun?.(); } }, 'Re-run');
  button.disabled = !onRerun;
  return h('div.rerun', { role: 'note' }, h('p.notice', { text: note }), button);
}

function showAnswer(turn, queryId, answer, mark = {}) {
  turn.reply.textContent = answer.reply ?? '';
  turn.reply.removeAttribute('aria-busy');
  const problem = answer.problem?.message;
  if (problem && problem.trim() !== (answer.reply ?? '').trim()) turn.answer.append(h('p.notice', { text: problem }));
  if (answer.understanding) turn.answer.append(understandingBlock(answer.understanding));
  if (answer.sql) turn.answer.append(sqlBlock(answer.sql, true), sqlTools(answer.sql, queryId));
  if (answer.columns?.length) turn.answer.append(resultBlock(queryId, answer));
  const chart = chartSection(answer);
  if (chart) turn.answer.append(chart);
  const next = followUps(answer);
  if (next) turn.answer.append(next);
  const foot = h('div.turn-foot');
  if (answer.edited) foot.append(h('p.translator.edited', { text: writtenBy(answer.translator) }));
  else if (answer.translator) foot.append(h('p.translator', { text: `Translated by ${answer.translator}` }));
  if (queryId) foot.append(h('a.answer-link', { href: answerAddress(queryId, mark.conversationId ?? answer.conversation_id), title: 'A link that reopens this answer' }, 'Link to this answer'));
  // the conversation too, so a mark given after the gateway has let the query go still finds its turn
  const conversationId = mark.conversationId ?? answer.conversation_id;
  if (queryId && answer.sql) foot.append(feedbackBox(queryId, answer.sql, { ...mark, conversationId }));
  if (queryId) turn.answer.append(auditView(queryId));
  if (foot.childElementCount) turn.answer.append(foot);
  turn.element.dataset.queryId = queryId ?? '';
}

/** Who wrote SQL that ran as written: the person (edited on the page, or sent by an agent), or an earlier answer. */
function writtenBy(translator) {
  if (String(translator).includes('(rerun)')) return 'The SQL of an earlier answer, rerun as it was';
  return 'SQL written by you, run as written';
}

/** The address of one answer: its conversation too, so the link works as long as the conversation is kept. */
export function answerAddress(queryId, conversationId) {
  const q = `q=${encodeURIComponent(queryId)}`;
  return conversationId ? `#c=${encodeURIComponent(conversationId)}&${q}` : `#${q}`;
}

/** What the translator read the question as, what it assumed and which words it left out, beside the answer. */
function understandingBlock(understanding) {
  const rows = [['Read as', understanding.understood], ['Assumed', understanding.assumed],
    ['Not understood', (understanding.ignored ?? []).map((word) => `'${word}'`)]];
  const caveats = (understanding.assumed?.length ?? 0) + (understanding.ignored?.length ?? 0) > 0;
  return h(`dl.understanding${caveats ? '.caveats' : ''}`, {},
    rows.filter(([, items]) => items?.length).map(([label, items]) => [h('dt', { text: label }), h('dd', { text: items.join('; ') })]));
}

function sqlBlock(sql, open) {
  const code = h('code.sql');
  highlight(code, sql);
  const copy = h('button.small', { type: 'button', onclick: async () => {
    await copyText(sql);
    copy.textContent = 'Copied ✓';
    setTimeout(() => { copy.textContent = 'Copy SQL'; }, 2000);
  } }, 'Copy SQL');
  return h('details.sql-block', { open }, h('summary', {}, 'SQL'), h('div.sql-body', {}, h('pre', {}, code), copy));
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // plain http on another host is not a secure context: fall back to a selection copy
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  announce('SQL copied to the clipboard.');
}

function resultBlock(queryId, answer) {
  const rows = answer.rows ?? [];
  const columns = columnsOf(answer);
  const table = resultTable(columns, rows, { caption: 'Result rows', display: answer.display });
  const summary = h(`p.row-count${answer.truncated ? '.truncated' : ''}`, { text: rowSummary(answer) });
  const notice = answer.truncated
    ? h('p.notice', { role: 'note', text: `${rowSummary(answer)}: a limit cut the result. Ask a narrower question to see the rest.` })
    : null;
  const csv = h('button.small', { type: 'button', onclick: () => {
    download(`dbchat-${(queryId ?? 'result').slice(0, 8)}.csv`, toCsv(columns, table.sortedRows()));
    announce('CSV downloaded.');
  } }, 'Download CSV');
  return h('section.result', { 'aria-label': 'Result' }, h('div.result-head', {}, summary, csv), notice, table.element);
}

function errorBox(problem) {
  return h(`div.error-box${problem.code === 'cancelled' ? '.cancelled' : ''}`, { role: 'alert' },
    h('p.error-title', { text: problem.code === 'cancelled' ? 'Cancelled' : 'No answer' }),
    h('p', { text: problem.message ?? 'Something went wrong.' }),
    problem.code ? h('p.error-code', { text: `Code: ${problem.code}` }) : null);
}
