// "How this was answered": a query's audit record beside its answer — the timeline of the stages, every SQL
// attempt with where it came from, the guard's and the plan check's verdicts (the plan check's as the executor
// reported it: passed with the planner's estimates, refused or skipped and why), and every model call with its tokens
// and cost.

import { api } from './api.js';
import { h } from './dom.js';

/** The audit is written a moment after the answer: a 404 right after it is retried a few times. */
const RETRIES = 5;
const RETRY_MS = 600;

/** A closed disclosure under an answer; the record is fetched the first time it is opened. */
export function auditView(queryId) {
  const body = h('div.audit-body', {}, h('p.hint', { text: 'Loading…' }));
  const details = h('details.audit', { dataset: { queryId } }, h('summary', {}, 'How this was answered'), body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      body.replaceChildren(...render(await fetchRecord(queryId)));
      details.dataset.loaded = 'true';
    } catch (e) {
      loaded = false;
      body.replaceChildren(h('p.notice', { text: `The audit of this answer could not be read: ${e.message}` }));
    }
  });
  return details;
}

async function fetchRecord(queryId) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.get(`/api/audit/queries/${encodeURIComponent(queryId)}`);
    } catch (e) {
      if (e.status !== 404 || attempt >= RETRIES) throw e;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

function render(record) {
  return [summary(record), timeline(record), attempts(record), calls(record)].filter(Boolean);
}

function summary(r) {
  const t = r.translator;
  const items = [
    ['Outcome', String(r.outcome ?? 'unfinished').toLowerCase().replace('_', ' ')],
    ['Took', r.latencyMs == null ? '—' : `${r.latencyMs.toLocaleString()} ms`],
    ['Translator', t ? [t.provider, t.model, t.promptVersion && `prompt ${t.promptVersion}`].filter(Boolean).join(', ') : '—'],
    ['Schema version', r.schemaVersion ?? '—'],
    ['Model tokens', Number(r.tokens ?? 0).toLocaleString()],
    ['Estimated cost', `$${Number(r.costUsd ?? 0).toFixed(6)}`],
  ];
  return h('dl.audit-summary', {}, items.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
}

function timeline(r) {
  const start = Date.parse(r.askedAt ?? r.timeline?.[0]?.at);
  const steps = (r.timeline ?? []).map((s) => h('li', { dataset: { stage: s.stage } },
    h('span.audit-at', { text: `+${Math.max(0, Date.parse(s.at) - start).toLocaleString()} ms` }), ' ',
    h('span.audit-stage', { text: s.stage }), ': ', s.what));
  return h('section.audit-timeline', { 'aria-label': 'Timeline' }, h('h4', { text: 'Timeline' }), h('ol', {}, steps));
}

function attempts(r) {
  if (!r.attempts?.length) return null;
  const rows = r.attempts.map((a) => h('tr', {},
    h('td', { text: a.attempt }), h('td', {}, h('code', { text: a.sql ?? '' })), h('td', { text: source(a.source) }),
    h('td', { text: a.guard ?? '—' }), h('td.audit-plan', { text: planCheck(a) }), h('td', { text: a.rowCount ?? '—' }),
    h('td', { text: a.execMs ?? '—' }), h('td', { text: a.policies?.length ? a.policies.join(', ') : '—' }),
    h('td', { text: a.error ? `${a.sqlState ?? a.error.code}: ${a.error.message}` : '' })));
  return table('SQL attempts', ['#', 'SQL', 'Source', 'Guard', 'Plan check', 'Rows', 'ms', 'Access policies', 'Error'],
    rows, 'audit-attempts');
}

/** Where the SQL came from: a model, the offline rules, an example, the cache (naming the earlier query), a person. */
function source(s) {
  if (!s) return '—';
  const named = s.kind === 'cache' && s.cachedQueryId ? `cache (query ${s.cachedQueryId})` : s.kind;
  return s.note ? `${named}: ${s.note}` : named;
}

/** The plan check as the executor reported it: passed with the planner's estimates, refused or skipped and why. */
function planCheck(a) {
  const p = a.plan;
  if (!p) return (a.planCheck ?? '—').replace('_', ' ');
  if (p.status === 'passed') {
    const estimates = [p.estimatedCost != null && `cost ${Math.round(p.estimatedCost).toLocaleString()}`,
      p.estimatedRows != null && `${Math.round(p.estimatedRows).toLocaleString()} rows`].filter(Boolean);
    return estimates.length ? `passed (estimated ${estimates.join(', ')})` : 'passed';
  }
  return p.reason ? `${p.status}: ${p.reason}` : p.status;
}

function calls(r) {
  if (!r.llmCalls?.length) return null;
  const rows = r.llmCalls.map(({ attempt, call }) => h('tr', {},
    h('td', { text: attempt || 'last' }), h('td', { text: `${call.provider} ${call.model ?? ''}`.trim() }),
    h('td', { text: call.promptVersion ?? '' }), h('td', { text: `${call.inputTokens} / ${call.outputTokens}` }),
    h('td', { text: `$${Number(call.costUsd ?? 0).toFixed(6)}` }), h('td', { text: call.latencyMs }),
    h('td', { text: call.status + (call.error ? `: ${call.error}` : '') })));
  return table('Model calls', ['Attempt', 'Model', 'Prompt', 'Tokens in / out', 'Cost', 'ms', 'Status'], rows, 'audit-calls');
}

function table(title, headings, rows, name) {
  return h(`section.${name}`, { 'aria-label': title }, h('h4', { text: title }),
    h('div.table-scroll', {}, h('table.audit-table', {}, h('thead', {}, h('tr', {}, headings.map((x) => h('th', { scope: 'col', text: x })))),
      h('tbody', {}, rows))));
}
