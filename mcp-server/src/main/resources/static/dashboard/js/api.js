// The REST API under /api/v1, with the signed-in token in the Authorization header. The token
// lives in sessionStorage (gone when the tab closes) and is never put in a URL.

const TOKEN_KEY = 'vigil.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = session.token();
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v1' + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body),
};

/** Encodes each path segment: model names and ids come from the server, not from us. */
export function path(strings, ...values) {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}

/** Who is signed in ({name, role, permissions}), or null. */
export const who = { current: null };

/** Whether the signed-in token may do `permission` (read, propose, approve...). */
export function may(permission) {
  return !!who.current && who.current.permissions.includes(permission);
}
