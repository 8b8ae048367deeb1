// The gateway's JSON API: one error model ({code, message} with a 4xx/5xx status) and the API key header.

const KEY_STORAGE = 'dbchat.apiKey';
const unauthorizedListeners = [];
let sessionKey = '';

/** A failed call, carrying the gateway's problem code and message (status 0: the server was not reached). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function apiKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) ?? sessionKey;
  } catch {
    return sessionKey;
  }
}

export function setApiKey(value) {
  sessionKey = value;
  try {
    if (value) localStorage.setItem(KEY_STORAGE, value);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: the key then lasts as long as the page does
  }
}

/** Calls back whenever the server answers 401, so the page can ask for an API key. */
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

export function headers(extra = {}) {
  const result = { Accept: 'application/json', ...extra };
  const key = apiKey();
  if (key) result['X-API-Key'] = key;
  return result;
}

export async function request(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'NETWORK', `The server could not be reached (${e.message}).`);
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The ApiError for a non-2xx response; tells the 401 listeners. */
export async function problemOf(response) {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || 'The request failed.';
  try {
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (json?.code) code = json.code;
    if (json?.message) message = json.message;
  } catch {
    // not JSON: keep the status line
  }
  if (response.status === 401) unauthorizedListeners.forEach((l) => l(message));
  return new ApiError(response.status, code, message);
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body) => request('PUT', path, body ?? {}),
  delete: (path) => request('DELETE', path),
};
