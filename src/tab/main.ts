import type { MapSummary } from '../domain/tab/lagesbild-map';
import { format, localeFrom, messages, type Catalogue, type Locale } from '../i18n/messages';
import { Charts } from './charts';
import { conversationChooser } from './conversation-chooser';
import { FILTER_KEYS, FilterForm } from './filter-form';
import { IncidentTable } from './incident-table';
import { MapView } from './map-view';
import { session, TabApi, type ApiAnswer, type Session } from './tab-api';
import { connectHost, offerTabConfiguration, type Host } from './teams-host';

// The lägesbild tab in the browser: reads where it runs (Teams or local preview), then the filters from
// the URL, and draws the map, the charts and the table from the tab API.

const THEMES = ['default', 'dark', 'contrast'] as const;

function applyTheme(theme: string | null): void {
  document.body.dataset.theme = THEMES.find((t) => t === theme) ?? 'default';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const host = await connectHost();
  const locale: Locale = localeFrom(host.locale ?? params.get('locale'));
  const m = messages(locale);
  document.documentElement.lang = locale;
  document.title = m.tab.title;
  applyTheme(host.theme ?? params.get('theme'));
  const app = document.getElementById('app')!;

  if (document.body.dataset.mode === 'config') {
    app.replaceChildren(element('h1', { textContent: m.tab.config.title }), element('p', { textContent: m.tab.config.text }));
    app.setAttribute('aria-busy', 'false');
    if (host.inTeams) offerTabConfiguration(location.origin, m.tab.title);
    return;
  }
  const status = element('p', { id: 'status', className: 'status', textContent: m.tab.loading });
  status.setAttribute('role', 'status');
  app.replaceChildren(element('h1', { textContent: m.tab.title }), status);
  const s = await session();
  if (!s.preview && !host.inTeams) return fail(app, status, m.tab.error.signIn);
  // A channel or chat tab is its conversation; a personal tab (and the preview) offers a choice, kept in the URL.
  const ref = params.get('ref') ?? host.subPageId;
  let choices: Session['conversations'] = [];
  let reportConversation: string | null = null;
  if (host.conversationId === null) {
    const offered = s.preview ? { ok: true as const, value: { conversations: s.conversations, reportConversation: null } } : await new TabApi(() => host.token()).conversations(ref);
    if (!offered.ok) return fail(app, status, offered.status === 401 ? m.tab.error.signIn : m.tab.error.failed);
    choices = offered.value.conversations;
    reportConversation = offered.value.reportConversation;
  }
  // A report link opens the conversation holding the report; otherwise the one the URL names, or the first.
  const conversation = host.conversationId ?? params.get('conversation') ?? reportConversation ?? choices[0]?.id ?? null;
  if (conversation === null) return fail(app, status, m.tab.error.noConversation);
  if (choices.length > 1) app.append(conversationChooser(m, choices, conversation));
  new TabView(app, status, host, s, m, locale, conversation, ref).start(params);
}

function fail(app: HTMLElement, status: HTMLElement, message: string): void {
  status.textContent = message;
  status.setAttribute('role', 'alert');
  app.setAttribute('aria-busy', 'false');
}

class TabView {
  private readonly api: TabApi;
  private readonly map: MapView;
  private readonly charts: Charts;
  private readonly table: IncidentTable;
  private readonly filters: FilterForm;
  private readonly csv: HTMLAnchorElement;
  private readonly highlightNote = element('p', { className: 'note' });
  private lastSummary: MapSummary | null = null;

