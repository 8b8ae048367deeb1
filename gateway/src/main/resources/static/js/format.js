// Values as the answer's words show them (the interpreter's ColumnKind and Values): thousands separators,
// decimals at their own scale (long computed ones at two places), money as "$1,234.50", dates as
// "12 March 2024", booleans as yes/no. The rows keep the exact values; only what is shown is formatted.

const NUMERIC = new Set(['int2', 'int4', 'int8', 'smallint', 'integer', 'bigint', 'numeric', 'decimal', 'float4', 'float8',
  'real', 'double precision', 'oid']);
const TIMESTAMPS = new Set(['timestamp', 'timestamptz', 'timestamp without time zone', 'timestamp with time zone']);
const MONEY_NAME = /(^|_)(amount|budget|price|salary|salaries|cost|costs|revenue|fee|fees|income|spend|spent|wage|wages)(_|$)/;
const YEAR_NAME = /(^|_)(year|yr)$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const MAX_SHOWN_SCALE = 4;

/** number, money, year, date, timestamp, boolean or text, from a column {name, type}. */
export function kindOf(column) {
  const type = String(column?.type ?? '').toLowerCase();
  const name = String(column?.name ?? '').toLowerCase();
  if (type === 'money') return 'money';
  if (NUMERIC.has(type)) {
    if (YEAR_NAME.test(name)) return 'year';
    return MONEY_NAME.test(name) ? 'money' : 'number';
  }
  if (type === 'date') return 'date';
  if (TIMESTAMPS.has(type)) return 'timestamp';
  return type === 'bool' || type === 'boolean' ? 'boolean' : 'text';
}

export function isNumericKind(kind) {
  return kind === 'number' || kind === 'money';
}

/** The value as the words would say it; null stays null. */
export function formatValue(value, column) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  switch (kindOf(column)) {
    case 'money': return typeof value === 'number' ? money(value) : String(value);
    case 'number': return number(value);
    case 'year': return String(value);
    case 'date':
    case 'timestamp': return date(String(value));
    case 'boolean': return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    default: return typeof value === 'number' ? number(value) : String(value);
  }
}

function number(value) {
  if (typeof value !== 'number') return String(value);
  const decimals = (String(value).split('.')[1] ?? '').length;
  const scale = decimals > MAX_SHOWN_SCALE ? 2 : decimals;
  return value.toLocaleString('en-US', { minimumFractionDigits: scale, maximumFractionDigits: scale });
}

function money(value) {
  const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '-$' : '$'}${text}`;
}

/** ISO-8601 as the executor writes it, in the wall-clock time it names; anything else as it came. */
function date(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] === undefined || (m[4] === '00' && m[5] === '00') ? day : `${day}, ${m[4]}:${m[5]}`;
}

/** Columns as [{name, type}], from an answer's `columns` (names) and `column_types`, or already in that form. */
export function columnsOf(answer) {
  return (answer?.columns ?? []).map((c, i) => (typeof c === 'string' ? { name: c, type: answer.column_types?.[i] } : c));
}

/** "5 rows", or for a cut result "the first 1,000 of about 12,000 rows" / "the first 1,000 rows; there may be more". */
export function rowSummary(answer) {
  const shown = (answer.rows ?? []).length;
  const count = Number(answer.row_count ?? shown);
  if (!answer.truncated) return `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}`;
  const estimate = Number(answer.row_estimate);
  return Number.isFinite(estimate) && estimate > count
    ? `The first ${count.toLocaleString('en-US')} of about ${estimate.toLocaleString('en-US')} rows`
    : `The first ${count.toLocaleString('en-US')} rows; there may be more`;
}
