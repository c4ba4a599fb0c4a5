// Builds elements from data. Text from the server (feature values, log fields, names) is only
// ever set as text, never parsed as markup.

const SVG = 'http://www.w3.org/2000/svg';

/** h('div.card', {id: 'x', onclick: f}, child, 'text', [more]) */
export function h(spec, attributes = {}, ...children) {
  return build(document.createElement(tag(spec)), spec, attributes, children);
}

/** Like h, in the SVG namespace. */
export function s(spec, attributes = {}, ...children) {
  return build(document.createElementNS(SVG, tag(spec)), spec, attributes, children);
}

function tag(spec) {
  return spec.split('.')[0];
}

function build(element, spec, attributes, children) {
  const classes = spec.split('.').slice(1);
  if (classes.length) element.setAttribute('class', classes.join(' '));
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function fmt(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (typeof value !== 'number') return String(value);
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  return value.toFixed(digits);
}

export function pct(value, digits = 1) {
  if (value === null || value === undefined) return '–';
  return (value * 100).toFixed(digits) + '%';
}

export function time(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');
}

/** A coloured label for a status word (HEALTHY, CRITICAL, AWAITING_APPROVAL...). */
export function badge(word) {
  const text = String(word ?? 'unknown').toLowerCase();
  return h('span.badge.b-' + text.replace(/[^a-z0-9]+/g, '-'), { text: text.replace(/_/g, ' ') });
}

export function section(title, ...children) {
  return h('section.card', {}, h('h2', { text: title }), ...children);
}

export function problemText(error) {
  return error && error.message ? error.message : String(error);
}
