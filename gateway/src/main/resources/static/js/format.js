// An answer's columns and its row count as the page says them. How each value reads is the server's: the answer's
// `display` carries every cell as the words write it (the interpreter's Values), so the page has no formatting
// rules of its own.

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
