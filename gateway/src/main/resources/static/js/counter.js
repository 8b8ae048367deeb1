// The question box's length, counted as the server counts it (UTF-8 bytes): shown near the limit, and over it
// the box says by how much; nothing is cut, so the server's refusal names what it would not take.

export const DEFAULT_LIMIT = 4096;
const SHOW_FROM = 0.8;
let limit = DEFAULT_LIMIT;

export function setLimit(bytes) {
  if (Number.isInteger(bytes) && bytes > 0) limit = bytes;
}

export function byteLength(text) {
  return new TextEncoder().encode(text).length;
}

/** Keeps counter up to date with box; hidden until the text is near the limit. */
export function watchLength(box, counter) {
  const update = () => {
    const bytes = byteLength(box.value);
    counter.hidden = bytes < limit * SHOW_FROM;
    counter.classList.toggle('over', bytes > limit);
    counter.textContent = bytes > limit
      ? `${bytes.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} bytes: ${(bytes - limit).toLocaleString('en-US')} too many to send`
      : `${bytes.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} bytes`;
    box.setAttribute('aria-invalid', String(bytes > limit));
  };
  box.addEventListener('input', update);
  update();
  return update;
}
