// Server-Sent Events over fetch, so the API key header can be sent (EventSource cannot send headers),
// resuming with Last-Event-ID after a dropped connection.

import { ApiError, headers, problemOf } from './api.js';

const MAX_RETRIES = 5;

/**
 * Reads the stream at url, calling onEvent({id, event, data}) for each event, until onEvent returns true
 * (a terminal event). Reconnects after a drop, asking only for events after the last id it saw.
 */
export async function follow(url, onEvent, { signal } = {}) {
  let lastId = null;
  let failures = 0;
  for (;;) {
    try {
      const extra = { Accept: 'text/event-stream' };
      if (lastId !== null) extra['Last-Event-ID'] = lastId;
      const response = await fetch(url, { headers: headers(extra), cache: 'no-store', signal });
      if (!response.ok) throw await problemOf(response);
      for await (const event of parse(response.body)) {
        failures = 0;
        if (event.id !== null) lastId = event.id;
        if (onEvent(event)) return;
      }
    } catch (e) {
      if (signal?.aborted || (e instanceof ApiError && e.status >= 400 && e.status < 500)) throw e;
    }
    if (++failures > MAX_RETRIES) {
      throw new ApiError(0, 'STREAM_LOST', 'The answer stream broke off and could not be resumed. Try asking again.');
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** failures, 4000)));
  }
}

/** The text/event-stream format: events end at a blank line; lines starting with ':' are comments. */
export async function* parse(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = blank();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // a chunk may end between \r and \n: keep the \r for the next chunk
    const cut = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
    buffer = lines.pop() + buffer.slice(cut);
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) yield { id: event.id, event: event.event, data: event.data.join('\n') };
        event = { ...blank(), id: event.id };
      } else if (!line.startsWith(':')) {
        field(event, line);
      }
    }
  }
}

function blank() {
  return { id: null, event: 'message', data: [] };
}

function field(event, line) {
  const colon = line.indexOf(':');
  const name = colon < 0 ? line : line.slice(0, colon);
  let value = colon < 0 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (name === 'data') event.data.push(value);
  else if (name === 'event') event.event = value;
  else if (name === 'id' && !value.includes('\0')) event.id = value;
}
