// Incident page: timeline, ranked hypotheses with their evidence (each linking to the chart or
// query behind it), the proposed action with Approve / Reject for an approver, and execution and
// verification as they happen (the page polls while the agent still has work to do).

import { api, may, path } from './api.js';
import { h, fill, badge, section, fmt, time, problemText } from './dom.js';
import { TERMINAL } from './overview.js';

const POLL_MS = 2000;
const STEPS = ['OPEN', 'INVESTIGATING', 'DIAGNOSED', 'AWAITING_APPROVAL', 'REMEDIATING', 'VERIFYING', 'RESOLVED'];

export async function incidentsPage(el) {
  if (!may('read')) {
    fill(el, h('p.hint', { text: 'Sign in with an API token to see incidents.' }));
    return;
  }
  const list = await api.get('/incidents?limit=100');
  fill(
    el,
    section(
      'Incidents',
      h('p.summary', { text: list.summary }),
      h(
        'table.incidents',
        { id: 'incidents' },
        h('thead', {}, h('tr', {}, ['id', 'model', 'state', 'signal', 'opened', 'title'].map((c) => h('th', { text: c })))),
        h('tbody', {}, list.incidents.map((i) => h('tr', {}, h('td', {}, h('a', { href: '#/incidents/' + encodeURIComponent(i.id), text: i.id })), h('td', { text: i.model }), h('td', {}, badge(i.state)), h('td', { text: i.trigger.signal.toLowerCase() }), h('td', { text: time(i.opened_at) }), h('td', { text: i.title })))),
      ),
    ),
  );
}

export async function incidentPage(el, id) {
  if (!may('read')) {
    fill(el, h('p.hint', { text: 'Sign in with an API token to see incidents.' }));
    return undefined;
  }
  let timer = null;
  let stopped = false;
  const render = (report, notice) => {
    fill(el, ...incidentView(report, notice, decide));
    if (!stopped && !TERMINAL.includes(report.incident.state) && report.incident.state !== 'AWAITING_APPROVAL') schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        render(await api.get(path`/incidents/${id}`));
      } catch (error) {
        schedule();
      }
    }, POLL_MS);
  };
  const decide = async (verb, proposal, comment, button) => {
    button.disabled = true;
    try {
      const result = await api.post(path`/incidents/${id}/${verb}`, { proposal_id: proposal.id, action_hash: proposal.action_hash, comment });
      render(result.incident, `${verb === "approve" ? "Approved" : "Rejected"} by ${result.decision.decided_by}.`);
      schedule();
    } catch (error) {
      render(await api.get(path`/incidents/${id}`), 'Refused: ' + problemText(error));
    }
  };
  render(await api.get(path`/incidents/${id}`));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function incidentView(report, notice, decide) {
  const incident = report.incident;
  const evidence = new Map(report.evidence.map((e) => [e.id, e]));
  return [
    h('div.title-row', {}, h('h1', { text: incident.id }), h('span', { id: 'incident-state' }, badge(incident.state)), h('a', { href: '#/models/' + encodeURIComponent(incident.model), text: incident.model })),
    h('p.summary', { text: report.summary }),
    notice ? h('p.notice', { id: 'notice', text: notice }) : null,
    stepper(incident.state),
    section('Trigger', h('p', { text: `${incident.trigger.signal.toLowerCase().replace(/_/g, ' ')}: ${incident.trigger.detail}` }), h('p.muted', { text: `observed ${fmt(incident.trigger.observed)} against ${fmt(incident.trigger.threshold)} in ${time(incident.trigger.window.from)} – ${time(incident.trigger.window.to)}` })),
    proposalSection(report, decide),
    hypothesesSection(report, evidence),
    progressSection(report),
    timelineSection(report),
    evidenceSection(report),
  ];
}

function stepper(state) {
  const at = STEPS.indexOf(state);
  return h(
    'ol.stepper',
    { id: 'stepper' },
    STEPS.map((step, i) => h('li' + (step === state ? '.current' : i < at ? '.done' : ''), { text: step.toLowerCase().replace(/_/g, ' ') })),
    state === 'ESCALATED' ? h('li.current.escalated', { text: 'escalated' }) : null,
  );
}

