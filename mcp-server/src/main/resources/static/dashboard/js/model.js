// Model page: accuracy per version (realized and label-free estimate, with intervals, deployments
// marked), drift per feature over time, the dynamics of the top features, latency and errors, and
// a chosen feature's distribution against its baseline.

import { api, path } from './api.js';
import { h, fill, badge, section, fmt, pct, time, problemText } from './dom.js';
import { timeChart, heatmap, pairedBars, legend, sparkline } from './charts.js';
import { accuracySeries, driftCells, ms, durationText } from './series.js';

const WINDOWS = ['6h', '24h', '3d', '7d', '30d'];
const TOP_DYNAMICS = 5;
// Red is kept for targets and alarms.
const VERSION_COLOURS = [0, 2, 1, 4, 5];

export async function modelPage(el, name, query) {
  const window = query.get('window') || '24h';
  const windowQuery = '?window=' + encodeURIComponent(window);
  const [model, deployments, accuracy, drift, latency] = await Promise.all([
    api.get(path`/models/${name}`),
    api.get(path`/models/${name}/deployments`),
    api.get(path`/models/${name}/accuracy` + windowQuery),
    api.get(path`/models/${name}/drift` + windowQuery).catch((error) => ({ error })),
    api.get(path`/models/${name}/latency` + windowQuery),
  ]);
  const feature = query.get('feature') || (drift.features && drift.features[0] ? drift.features[0].feature : Object.keys(model.features)[0]);
  const distributionSection = section('Distribution');
  distributionSection.id = 'distribution';
  fill(
    el,
    h('div.title-row', {}, h('h1', { text: model.name }), badge(accuracy.slo.status), h('span.muted', { text: `active version ${model.active_version || '–'} · versions ${model.versions.join(', ')}` })),
    windowPicker(name, window, query),
    accuracySection(accuracy, deployments),
    drift.error ? section('Drift', h('p.error', { text: problemText(drift.error) })) : driftSection(drift),
    drift.error ? null : dynamicsSection(drift),
    latencySection(latency, deployments),
    distributionSection,
  );
  await distributionPanel(distributionSection, name, window, feature, Object.keys(model.features));
  const focus = query.get('focus');
  if (focus && document.getElementById(focus)) document.getElementById(focus).scrollIntoView();
}

function windowPicker(name, current, query) {
  const link = (w) => {
    const q = new URLSearchParams(query);
    q.set('window', w);
    return '#/models/' + encodeURIComponent(name) + '?' + q.toString();
  };
  const choices = WINDOWS.includes(current) ? WINDOWS : WINDOWS.concat([current]);
  return h('div.window-picker', {}, 'window: ', choices.map((w) => (w === current ? h('strong', { text: w }) : h('a', { href: link(w), text: w }))));
}

function deploymentMarkers(deployments, from, to) {
  return deployments.deployments
    .filter((d) => ms(d.effective_at) >= from && ms(d.effective_at) <= to)
    .map((d) => ({ t: ms(d.effective_at), label: Object.entries(d.traffic).map(([v, share]) => `${v} ${Math.round(share * 100)}%`).join(' / ') }));
}

function accuracySection(accuracy, deployments) {
  const from = ms(accuracy.range.from);
  const to = ms(accuracy.range.to);
  const series = [];
  const names = [];
  accuracy.versions.forEach((version, index) => {
    const [realized, estimated] = accuracySeries(version);
    const colour = VERSION_COLOURS[index % VERSION_COLOURS.length];
    series.push({ name: `${version.version} realized`, points: realized, band: true, colour });
    series.push({ name: `${version.version} estimated`, points: estimated, band: true, dashed: true, colour });
    names.push([`${version.version} realized`, colour], [`${version.version} estimated (label-free)`, colour, true]);
  });
  const target = accuracy.slo.target;
  const card = section(
    'Accuracy',
    h('p.summary', { text: accuracy.summary }),
    timeChart({
      id: 'accuracy',
      series,
      markers: deploymentMarkers(deployments, from, to),
      thresholds: target !== null && target !== undefined ? [{ y: target, label: `target ${fmt(target, 2)}` }] : [],
      yFormat: (v) => v.toFixed(2),
    }),
    legend(names),
    h('p.note', { text: 'Bands are 95% intervals; vertical lines are deployments.' }),
  );
  card.id = 'accuracy';
  return card;
}

