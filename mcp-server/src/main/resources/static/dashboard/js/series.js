// Turns the API's answers into chart points ({t: epoch ms, y, lo, hi}).

export function ms(iso) {
  return Date.parse(iso);
}

/** Realized and estimated accuracy of one version, per bucket (the bucket's middle). */
export function accuracySeries(version) {
  const mid = (bucket) => (ms(bucket.range.from) + ms(bucket.range.to)) / 2;
  const realized = version.buckets.map((b) => ({ t: mid(b), y: b.accuracy ? b.accuracy.accuracy : null, lo: b.accuracy ? b.accuracy.lower : null, hi: b.accuracy ? b.accuracy.upper : null }));
  const estimated = version.buckets.map((b) => ({ t: mid(b), y: b.estimated ? b.estimated.accuracy : null, lo: b.estimated ? b.estimated.lower : null, hi: b.estimated ? b.estimated.upper : null }));
  return [realized, estimated];
}

/** A feature's drift scores window by window, ending where its dynamics' series ends. */
export function driftCells(dynamics) {
  const length = durationMs(dynamics.window_length);
  const end = ms(dynamics.series.to);
  const n = dynamics.scores.length;
  return dynamics.scores.map((score, i) => {
    const t1 = end - (n - 1 - i) * length;
    return { t0: t1 - length, t1, value: score, level: dynamics.alarm_threshold > 0 ? score / dynamics.alarm_threshold : 0 };
  });
}

/** ISO-8601 durations as Java writes them (PT1H, PT5M, PT44H55M56S, P1D). */
export function durationMs(text) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text || '');
  if (!m) return 0;
  const [, d, hh, mm, ss] = m.map((v) => (v === undefined ? 0 : Number(v)));
  return (((d * 24 + hh) * 60 + mm) * 60 + ss) * 1000;
}

export function durationText(text) {
  const total = durationMs(text) / 1000;
  if (!total) return '–';
  const hours = Math.floor(total / 3600);
  const minutes = Math.round((total % 3600) / 60);
  return hours ? `${hours}h ${minutes}m` : `${minutes}m`;
}
