// The dashboard's shell: sign-in, hash routes, and one page at a time.

import { api, session, who } from './api.js';
import { h, fill, problemText } from './dom.js';
import { overviewPage } from './overview.js';
import { modelPage } from './model.js';
import { incidentPage, incidentsPage } from './incident.js';
import { simulationsPage, simulationPage } from './simulations.js';

const routes = [
  [/^#?\/?$/, () => overviewPage],
  [/^#\/models\/([^/?]+)/, (m) => (el, query) => modelPage(el, decodeURIComponent(m[1]), query)],
  [/^#\/incidents\/([^/?]+)/, (m) => (el) => incidentPage(el, decodeURIComponent(m[1]))],
  [/^#\/incidents\/?$/, () => incidentsPage],
  [/^#\/simulations\/([^/?]+)/, (m) => (el) => simulationPage(el, decodeURIComponent(m[1]))],
  [/^#\/simulations\/?$/, () => simulationsPage],
];

let stopCurrent = () => {};

async function route() {
  stopCurrent();
  stopCurrent = () => {};
  const hash = location.hash || '#/';
  const [where, queryText] = hash.split('?');
  const query = new URLSearchParams(queryText || '');
  const page = document.getElementById('page');
  for (const [pattern, make] of routes) {
    const match = where.match(pattern);
    if (match) {
      fill(page, h('p.loading', { text: 'Loading…' }));
      const started = performance.now();
      try {
        const stop = await make(match)(page, query);
        if (typeof stop === 'function') stopCurrent = stop;
      } catch (error) {
        const text = error.status === 401 && !who.current
          ? 'Sign in with an API token (top right) to see this page; `vigil token create --role read` makes one.'
          : problemText(error);
        fill(page, h('p.error', { id: error.status === 401 ? 'needs-sign-in' : null, text }));
      }
      document.body.dataset.loadedMs = String(Math.round(performance.now() - started));
      document.body.dataset.page = where;
      return;
    }
  }
  fill(page, h('p.error', { text: 'No such page: ' + where }));
}

async function refreshSession() {
  who.current = null;
  if (session.token()) {
    try {
      who.current = await api.get('/me');
    } catch (error) {
      session.signOut();
    }
  }
  renderSession();
}

function renderSession() {
  const box = document.getElementById('session');
  if (who.current) {
    fill(
      box,
      h('span.who', { id: 'signed-in', text: `${who.current.name} (${who.current.role})` }),
      h('button', { id: 'sign-out', type: 'button', onclick: () => { session.signOut(); refreshSession().then(route); } }, 'Sign out'),
    );
    return;
  }
  const input = h('input', { id: 'token', type: 'password', placeholder: 'API token (vgl_…)', autocomplete: 'off', 'aria-label': 'API token' });
  const message = h('span.error', { id: 'sign-in-error' });
  const form = h(
    'form.sign-in',
    {
      onsubmit: async (event) => {
        event.preventDefault();
        session.signIn(input.value.trim());
        await refreshSession();
        if (!who.current) fill(message, 'That token was refused.');
        else route();
      },
    },
    input,
    h('button', { id: 'sign-in', type: 'submit' }, 'Sign in'),
    message,
  );
  fill(box, form);
}

window.addEventListener('hashchange', route);
refreshSession().then(route);
