// A tiny element builder: text always goes in as text, never as HTML.

/** h('button.primary', {type: 'button', onclick}, 'Save') → <button class="primary" type="button">Save</button>. */
export function h(tag, attributes = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const element = document.createElement(name || 'div');
  if (classes.length) element.className = classes.join(' ');
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'text') element.textContent = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

let announcer;

/** Tells screen-reader users about something that happened off focus (copied, deleted, saved). */
export function announce(message) {
  announcer ??= document.getElementById('announcer');
  announcer.textContent = '';
  // a fresh text node makes screen readers repeat an identical message
  setTimeout(() => { announcer.textContent = message; }, 50);
}

export function humanize(name) {
  return String(name).replace(/_/g, ' ');
}

const NUMERIC_TYPES = /^(int|float|numeric|decimal|real|double|money|smallint|bigint|serial|oid)/i;

export function isNumericType(type) {
  return NUMERIC_TYPES.test(type ?? '');
}
