// SQL highlighting: a small tokenizer (keywords, functions, strings, numbers, identifiers, comments),
// rendered as text nodes in spans, so nothing in the SQL is ever read as HTML.

const KEYWORDS = new Set(`select from where and or not in is null as on join left right full inner outer cross
  group by order having limit offset asc desc nulls first last distinct union all intersect except case when
  then else end between like ilike exists with recursive true false interval date time timestamp over partition
  filter within using lateral any some cast fetch next rows only window values`.split(/\s+/));

const TOKEN = new RegExp([
  /(?<comment>--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/,
  /(?<string>'(?:[^']|'')*'?)/,
  /(?<quoted>"(?:[^"]|"")*"?)/,
  /(?<number>\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)/,
  /(?<word>[A-Za-z_][A-Za-z0-9_$]*)/,
  /(?<space>\s+)/,
  /(?<other>::|<>|<=|>=|!=|\|\||[^\sA-Za-z0-9_'"])/,
].map((r) => r.source).join('|'), 'giy');

/** The SQL as [{kind, text}]; kind is keyword, function, string, number, identifier, comment, operator or space. */
export function tokenize(sql) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  let match;
  while (TOKEN.lastIndex < sql.length && (match = TOKEN.exec(sql))) {
    tokens.push({ kind: kindOf(match, sql, TOKEN.lastIndex), text: match[0] });
  }
  if (TOKEN.lastIndex < sql.length) tokens.push({ kind: 'operator', text: sql.slice(TOKEN.lastIndex) });
  return tokens;
}

function kindOf(match, sql, end) {
  const g = match.groups;
  if (g.comment) return 'comment';
  if (g.string) return 'string';
  if (g.quoted) return 'identifier';
  if (g.number) return 'number';
  if (g.space) return 'space';
  if (g.word) {
    if (KEYWORDS.has(g.word.toLowerCase())) return 'keyword';
    return /^\s*\(/.test(sql.slice(end)) ? 'function' : 'identifier';
  }
  return 'operator';
}

/** Fills code with the highlighted SQL. */
export function highlight(code, sql) {
  code.replaceChildren(...tokenize(sql).map(({ kind, text }) => {
    if (kind === 'space') return document.createTextNode(text);
    const span = document.createElement('span');
    span.className = `sql-${kind}`;
    span.textContent = text;
    return span;
  }));
}