  constructor(
    private readonly app: HTMLElement, private readonly status: HTMLElement, private readonly host: Host, s: Session,
    private readonly m: Catalogue, private readonly locale: Locale, private readonly conversation: string, private readonly highlighted: string | null,
  ) {
    this.api = new TabApi(() => host.token());
    const t = m.tab;
    this.filters = new FilterForm(m, new URLSearchParams(location.search), (values) => void this.load(values));
    const mapBox = element('div', { id: 'map', className: 'map' });
    mapBox.setAttribute('role', 'region');
    mapBox.setAttribute('aria-label', t.map.region);
    const trend = element('canvas', { id: 'trend-chart' });
    const comparison = element('canvas', { id: 'comparison-chart' });
    trend.setAttribute('role', 'img');
    comparison.setAttribute('role', 'img');
    this.csv = element('a', { id: 'csv-link', className: 'button-link', textContent: t.table.csv });
    this.csv.addEventListener('click', (event) => {
      if (!this.host.inTeams) return; // local preview: the link itself downloads
      event.preventDefault();
      void this.api.downloadCsv(new URLSearchParams(new URL(this.csv.href).search));
    });
    const preview = s.preview ? [element('p', { className: 'note preview', textContent: t.preview })] : [];
    const notes = element('div', { className: 'notes' });
    if (!s.tiles.url) notes.append(element('p', { className: 'note', textContent: t.map.noTiles }));
    app.append(
      ...preview, this.filters.element, this.highlightNote,
      element('section', { className: 'map-section' }, element('h2', { textContent: t.map.title }), mapBox, notes),
      element('section', { className: 'charts' },
        element('figure', {}, element('figcaption', { textContent: t.chart.perWeek }), element('div', { className: 'chart-box' }, trend)),
        element('figure', {}, element('figcaption', { textContent: t.chart.comparison }), element('div', { className: 'chart-box tall' }, comparison))),
      element('section', { className: 'table-section' }, element('h2', { textContent: t.table.title }), this.csv),
    );
    this.table = new IncidentTable(m, locale);
    app.querySelector('.table-section')!.append(this.table.element);
    this.map = new MapView(mapBox, s.tiles, m, locale);
    this.charts = new Charts(trend, comparison, m, locale);
    this.notes = notes;
    host.onThemeChange((theme) => {
      applyTheme(theme);
      if (this.lastSummary) this.charts.show(this.lastSummary);
    });
    window.addEventListener('resize', () => this.map.resize());
  }

  private readonly notes: HTMLElement;

  start(params: URLSearchParams): void {
    const values = new URLSearchParams();
    for (const key of FILTER_KEYS) if (params.get(key)) values.set(key, params.get(key)!);
    void this.load(values);
  }

  /** Shows the view the filters ask for, and keeps them in the URL so that the view can be shared. */
  private async load(values: URLSearchParams): Promise<void> {
    const url = new URL(location.href);
    for (const key of FILTER_KEYS) url.searchParams.delete(key);
    for (const [key, value] of values) url.searchParams.set(key, value);
    history.replaceState(null, '', url);
    const query = new URLSearchParams(values);
    query.set('conversation', this.conversation);
    query.set('locale', this.locale);
    this.app.setAttribute('aria-busy', 'true');
    this.status.setAttribute('role', 'status');
    this.status.textContent = this.m.tab.loading;
    const [incidents, summary] = await Promise.all([this.api.incidents(query), this.api.summary(query)]);
    if (!incidents.ok || !summary.ok) return this.refused(!incidents.ok ? incidents : summary as ApiAnswer<never> & { ok: false });
    const rows = incidents.value.incidents;
    this.lastSummary = summary.value;
    this.filters.offer(summary.value.options);
    this.map.show(rows, summary.value.hotSpots, summary.value.schools, summary.value.areas, this.highlighted);
    this.charts.show(summary.value);
    this.table.show(rows, this.highlighted);
    this.csv.href = `/api/tab/incidents.csv?${query.toString()}`;
    const unplaced = rows.filter((r) => r.lat === null).length;
    this.notes.querySelector('.unplaced')?.remove();
    if (unplaced > 0) this.notes.append(element('p', { className: 'note unplaced', textContent: format(this.m.tab.map.withoutCoordinates, { count: unplaced }, this.locale) }));
    this.highlightNote.textContent = this.highlighted && rows.some((r) => r.ref === this.highlighted) ? format(this.m.tab.table.highlighted, { ref: this.highlighted }, this.locale) : '';
    this.status.textContent = `${incidents.value.period.firstDay} – ${incidents.value.period.lastDay}`;
    this.app.setAttribute('aria-busy', 'false');
  }

  private refused(answer: { status: number; message: string | null }): void {
    const e = this.m.tab.error;
    const message = answer.status === 401 ? e.signIn : answer.status === 403 ? e.forbidden : answer.status === 404 ? e.noConversation
      : answer.status === 400 ? answer.message ?? e.filter : e.failed;
    fail(this.app, this.status, message);
  }
}

void start();