function proposalSection(report, decide) {
  const proposal = report.proposal;
  if (!proposal) return section('Proposed action', h('p.muted', { text: 'No action proposed.' }));
  const pending = proposal.status === 'PENDING_APPROVAL' && report.incident.state === 'AWAITING_APPROVAL';
  const comment = h('input', { id: 'decision-comment', type: 'text', placeholder: 'comment (optional)', 'aria-label': 'comment' });
  let controls;
  if (pending && may('approve')) {
    const approve = h('button.approve', { id: 'approve', type: 'button' }, 'Approve');
    const reject = h('button.reject', { id: 'reject', type: 'button' }, 'Reject');
    approve.addEventListener('click', () => decide('approve', proposal, comment.value, approve));
    reject.addEventListener('click', () => decide('reject', proposal, comment.value, reject));
    controls = h('div.decision', {}, comment, approve, reject);
  } else if (pending) {
    controls = h('p.hint', { id: 'approver-needed', text: 'Waiting for a person with the approve role to decide.' });
  }
  const action = proposal.action;
  return section(
    'Proposed action',
    h('p.action', { id: 'proposal' }, h('strong', { text: action.type.toLowerCase().replace(/_/g, ' ') }), ` on ${action.model} `, Object.entries(action.arguments).map(([k, v]) => h('code', { text: `${k}=${v}` })), ' ', badge(proposal.status)),
    h('p', { text: proposal.rationale }),
    h('p.muted', { text: `proposed by ${proposal.proposed_by} at ${time(proposal.proposed_at)}, expires ${time(proposal.expires_at)}; action hash ${proposal.action_hash}` }),
    controls,
    report.approvals.length ? h('ul', {}, report.approvals.map((a) => h('li', { text: `${a.decision.toLowerCase()} by ${a.decided_by} at ${time(a.decided_at)}${a.comment ? ': ' + a.comment : ''}` }))) : null,
  );
}

function hypothesesSection(report, evidence) {
  if (!report.diagnosis) return section('Diagnosis', h('p.muted', { text: 'Not diagnosed yet.' }));
  const diagnosis = report.diagnosis;
  return section(
    'Diagnosis',
    h('p.summary', { text: `${diagnosis.summary} (decided by the ${diagnosis.decided_by.toLowerCase()} reasoner${diagnosis.fallback_reason ? '; ' + diagnosis.fallback_reason : ''})` }),
    h(
      'ol.hypotheses',
      { id: 'hypotheses' },
      diagnosis.hypotheses.map((hyp) =>
        h(
          'li',
          {},
          h('div.hypothesis', {}, h('strong', { text: hyp.category.toLowerCase().replace(/_/g, ' ') }), hyp.culprit ? h('code', { text: hyp.culprit }) : null, confidenceBar(hyp.confidence)),
          h('p', { text: hyp.explanation }),
          h('ul.evidence-refs', {}, hyp.evidence_ids.map((eid) => evidenceLine(evidence.get(eid), eid))),
        ),
      ),
    ),
    diagnosis.ruled_out.length
      ? h('details', {}, h('summary', { text: `Ruled out (${diagnosis.ruled_out.length})` }), h('ul', {}, diagnosis.ruled_out.map((r) => h('li', {}, h('strong', { text: r.category.toLowerCase().replace(/_/g, ' ') + ': ' }), r.reason, ' ', r.evidence_ids.map((eid) => h('a.ref', { href: '#evidence-' + eid, text: eid, onclick: jump(eid) }))))))
      : null,
  );
}

function confidenceBar(confidence) {
  const bar = h('span.confidence', { title: `confidence ${fmt(confidence, 2)}` }, h('span.fill'), h('span.value', { text: fmt(confidence, 2) }));
  bar.firstChild.style.width = `${Math.round(confidence * 100)}%`;
  return bar;
}

function jump(eid) {
  return (event) => {
    event.preventDefault();
    const target = document.getElementById('evidence-' + eid);
    if (target) {
      target.open = true;
      target.scrollIntoView();
    }
  };
}

function evidenceLine(item, eid) {
  if (!item) return h('li', { text: eid });
  return h('li', {}, h('a.ref', { href: '#evidence-' + eid, text: eid, onclick: jump(eid) }), ` ${item.kind.toLowerCase().replace(/_/g, ' ')}: ${item.finding} `, links(item.query));
}

