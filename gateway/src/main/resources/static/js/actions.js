// What an answer's tools may do on the page (ask a question, run edited SQL), registered by main.js, so the
// tools' modules need not import the page's wiring.

const registered = {};

export function register(actions) {
  Object.assign(registered, actions);
}

/** Asks a question in the open conversation, as if typed. */
export function ask(text) {
  return registered.ask?.(text);
}

/** Runs SQL as written in the open conversation; edits names the query whose SQL was edited. */
export function runSql(sql, edits) {
  return registered.runSql?.(sql, edits);
}
