import { Chart, registerables } from 'chart.js';
import type { MapSummary } from '../domain/tab/lagesbild-map';
import type { IncidentCategory } from '../domain/vocabulary';
import { format, type Catalogue, type Locale } from '../i18n/messages';
import { CATEGORY_COLOURS, categoryIndex } from './tab-format';

Chart.register(...registerables);

/** The colours of the page's theme (tab.css), so that the charts follow default, dark and contrast. */
function themeColours(): { text: string; grid: string } {
  const style = getComputedStyle(document.body);
  return { text: style.getPropertyValue('--text').trim() || '#242424', grid: style.getPropertyValue('--border').trim() || '#d1d1d1' };
}

/**
 * The tab's two charts: incidents per week (or month) by category, over the filtered incidents; and
 * the lägesbild's comparison per category (this period, the one before, the mean of four), the
 * digest's own numbers. Each canvas has a text alternative beside it.
 */
export class Charts {
  private trend: Chart | null = null;
  private comparison: Chart | null = null;

  constructor(private readonly trendCanvas: HTMLCanvasElement, private readonly comparisonCanvas: HTMLCanvasElement, private readonly m: Catalogue, private readonly locale: Locale) {}

  show(summary: Pick<MapSummary, 'chart' | 'comparison'>): void {
    this.trend?.destroy();
    this.comparison?.destroy();
    const { text, grid } = themeColours();
    const m = this.m;
    const categories = [...new Set(summary.chart.flatMap((b) => Object.keys(b.byCategory)))] as IncidentCategory[];
    const labels = summary.chart.map((b) => {
      const label = b.unit === 'week' ? format(m.tab.chart.week, { week: b.weekNumber }, this.locale) : b.firstDay.slice(0, 7);
      return b.partial ? format(m.tab.chart.partial, { label }, this.locale) : label;
    });
    const scales = {
      x: { stacked: true, ticks: { color: text }, grid: { color: grid } },
      y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
    };
    this.trend = new Chart(this.trendCanvas, {
      type: 'bar',
      data: {
        labels,
        datasets: categories.map((c) => ({
          label: m.category[c], data: summary.chart.map((b) => b.byCategory[c] ?? 0), backgroundColor: CATEGORY_COLOURS[categoryIndex(c)] ?? '#888',
        })),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales, plugins: { legend: { labels: { color: text } } } },
    });
    const total = summary.chart.reduce((n, b) => n + Object.values(b.byCategory).reduce((a, x) => a + x, 0), 0);
    this.trendCanvas.dataset.total = String(total);
    const title = summary.chart[0]?.unit === 'month' ? m.tab.chart.perMonth : m.tab.chart.perWeek;
    this.trendCanvas.setAttribute('aria-label', `${title}: ${total}`);
    const caption = this.trendCanvas.closest('figure')?.querySelector('figcaption');
    if (caption) caption.textContent = title;

    const compared = summary.comparison.byCategory;
    const round = (x: number) => Math.round(x * 10) / 10;
    this.comparison = new Chart(this.comparisonCanvas, {
      type: 'bar',
      data: {
        labels: compared.map((c) => m.category[c.key as IncidentCategory] ?? c.key),
        datasets: [
          { label: m.tab.chart.current, data: compared.map((c) => c.count), backgroundColor: '#5b5fc7' },
          { label: m.tab.chart.previous, data: compared.map((c) => c.previous), backgroundColor: '#a5a7e0' },
          { label: m.tab.chart.average, data: compared.map((c) => round(c.average)), backgroundColor: '#8a8886' },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y',
        scales: { x: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } }, y: { ticks: { color: text }, grid: { color: grid } } },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    const t = summary.comparison.total;
    this.comparisonCanvas.setAttribute('aria-label', format(m.tab.chart.total, { count: t.count, previous: t.previous, average: round(t.average) }, this.locale));
  }
}
