// Simulation view: the last runs `vigil demo` and `vigil simulate --keep` kept, their scorecards,
// and one run's windows and events.

import { api, may, path } from './api.js';
import { h, fill, section, fmt, time, badge } from './dom.js';
import { timeChart, legend } from './charts.js';
import { ms } from './series.js';

const yes = (value) => (value === null || value === undefined ? '–' : value ? 'yes' : 'no');
const windows = (value) => (value === null || value === undefined ? '–' : `${value} windows`);

export async function simulationsPage(el) {
  if (!may('read')) {
    fill(el, h('p.hint', { text: 'Sign in with an API token to see simulation runs.' }));
    return;
  }
  const list = await api.get('/simulations');
  fill(
    el,
    section(
      'Simulation runs',
      list.runs.length
        ? h(
            'table.simulations',
            { id: 'simulations' },
            h('thead', {}, h('tr', {}, ['run', 'scenario', 'seed', 'detected after', 'top-1 cause', 'top-3 cause', 'culprit', 'remediation', 'false incidents'].map((c) => h('th', { text: c })))),
            h(
              'tbody',
              {},
              list.runs.map((run) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('a', { href: '#/simulations/' + encodeURIComponent(run.id), text: time(run.run_start) })),
                  h('td', { text: run.scenario }),
                  h('td', { text: run.seed }),
                  h('td', { text: windows(run.scorecard.detection_windows) }),
                  h('td', { text: yes(run.scorecard.top1_correct) }),
                  h('td', { text: yes(run.scorecard.top3_correct) }),
                  h('td', { text: yes(run.scorecard.culprit_correct) }),
                  h('td', { text: yes(run.scorecard.remediation_correct) }),
                  h('td', { text: run.scorecard.false_incidents }),
                ),
              ),
            ),
          )
        : h('p', { text: 'No run kept yet: `vigil demo` keeps its run here, and `vigil simulate --keep DIR` its runs for `vigil serve --data-dir DIR`.' }),
    ),
  );
}

export async function simulationPage(el, id) {
  if (!may('read')) {
    fill(el, h('p.hint', { text: 'Sign in with an API token to see simulation runs.' }));
    return;
  }
  const run = await api.get(path`/simulations/${id}`);
  const card = run.scorecard;
  const accuracy = run.window_outcomes.map((w) => ({ t: (ms(w.from) + ms(w.to)) / 2, y: w.accuracy }));
  const markers = run.onsets.map((o) => ({ t: ms(o.at), label: `${o.kind} (${o.shape})` }));
  fill(
    el,
    h('div.title-row', {}, h('h1', { text: `${run.scenario}, seed ${run.seed}` }), h('span.muted', { text: `${run.windows} windows of ${run.window_seconds / 60} min from ${time(run.run_start)}` })),
    section(
      'Scorecard',
      h('p', { text: `expected: ${run.expected.category}${run.expected.culprit ? ' (' + run.expected.culprit + ')' : ''}, remediation ${run.expected.remediation}` }),
      h(
        'table.scorecard',
        { id: 'scorecard' },
        h(
          'tbody',
          {},
          [
            ['detection', windows(card.detection_windows)],
            ['warning lead', windows(card.warning_lead_windows)],
            ['breached', yes(card.breached)],
            ['diagnosed', card.diagnosed ? `${card.diagnosed.category}${card.diagnosed.culprit ? ' (' + card.diagnosed.culprit + ')' : ''}, confidence ${fmt(card.diagnosed.confidence, 2)}` : 'none'],
            ['top-1 category', yes(card.top1_correct)],
            ['top-3 category', yes(card.top3_correct)],
            ['culprit', yes(card.culprit_correct)],
            ['remediation', `${yes(card.remediation_correct)}${card.remediation ? ' (' + card.remediation + ')' : ''}`],
            ['recovery', windows(card.recovery_windows)],
            ['false incidents', card.false_incidents],
            ['actions proposed', card.actions_proposed],
          ].map(([k, v]) => h('tr', {}, h('th', { text: k }), h('td', { text: v }))),
        ),
      ),
    ),
    section(
      'Accuracy per window',
      timeChart({ id: 'simulation-accuracy', series: [{ name: 'accuracy', points: accuracy }], markers, thresholds: [{ y: run.accuracy_target, label: `target ${fmt(run.accuracy_target, 2)}` }] }),
      legend([['realized accuracy', 0]]),
      h('p.note', { text: 'Vertical lines are the faults’ onsets.' }),
    ),
    section('Events', h('ol.timeline', { id: 'simulation-events' }, run.events.map((e) => h('li', {}, h('time', { text: time(e.at) }), ' ', badge(e.kind), ' ', e.text)))),
  );
}
