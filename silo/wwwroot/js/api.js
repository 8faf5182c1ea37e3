// Calls to the engine's API with the signed-in token; a 401 asks for a token and retries.
const TOKEN_KEY = 'qm.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: value => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let askForToken = async () => { throw new Error('sign-in required'); };

/** Installs the function that shows the sign-in screen and resolves once a token was entered. */
export function onSignInNeeded(ask) { askForToken = ask; }

/** GET a JSON resource. Resolves to { status, body }: body is null unless the answer is 200. */
export async function get(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.size ? `${path}?${query}` : path;
  for (;;) {
    const headers = { Accept: 'application/json' };
    const t = token.get();
    if (t) headers.Authorization = `Bearer ${t}`;
    const response = await fetch(url, { headers });
    if (response.status === 401) {
      token.clear();
      await askForToken();
      continue;
    }
    return { status: response.status, body: response.ok ? await response.json() : null };
  }
}

/** GET that must succeed: the body, or an error naming the call. */
export async function must(path, params) {
  const { status, body } = await get(path, params);
  if (status !== 200) throw new Error(`${path} answered ${status}`);
  return body;
}

/** The server-sent events URL; EventSource cannot send headers, so the token rides in the query. */
export function eventsUrl() {
  const t = token.get();
  return t ? `/api/events?access_token=${encodeURIComponent(t)}` : '/api/events';
}
