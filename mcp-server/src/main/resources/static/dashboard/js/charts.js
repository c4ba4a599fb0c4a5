// A small SVG chart helper: time series with intervals and markers, sparklines, a heatmap and
// paired bars. Each chart says what it drew in data-chart and data-points, which the browser
// test reads.

import { s } from './dom.js';

const WIDTH = 760;
const MARGIN = { top: 12, right: 16, bottom: 26, left: 52 };

function extent(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 0.5 * Math.abs(lo || 1) * 0.1, hi + 0.5 * Math.abs(hi || 1) * 0.1];
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

function scale([d0, d1], [r0, r1]) {
  return (v) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
}

function ticks([lo, hi], count) {
  const step = (hi - lo) / count;
  return Array.from({ length: count + 1 }, (_, i) => lo + i * step);
}

function timeLabel(ms, spanMs) {
  const iso = new Date(ms).toISOString();
  return spanMs > 3 * 86400000 ? iso.slice(5, 10) : iso.slice(11, 16);
}

/** Splits points into runs without gaps (a missing y breaks the line). */
function runs(points, key) {
  const out = [];
  let current = [];
  for (const p of points) {
    if (p[key] === null || p[key] === undefined) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(p);
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * A time chart. series: [{name, points: [{t: ms, y, lo, hi}], dashed, band}], markers: [{t, label}],
 * thresholds: [{y, label}].
 */
export function timeChart({ id, series, markers = [], thresholds = [], height = 220, yFormat = (v) => v.toFixed(2), yDomain, fromZero = false }) {
  const all = series.flatMap((one) => one.points);
  const drawn = all.filter((p) => p.y !== null && p.y !== undefined).length;
  const svg = s('svg.chart', { viewBox: `0 0 ${WIDTH} ${height}`, 'data-chart': id, 'data-points': drawn, role: 'img', 'aria-label': id });
  const times = all.map((p) => p.t).concat(markers.map((m) => m.t));
  const [t0, t1] = times.length ? [Math.min(...times), Math.max(...times)] : [0, 1];
  const ys = yDomain || extent(all.flatMap((p) => [p.y, p.lo, p.hi]).concat(thresholds.map((t) => t.y)));
  if (fromZero) ys[0] = 0;
  if (fromZero && ys[1] <= 0) ys[1] = 1;
  const x = scale([t0, t1], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = scale(ys, [height - MARGIN.bottom, MARGIN.top]);
  for (const v of ticks(ys, 4)) {
    svg.append(
      s('line.grid', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      s('text.axis', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: yFormat(v) }),
    );
  }
  for (const v of ticks([t0, t1], 6)) {
    svg.append(s('text.axis', { x: x(v), y: height - 8, 'text-anchor': 'middle', text: timeLabel(v, t1 - t0) }));
  }
  for (const threshold of thresholds) {
    svg.append(
      s('line.threshold', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(threshold.y), y2: y(threshold.y) }),
      s('text.threshold-label', { x: WIDTH - MARGIN.right - 4, y: y(threshold.y) - 4, 'text-anchor': 'end', text: threshold.label }),
    );
  }
  series.forEach((one, index) => {
    const colour = 'c' + (one.colour ?? index);
    if (one.band) {
      for (const run of runs(one.points, 'lo')) {
        const upper = run.map((p) => `${x(p.t)},${y(p.hi)}`);
        const lower = run.slice().reverse().map((p) => `${x(p.t)},${y(p.lo)}`);
        svg.append(s(`polygon.band.${colour}`, { points: upper.concat(lower).join(' ') }));
      }
    }
    for (const run of runs(one.points, 'y')) {
      const d = run.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
      svg.append(s(`path.line.${colour}${one.dashed ? '.dashed' : ''}`, { d }, s('title', { text: one.name })));
      if (run.length === 1) svg.append(s(`circle.dot.${colour}`, { cx: x(run[0].t), cy: y(run[0].y), r: 3 }));
    }
  });
  for (const marker of markers) {
    svg.append(
      s('line.marker', { x1: x(marker.t), x2: x(marker.t), y1: MARGIN.top, y2: height - MARGIN.bottom }),
      s('text.marker-label', { x: x(marker.t) + 3, y: MARGIN.top + 10, text: marker.label }),
    );
  }
  return svg;
}

/** A small line without axes; series: [{points: [{t, y}], dashed}]. */
export function sparkline({ id, series, width = 140, height = 32 }) {
  const all = series.flatMap((one) => one.points).filter((p) => p.y !== null && p.y !== undefined);
  const svg = s('svg.spark', { viewBox: `0 0 ${width} ${height}`, width, height, 'data-chart': id, 'data-points': all.length });
  if (!all.length) return svg;
  const x = scale(extent(all.map((p) => p.t)), [2, width - 2]);
  const y = scale(extent(all.map((p) => p.y)), [height - 2, 2]);
  series.forEach((one, index) => {
    for (const run of runs(one.points, 'y')) {
      const d = run.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
      svg.append(s(`path.line.c${index}${one.dashed ? '.dashed' : ''}`, { d }, s('title', { text: one.name })));
    }
  });
  return svg;
}

/**
 * A heatmap of rows over time: rows [{name, cells: [{t0, t1, value, level}]}], where level in [0, 1]
 * picks the colour (1 is the alarm).
 */
export function heatmap({ id, rows, cellLabel }) {
  const rowHeight = 22;
  const left = 130;
  const height = rows.length * rowHeight + MARGIN.bottom + 4;
  const cells = rows.flatMap((row) => row.cells);
  const svg = s('svg.chart.heatmap', { viewBox: `0 0 ${WIDTH} ${height}`, 'data-chart': id, 'data-points': cells.length, role: 'img', 'aria-label': id });
  if (!cells.length) return svg;
  const t0 = Math.min(...cells.map((c) => c.t0));
  const t1 = Math.max(...cells.map((c) => c.t1));
  const x = scale([t0, t1], [left, WIDTH - MARGIN.right]);
  rows.forEach((row, r) => {
    svg.append(s('text.axis', { x: left - 6, y: r * rowHeight + 15, 'text-anchor': 'end', text: row.name }));
    for (const cell of row.cells) {
      const level = Math.max(0, Math.min(1, cell.level));
      svg.append(
        s('rect.cell', { x: x(cell.t0), y: r * rowHeight + 2, width: Math.max(1, x(cell.t1) - x(cell.t0) - 1), height: rowHeight - 4, fill: heat(level) },
          s('title', { text: cellLabel(row, cell) })),
      );
    }
  });
  for (const v of ticks([t0, t1], 6)) {
    svg.append(s('text.axis', { x: x(v), y: height - 8, 'text-anchor': 'middle', text: timeLabel(v, t1 - t0) }));
  }
  return svg;
}

/** From pale (no drift) through amber to red (at or past the alarm). */
function heat(level) {
  const stops = [[240, 244, 248], [253, 216, 120], [214, 48, 49]];
  const at = level * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  const f = at - i;
  const rgb = stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  return `rgb(${rgb.join(',')})`;
}

/** Paired bars: bins [{label, a, b}] (a: current, b: baseline, shares in [0, 1]). */
export function pairedBars({ id, bins, names = ['current', 'baseline'], height = 220 }) {
  const drawn = bins.filter((bin) => bin.a !== null && bin.a !== undefined).length;
  const svg = s('svg.chart', { viewBox: `0 0 ${WIDTH} ${height}`, 'data-chart': id, 'data-points': drawn, role: 'img', 'aria-label': id });
  if (!bins.length) return svg;
  const top = Math.max(...bins.flatMap((bin) => [bin.a || 0, bin.b || 0])) * 1.1 || 1;
  const y = scale([0, top], [height - MARGIN.bottom - 14, MARGIN.top]);
  const slot = (WIDTH - MARGIN.left - MARGIN.right) / bins.length;
  const bar = Math.max(1, slot * 0.4);
  for (const v of ticks([0, top], 4)) {
    svg.append(
      s('line.grid', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
      s('text.axis', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: (v * 100).toFixed(0) + '%' }),
    );
  }
  bins.forEach((bin, i) => {
    const x0 = MARGIN.left + i * slot + slot * 0.1;
    [[bin.a, 'c0', names[0]], [bin.b, 'c1', names[1]]].forEach(([value, colour, name], k) => {
      if (value === null || value === undefined) return;
      svg.append(
        s(`rect.bar.${colour}`, { x: x0 + k * bar, y: y(value), width: bar, height: y(0) - y(value) },
          s('title', { text: `${bin.label}: ${name} ${(value * 100).toFixed(1)}%` })),
      );
    });
    if (bins.length <= 24 || i % Math.ceil(bins.length / 12) === 0) {
      svg.append(s('text.axis.small', { x: x0 + bar, y: height - MARGIN.bottom + 2, 'text-anchor': 'middle', text: bin.label.length > 14 ? bin.label.slice(0, 13) + '…' : bin.label }));
    }
  });
  return svg;
}

/** A legend: [[name, colourIndex, dashed]]. */
export function legend(entries) {
  const span = document.createElement('div');
  span.className = 'legend';
  for (const [name, colour, dashed] of entries) {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.className = `swatch c${colour}${dashed ? ' dashed' : ''}`;
    item.append(swatch, document.createTextNode(name));
    span.append(item);
  }
  return span;
}