function driftSection(drift) {
  const rows = drift.features.filter((f) => f.dynamics).map((f) => ({ name: f.feature, cells: driftCells(f.dynamics), feature: f }));
  const card = section(
    'Drift',
    h('p.summary', {}, badge(drift.status), ' ', drift.summary),
    heatmap({
      id: 'drift-heatmap',
      rows,
      cellLabel: (row, cell) => `${row.name} ${time(new Date(cell.t0).toISOString())}: score ${fmt(cell.value)} (alarm ${fmt(row.feature.dynamics.alarm_threshold)})`,
    }),
    h('p.note', { text: 'Each cell is one window’s drift score against the baseline; red is at or past the alarm.' }),
    h(
      'table.features',
      {},
      h('thead', {}, h('tr', {}, ['feature', 'verdict', 'method', 'effect', 'threshold', 'adj. p'].map((c) => h('th', { text: c })))),
      h('tbody', {}, drift.features.map((f) => h('tr', {}, h('td', { text: f.feature }), h('td', {}, badge(f.verdict)), h('td', { text: f.method || '–' }), h('td', { text: fmt(f.effect_size) }), h('td', { text: fmt(f.effect_threshold) }), h('td', { text: fmt(f.adjusted_pvalue) })))),
    ),
  );
  card.id = 'drift';
  return card;
}

function dynamicsSection(drift) {
  const top = drift.features.filter((f) => f.dynamics).slice(0, TOP_DYNAMICS);
  const card = section(
    'Drift dynamics of the top features',
    h(
      'table.dynamics',
      { id: 'dynamics' },
      h('thead', {}, h('tr', {}, ['feature', 'score over time', 'level', 'velocity / window', 'acceleration / window', 'alarm at', 'risk', 'time to alarm'].map((c) => h('th', { text: c })))),
      h(
        'tbody',
        {},
        top.map((f) => {
          const d = f.dynamics;
          const points = driftCells(d).map((c) => ({ t: c.t1, y: c.value }));
          return h(
            'tr',
            { 'data-feature': f.feature },
            h('td', { text: f.feature }),
            h('td', {}, sparkline({ id: 'dynamics-' + f.feature, series: [{ name: 'score', points }] })),
            h('td', { text: fmt(d.level) }),
            h('td', { text: signed(d.velocity_per_window) }),
            h('td', { text: signed(d.acceleration_per_window) }),
            h('td', { text: fmt(d.alarm_threshold) }),
            h('td', {}, badge(d.risk)),
            h('td', { title: d.reason, text: d.windows_to_alarm === 0 ? 'at the alarm' : durationText(d.time_to_alarm) }),
          );
        }),
      ),
    ),
  );
  card.id = 'dynamics-card';
  return card;
}

function signed(value) {
  return value === null || value === undefined ? '–' : (value >= 0 ? '+' : '') + fmt(value, 4);
}

function latencySection(latency, deployments) {
  const buckets = latency.overall.buckets;
  const mid = (b) => (ms(b.from) + ms(b.to)) / 2;
  const percentile = (key) => buckets.map((b) => ({ t: mid(b), y: b.figures[key] }));
  const errors = buckets.map((b) => ({ t: mid(b), y: b.figures.records ? b.figures.error_rate : null }));
  const markers = deploymentMarkers(deployments, ms(latency.range.from), ms(latency.range.to));
  const card = section(
    'Latency and errors',
    h('p.summary', { text: latency.summary }),
    timeChart({
      id: 'latency',
      series: [
        { name: 'p50', points: percentile('p50_ms') },
        { name: 'p95', points: percentile('p95_ms') },
        { name: 'p99', points: percentile('p99_ms') },
      ],
      markers,
      fromZero: true,
      yFormat: (v) => v.toFixed(0) + ' ms',
    }),
    legend([['p50', 0], ['p95', 1], ['p99', 2]]),
    timeChart({ id: 'errors', series: [{ name: 'error rate', points: errors, colour: 3 }], markers, height: 140, fromZero: true, yFormat: (v) => pct(v, 1) }),
    legend([['error rate', 3]]),
  );
  card.id = 'latency';
  return card;
}

async function distributionPanel(card, model, window, feature, features) {
  const choices = features.concat(['@prediction', '@confidence', '@latency_ms']);
  const select = h('select', { id: 'feature-select', 'aria-label': 'feature' }, choices.map((f) => h('option', { value: f, text: f, selected: f === feature })));
  const body = h('div');
  const show = async (chosen) => {
    fill(body, h('p.loading', { text: 'Loading…' }));
    try {
      const d = await api.get(path`/models/${model}/features/${chosen}/distribution` + '?window=' + encodeURIComponent(window));
      const bins = d.numeric
        ? d.numeric.histogram.map((b) => ({ label: b.label, a: b.share, b: b.baseline_share }))
        : d.categorical
          ? d.categorical.categories.map((c) => ({ label: c.category, a: c.share, b: c.baseline_share }))
          : [];
      fill(body, h('p.summary', { text: d.summary }), pairedBars({ id: 'distribution', bins, names: ['current', 'baseline'] }), legend([['current window', 0], ['baseline', 1]]));
    } catch (error) {
      fill(body, h('p.error', { text: problemText(error) }));
    }
  };
  select.addEventListener('change', () => show(select.value));
  fill(card, h('h2', {}, 'Distribution of ', select, ' against its baseline'), body);
  await show(feature);
}
