// Drives Debian's Chromium through Vigil's dashboard on a seeded server and prints one JSON
// document: every check with its outcome, and how long each page took. Exit code 0 when every
// check passed. Run by DashboardBrowserTest; settings come from the environment:
//   VIGIL_URL, VIGIL_READ_TOKEN, VIGIL_APPROVE_TOKEN, VIGIL_MODEL, VIGIL_INCIDENT,
//   VIGIL_SCREENSHOTS (a folder), CHROMIUM (default /usr/bin/chromium)

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const base = env('VIGIL_URL');
const readToken = env('VIGIL_READ_TOKEN');
const approveToken = env('VIGIL_APPROVE_TOKEN');
const model = env('VIGIL_MODEL');
const incident = env('VIGIL_INCIDENT');
const shots = env('VIGIL_SCREENSHOTS');
const WAIT_MS = 15000;
// Polling the incident after the approval: the page polls every 2 s, so this allows many rounds.
const PROGRESS_MS = 30000;

const checks = [];
const loads = {};
const requestUrls = [];
const pageErrors = [];

function check(name, ok, detail = '') {
  checks.push({ name, ok: !!ok, detail: String(detail) });
}

async function step(name, body) {
  try {
    await body();
  } catch (error) {
    check(name, false, error && error.message ? error.message.split('\n')[0] : error);
  }
}

/** Goes to a dashboard route and waits for `ready`; records the time from navigation to ready. */
async function open(page, route, ready, label) {
  const started = Date.now();
  await page.goto(base + '/dashboard/' + route);
  await page.waitForSelector(ready, { timeout: WAIT_MS });
  loads[label] = Date.now() - started;
}

/** The number of points a chart says it drew (0 when there is no such chart). */
async function points(page, chart) {
  const selector = `svg[data-chart="${chart}"]`;
  await page.waitForSelector(selector, { timeout: WAIT_MS });
  return Number(await page.getAttribute(selector, 'data-points'));
}

async function signIn(page, token, role) {
  if (await page.locator('#sign-out').count()) await page.click('#sign-out');
  await page.fill('#token', token);
  await page.click('#sign-in');
  await page.waitForSelector('#signed-in', { timeout: WAIT_MS });
  const who = await page.textContent('#signed-in');
  check(`signed in as ${role}`, who.includes(`(${role})`), who);
}

const profile = mkdtempSync(join(tmpdir(), 'vigil-chromium-'));
mkdirSync(shots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on('request', (request) => requestUrls.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Before signing in, the API's 401s (and the browser's console lines about them) are expected.
  let signedOut = true;
  page.on('response', (response) => {
    if (response.status() >= 400 && !(signedOut && response.status() === 401)) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !(signedOut && message.text().includes('401'))) pageErrors.push(message.text());
  });

  await step('signed out', async () => {
    await open(page, '', '#needs-sign-in', 'signed out');
    const text = await page.textContent('#needs-sign-in');
    check('signed out, the overview asks for a token and shows no data', text.includes('Sign in with an API token') && (await page.locator('#models').count()) === 0, text);
  });

  await step('sign in as reader', () => signIn(page, readToken, 'read'));
  signedOut = false;

  await step('overview', async () => {
    await open(page, '', `#models tr[data-model="${model}"]`, 'overview');
    const spark = await points(page, `spark-${model}`);
    check('overview lists the model with an accuracy sparkline', spark > 0, `${spark} points`);
    const health = await page.textContent(`#models tr[data-model="${model}"]`);
    check('overview shows the active version and health', /v\d/.test(health) && /healthy|degraded|critical|unknown|warning/i.test(health), health.slice(0, 200));
    await page.screenshot({ path: join(shots, 'overview.png'), fullPage: true });
  });

  await step('model page', async () => {
    await open(page, `#/models/${encodeURIComponent(model)}`, 'svg[data-chart="distribution"]', 'model');
    for (const chart of ['accuracy', 'drift-heatmap', 'latency', 'errors', 'distribution']) {
      const drawn = await points(page, chart);
      check(`model page draws ${chart} with data`, drawn > 0, `${drawn} points`);
    }
    const deployments = await page.locator('svg[data-chart="accuracy"] .marker').count();
    check('accuracy chart marks the deployments', deployments > 0, `${deployments} markers`);
    const dynamics = await page.locator('#dynamics tbody tr').count();
    check('dynamics of the top features are listed', dynamics > 0, `${dynamics} features`);
    await page.screenshot({ path: join(shots, 'model.png'), fullPage: true });
  });

  await step('incident as reader', async () => {
    await open(page, `#/incidents/${encodeURIComponent(incident)}`, '#proposal', 'incident');
    check('a reader sees no approve button', (await page.locator('#approve').count()) === 0);
    check('a reader is told an approver must decide', (await page.locator('#approver-needed').count()) === 1);
  });

  await step('simulations', async () => {
    await open(page, '#/simulations', '#simulations tbody tr a', 'simulations');
    await page.click('#simulations tbody tr a');
    await page.waitForSelector('#scorecard', { timeout: WAIT_MS });
    const drawn = await points(page, 'simulation-accuracy');
    check('a simulation run shows its scorecard and accuracy per window', drawn > 0, `${drawn} points`);
    await page.screenshot({ path: join(shots, 'simulation.png'), fullPage: true });
  });

  await step('sign in as approver', () => signIn(page, approveToken, 'approve'));

  await step('approve', async () => {
    await open(page, `#/incidents/${encodeURIComponent(incident)}`, '#approve', 'incident (approver)');
    const state = (await page.textContent('#incident-state')).trim();
    check('the incident awaits approval', state === 'awaiting approval', state);
    const hypotheses = await page.locator('#hypotheses > li').count();
    check('the ranked hypotheses are shown', hypotheses > 0, `${hypotheses} hypotheses`);
    const chartLinks = await page.locator('#hypotheses a.chart-link').count();
    check('evidence links to the chart behind it', chartLinks > 0, `${chartLinks} links`);
    await page.screenshot({ path: join(shots, 'incident.png'), fullPage: true });
    await page.fill('#decision-comment', 'rollback approved from the browser test');
    await page.click('#approve');
    await page.waitForSelector('#notice', { timeout: WAIT_MS });
    await page.waitForFunction(
      () => ['remediating', 'verifying', 'resolved'].includes(document.querySelector('#incident-state')?.textContent.trim()),
      null,
      { timeout: PROGRESS_MS },
    );
    const after = (await page.textContent('#incident-state')).trim();
    check('after approval the incident moves on to execution and verification', ['remediating', 'verifying', 'resolved'].includes(after), after);
    const executions = await page.locator('#executions li').count();
    check('the execution is shown', executions > 0, `${executions} executions`);
    await page.screenshot({ path: join(shots, 'incident-approved.png'), fullPage: true });
  });

  await step('chart link from evidence', async () => {
    await page.locator('#hypotheses a.chart-link').first().click();
    await page.waitForSelector('svg[data-chart="accuracy"], svg[data-chart="drift-heatmap"]', { timeout: WAIT_MS });
    check('an evidence link opens the model page', page.url().includes('#/models/'), page.url());
  });

  const leaked = requestUrls.filter((url) => url.includes(readToken) || url.includes(approveToken));
  check('no token ever appears in a URL', leaked.length === 0, leaked.join(' '));
  check('the pages raised no script errors', pageErrors.length === 0, pageErrors.join(' | '));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const ok = checks.length > 0 && checks.every((c) => c.ok);
console.log(JSON.stringify({ ok, checks, loads_ms: loads }, null, 2));
process.exit(ok ? 0 : 1);
