// Overview: every model with its active version, health, SLO status, open incidents and a
// sparkline of accuracy (realized and estimated) over the last day.

import { api, may, path } from './api.js';
import { h, fill, badge, section, fmt, time, problemText } from './dom.js';
import { sparkline, legend } from './charts.js';
import { accuracySeries } from './series.js';

export const TERMINAL = ['RESOLVED', 'ESCALATED'];

export async function overviewPage(el) {
  const signedIn = may('read');
  // The sparklines' queries need only the model list: they go out while health is computed.
  const listed = api.get('/models');
  const accuracies = listed.then((models) => new Map(models.models.map((m) => [m.name, api.get(path`/models/${m.name}/accuracy` + '?window=24h').catch((error) => ({ error }))]))).catch(() => new Map());
  const [models, health, incidents] = await Promise.all([
    listed,
    api.get('/health'),
    signedIn ? api.get('/incidents?limit=200') : Promise.resolve(null),
  ]);
  const accuracyOf = await accuracies;
  const healthOf = new Map(health.models.map((m) => [m.model, m]));
  const open = (incidents ? incidents.incidents : []).filter((i) => !TERMINAL.includes(i.state));
  const rows = models.models.map((model) => modelRow(model, healthOf.get(model.name), open, accuracyOf.get(model.name)));
  fill(
    el,
    section(
      'Models',
      h('p.summary', { text: health.summary }),
      h(
        'table.models',
        { id: 'models' },
        h('thead', {}, h('tr', {}, ['model', 'active version', 'health', 'accuracy SLO', 'open incidents', 'accuracy, last 24h'].map((c) => h('th', { text: c })))),
        h('tbody', {}, rows.map((row) => row.tr)),
      ),
      legend([['realized', 0], ['estimated (label-free)', 1, true]]),
    ),
    signedIn ? openIncidents(open) : h('p.hint', { text: 'Sign in with an API token to see incidents.' }),
  );
  // The sparklines follow the table as their answers arrive.
  await Promise.all(rows.map((row) => row.loadSparkline()));
}

function modelRow(model, health, open, accuracyAnswer) {
  const mine = open.filter((i) => i.model === model.name);
  const sparkCell = h('td.spark-cell');
  const slo = health ? health.slo : null;
  const tr = h(
    'tr',
    { 'data-model': model.name },
    h('td', {}, h('a', { href: '#/models/' + encodeURIComponent(model.name), text: model.name })),
    h('td', { text: model.active_version || '–' }),
    h('td', {}, health ? badge(health.status) : '–', health ? h('div.reasons', { text: health.reasons.join('; ') }) : null),
    h('td', {}, slo ? badge(slo.status) : '–', slo && slo.realized ? h('div.reasons', { text: `${fmt(slo.realized.accuracy)} vs ${fmt(slo.target)}` }) : null),
    h('td', {}, may('read') ? mine.map((i) => h('a.incident-link', { href: '#/incidents/' + encodeURIComponent(i.id), text: `${i.id} ${i.state.toLowerCase()}` })) : '–', may('read') && !mine.length ? 'none' : null),
    sparkCell,
  );
  return {
    tr,
    loadSparkline: async () => {
      try {
        const accuracy = await accuracyAnswer;
        if (accuracy.error) throw accuracy.error;
        const active = accuracy.versions.find((v) => v.version === model.active_version) || accuracy.versions[0];
        const [realized, estimated] = active ? accuracySeries(active) : [[], []];
        fill(sparkCell, sparkline({ id: 'spark-' + model.name, series: [{ name: 'realized', points: realized }, { name: 'estimated', points: estimated, dashed: true }] }));
      } catch (error) {
        fill(sparkCell, h('span.error', { text: problemText(error) }));
      }
    },
  };
}

function openIncidents(open) {
  return section(
    'Open incidents',
    open.length
      ? h('ul.incidents', { id: 'open-incidents' }, open.map((i) => h('li', {}, h('a', { href: '#/incidents/' + encodeURIComponent(i.id), text: i.id }), ' ', badge(i.state), ' ', h('span', { text: `${i.title} (opened ${time(i.opened_at)})` }))))
      : h('p', { text: 'None open.' }),
  );
}
