import type { ChangeRecord } from '../../core/store/store-types.js';
import type { collectDigest } from './collect-digest.js';
import type { FailureGroup } from './collect-failures.js';
import type { collectNow } from './collect-now.js';
import type { collectSubscriptions } from './collect-subscriptions.js';
import type { explainSlot } from './explain-slot.js';
import { html, type SafeHtml } from './html.js';
import { postsChartSvg } from './posts-chart-svg.js';

export interface OpsPageData {
  now: Awaited<ReturnType<typeof collectNow>>;
  digest: ReturnType<typeof collectDigest>;
  failures: FailureGroup[];
  subscriptions: Awaited<ReturnType<typeof collectSubscriptions>>;
  explain: Awaited<ReturnType<typeof explainSlot>> | null;
  changes: ChangeRecord[];
  /** The query string of the subscriptions filter, for the CSV link and the next page. */
  subscriptionsQuery: URLSearchParams;
}

/** The operator page: server-rendered, no script, every value escaped by `html`. */
export function renderOpsPage(data: OpsPageData): string {
  return `<!doctype html>\n${
    html`<html lang="en"><head><meta charset="utf-8"><title>readout operations</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/ops/ops.css"><link rel="icon" href="/ops/favicon.svg"></head>
<body><h1>readout operations</h1>
<nav><a href="#now">Now</a><a href="#digest">Today's digest</a><a href="#failures">Failures</a><a href="#subscriptions">Subscriptions</a><a href="#explain">Explain a slot</a><a href="#changes">Change log</a></nav>
${nowSection(data.now)}${digestSection(data.digest)}${failuresSection(data.failures)}${subscriptionsSection(data.subscriptions, data.subscriptionsQuery)}${explainSection(data.explain)}${changesSection(data.changes)}
</body></html>`.value
  }\n`;
}

