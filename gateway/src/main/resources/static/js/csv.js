// CSV download of a result (RFC 4180: comma-separated, CRLF line ends, quotes doubled inside quoted fields).

export function toCsv(columns, rows) {
  const line = (values) => values.map(field).join(',');
  return [line(columns.map((c) => c.name)), ...rows.map(line)].join('\r\n') + '\r\n';
}

function field(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function download(filename, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