/** The chart on the model page that shows what the query asked, and the REST query itself. */
function links(query) {
  const args = query.arguments || {};
  const model = args.model;
  const out = [];
  const chart = { get_model_accuracy: 'accuracy', compare_model_versions: 'accuracy', detect_data_drift: 'drift', get_feature_distribution: 'distribution', get_latency_metrics: 'latency' }[query.tool];
  if (model && chart) {
    const q = new URLSearchParams({ focus: chart });
    if (args.time_window) q.set('window', args.time_window);
    if (args.feature) q.set('feature', args.feature);
    out.push(h('a.chart-link', { href: '#/models/' + encodeURIComponent(model) + '?' + q.toString(), text: 'chart' }));
  }
  const rest = restQuery(query.tool, args);
  if (rest) out.push(' ', h('a.query-link', { href: rest, target: '_blank', rel: 'noopener', text: 'query' }));
  if (query.tool === 'resources/read' && model === undefined && args.uri && args.uri.startsWith('vigil://models/')) {
    out.push(h('a.chart-link', { href: '#/models/' + encodeURIComponent(args.uri.slice('vigil://models/'.length)), text: 'model' }));
  }
  return h('span.links', {}, out);
}

function restQuery(tool, args) {
  if (!args.model) return null;
  const base = '/api/v1/models/' + encodeURIComponent(args.model);
  const q = new URLSearchParams();
  const put = (name, value) => value !== undefined && q.set(name, value);
  put('window', args.time_window);
  switch (tool) {
    case 'get_model_accuracy':
      put('version', args.version);
      return `${base}/accuracy?${q}`;
    case 'detect_data_drift':
      put('version', args.version);
      put('features', args.features);
      return `${base}/drift?${q}`;
    case 'compare_model_versions':
      put('a', args.version_a);
      put('b', args.version_b);
      return `${base}/compare?${q}`;
    case 'get_feature_distribution':
      put('version', args.version);
      return `${base}/features/${encodeURIComponent(args.feature)}/distribution?${q}`;
    case 'analyze_segments':
      put('reference', args.reference_window);
      put('metric', args.metric);
      return `${base}/segments?${q}`;
    case 'get_latency_metrics':
      put('version', args.version);
      return `${base}/latency?${q}`;
    case 'query_inference_logs':
      put('limit', args.limit);
      put('correctness', args.correctness);
      put('where', args.where);
      return `${base}/logs?${q}`;
    default:
      return null;
  }
}

function progressSection(report) {
  if (!report.executions.length && !report.verifications.length) return null;
  return section(
    'Execution and verification',
    h('ul', { id: 'executions' }, report.executions.map((x) => h('li', {}, badge(x.status), ` ${x.executor} at ${time(x.started_at)}: ${x.detail}`))),
    h('ul', { id: 'verifications' }, report.verifications.map((v) => h('li', {}, badge(v.outcome), ` at ${time(v.checked_at)}: ` + (v.sample_size ? `observed ${fmt(v.observed)} against ${fmt(v.target)} on ${v.sample_size}${v.estimated ? ' (estimated)' : ''}: ` : '') + v.detail))),
  );
}

function timelineSection(report) {
  return section(
    'Timeline',
    h('ol.timeline', { id: 'timeline' }, report.timeline.map((t) => h('li', {}, h('time', { text: time(t.at) }), ' ', h('strong', { text: t.type.toLowerCase().replace(/_/g, ' ') }), ` (${t.actor}) ${t.detail}`))),
  );
}

function evidenceSection(report) {
  return section(
    `Evidence (${report.evidence.length})`,
    report.evidence.map((e) =>
      h(
        'details.evidence',
        { id: 'evidence-' + e.id },
        h('summary', {}, h('strong', { text: e.id }), ` ${e.kind.toLowerCase().replace(/_/g, ' ')}${e.subject ? ' · ' + e.subject : ''}: ${e.finding}`),
        h('p', {}, 'tool call: ', h('code', { text: `${e.query.tool} ${JSON.stringify(e.query.arguments)}` }), ' ', links(e.query)),
        h('table.figures', {}, h('tbody', {}, Object.entries(e.figures).map(([k, v]) => h('tr', {}, h('td', { text: k }), h('td', { text: fmt(v) }))))),
      ),
    ),
  );
}