function selectOption(value: string, selected: string | null, label: string): SafeHtml {
  return value === (selected ?? '')
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

function okText(ok: boolean | null): SafeHtml {
  if (ok === null) return html`<span class="muted">–</span>`;
  return ok ? html`<span class="ok">passed</span>` : html`<span class="bad">failed</span>`;
}

function followsLine(follows: OpsPageData['now']['follows']): SafeHtml {
  const waiting = follows.announcementsOpen
    ? html`; new readouts waiting to be announced: ${follows.announcementsOpen} (oldest added ${follows.oldestOpenDueAt ?? ''})`
    : html`; no new readout waiting to be announced`;
  return html`${follows.active} active, ${follows.paused} paused by readout${waiting}${follows.pausedChannels.map(
    (f) =>
      html`<div class="bad">paused: ${f.platform} ${f.workspace} ${f.channel}${f.reason ? html` (${f.reason})` : ''}; /readout follow in that channel resumes it</div>`,
  )}`;
}

function nowSection(now: OpsPageData['now']): SafeHtml {
  return html`<section id="now"><h2>Now</h2>
<table><tbody>
<tr><th>Version</th><td>${now.version}</td></tr>
<tr><th>Uptime</th><td>${formatDuration(now.uptimeSeconds)}</td></tr>
<tr><th>Store</th><td>${now.store}</td></tr>
<tr><th>Replicas (last hour)</th><td>${now.replicas === null ? html`<span class="muted">not recorded by this store</span>` : now.replicas.map((r) => html`<div>${r.host} pid ${r.pid}, seen ${r.lastSeenAt}</div>`)}</td></tr>
<tr><th>Ready</th><td>${now.ready ? html`<span class="ok">ready</span>` : html`<span class="bad">not ready</span>`}</td></tr>
${now.checks.map((c) => html`<tr><th>· ${c.name}</th><td>${c.ok ? html`<span class="ok">ok</span>` : html`<span class="bad">not ok</span>`} ${c.detail ?? ''}</td></tr>`)}
<tr><th>Corpus</th><td>${now.corpus.documents} documents${now.corpus.lastReload ? html`; last reload: ${now.corpus.lastReload}` : ''}</td></tr>
<tr><th>Follows</th><td>${followsLine(now.follows)}</td></tr>
</tbody></table>
${
  now.corpus.skipped.length
    ? html`<table class="skipped"><thead><tr><th>File skipped</th><th>Why</th></tr></thead><tbody>${now.corpus.skipped.map(
        (s) => html`<tr><td>${s.file}</td><td>${s.reason}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">No files skipped.</p>`
}</section>`;
}

function digestSection(digest: OpsPageData['digest']): SafeHtml {
  const l = digest.lateness;
  return html`<section id="digest"><h2>Today's digest</h2>
<table><thead><tr><th>Local date</th><th>Due</th><th>Posted</th><th>Late (&gt; ${Math.round(l.lateAfterSeconds / 60)} min)</th><th>Failed</th><th>Skipped</th><th>Paused</th><th>Open</th></tr></thead><tbody>
${digest.dates.map((d) => html`<tr><td>${d.localDate}</td><td>${d.due}</td><td>${d.posted}</td><td>${d.late}</td><td>${d.failed}</td><td>${d.skipped}</td><td>${d.paused}</td><td>${d.open}</td></tr>`)}
${digest.dates.length === 0 ? html`<tr><td colspan="8" class="muted">No slots in the ledger around today.</td></tr>` : ''}
</tbody></table>
<p>Lateness (posted minus due) over ${l.posts} posts: p50 ${formatSeconds(l.p50Seconds)}, p95 ${formatSeconds(l.p95Seconds)}, max ${formatSeconds(l.maxSeconds)}.</p>
<h3>Posts per minute, last 24 hours</h3>
${postsChartSvg(digest.postsPerMinute)}</section>`;
}

function failuresSection(failures: FailureGroup[]): SafeHtml {
  return html`<section id="failures"><h2>Failures by reason</h2>
${
  failures.length === 0
    ? html`<p class="muted">No failures in the ledger around today.</p>`
    : html`<table class="failures"><thead><tr><th>Platform</th><th>Reason</th><th>What to do</th><th>Channels</th><th>Since</th></tr></thead><tbody>
${failures.map(
  (f) =>
    html`<tr class="failure"><td>${f.platform}</td><td><code>${f.code}</code></td><td class="fix">${f.code}: ${f.fix}</td><td>${f.count}: ${f.channels.map(
      (c, i) => html`${i > 0 ? ', ' : ''}${c.workspace}/${c.channel}`,
    )}</td><td>${f.since}</td></tr>`,
)}</tbody></table>`
}</section>`;
}

function subscriptionsSection(subs: OpsPageData['subscriptions'], query: URLSearchParams): SafeHtml {
  const csv = new URLSearchParams(query);
  csv.delete('after');
  const next = new URLSearchParams(query);
  if (subs.next) next.set('after', subs.next);
  const option = (value: string, selected: string | null, label: string) =>
    value === (selected ?? '')
      ? html`<option value="${value}" selected>${label}</option>`
      : html`<option value="${value}">${label}</option>`;
  return html`<section id="subscriptions"><h2>Subscriptions</h2>
<form method="get" action="/ops#subscriptions">
<label>Platform<select name="platform">${option('', subs.filter.platform, 'any')}${option('slack', subs.filter.platform, 'slack')}${option('discord', subs.filter.platform, 'discord')}${option('console', subs.filter.platform, 'console')}</select></label>
<label>State<select name="state">${option('', subs.filter.state, 'any')}${option('active', subs.filter.state, 'active')}${option('paused', subs.filter.state, 'paused')}</select></label>
<button type="submit">Filter</button>
<a class="csv" href="/ops/subscriptions.csv?${csv.toString()}" download="subscriptions.csv">Download CSV</a>
</form>
<table class="subscriptions"><thead><tr><th>Platform</th><th>Workspace</th><th>Channel</th><th>Time</th><th>State</th><th>Last posted</th><th>Next due</th></tr></thead><tbody>
${subs.rows.map(
  (r) =>
    html`<tr><td>${r.platform}</td><td>${r.workspace}</td><td>${r.channel}</td><td>${r.time} ${r.timezone}</td><td>${r.state}${r.pausedReason ? html` <span class="muted">(${r.pausedReason})</span>` : ''}</td><td>${r.lastPosted ?? '–'}</td><td>${r.nextDue ?? '–'}</td></tr>`,
)}
${subs.rows.length === 0 ? html`<tr><td colspan="7" class="muted">No subscriptions match.</td></tr>` : ''}
</tbody></table>
${subs.next ? html`<p><a href="/ops?${next.toString()}#subscriptions">Next ${subs.rows.length} →</a></p>` : ''}</section>`;
}

function explainSection(explain: OpsPageData['explain']): SafeHtml {
  return html`<section id="explain"><h2>Explain a slot</h2>
<form method="get" action="/ops#explain">
<label>Platform<select name="platform">${['slack', 'discord', 'console'].map((p) => selectOption(p, explain?.platform ?? null, p))}</select></label>
<label>Workspace<input name="workspace" value="${explain?.workspace ?? ''}" required></label>
<label>Channel<input name="channel" value="${explain?.channel ?? ''}" required></label>
<label>Local date<input name="date" value="${explain?.date ?? ''}" placeholder="YYYY-MM-DD" pattern="\\d{4}-\\d{2}-\\d{2}" required></label>
<button type="submit">Explain</button></form>
${
  explain
    ? html`<p><code>${explain.key}</code>${explain.state ? html` — ${explain.state}` : ''}</p><table class="stages"><thead><tr><th>Stage</th><th></th><th>Detail</th></tr></thead><tbody>${explain.stages.map(
        (s) => html`<tr><td>${s.stage}</td><td>${okText(s.passed)}</td><td>${s.detail}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="muted">Pick a channel and a local date.</p>`
}</section>`;
}

function changesSection(changes: ChangeRecord[]): SafeHtml {
  return html`<section id="changes"><h2>Change log</h2>
<table class="changes"><thead><tr><th>When</th><th>Channel</th><th>What</th><th>Who</th><th>Through</th></tr></thead><tbody>
${changes.map(
  (c) =>
    html`<tr><td>${c.at}</td><td>${c.platform}/${c.workspace}/${c.channel}</td><td>${c.action}${c.detail ? html` <span class="muted">${c.detail}</span>` : ''}</td><td>${c.actor}</td><td>${c.surface}</td></tr>`,
)}
${changes.length === 0 ? html`<tr><td colspan="5" class="muted">No changes recorded.</td></tr>` : ''}
</tbody></table></section>`;
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '–';
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${seconds % 60} s`;
}
