import type { LagesbildView } from '../cards/lagesbild-view';
import type { ExportTable } from './export-tables';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The printable pages' look: the lägesbild report and the årsrapport. */
export const REPORT_STYLE = `body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:0}.sub{color:#666;margin-top:.2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}
.bar{display:inline-block;background:#4a6fa5;height:.8rem}@media print{.noprint{display:none}}`;

/** The export's tables after the lägesbild: a heading and a table each, or the `none` line. */
function tablesHtml(tables: readonly ExportTable[], none: string): string {
  const e = escapeHtml;
  const cell = (v: string | number | null) => (typeof v === 'number' ? `<td class="n">${v}</td>` : `<td>${e(v ?? '')}</td>`);
  return tables.map((t) => `<h2>${e(t.title)}</h2>${t.rows.length === 0 ? `<p class="sub">${e(none)}</p>`
    : `<table><tr>${t.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr>${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`}`).join('\n');
}

/**
 * The printable lägesbild: the same view as the card, then the export's tables (activities, hot spots,
 * measures, effect); every text escaped, no scripts.
 */
export function lagesbildHtml(view: LagesbildView, lang: 'sv' | 'en', printLabel: string, tables: readonly ExportTable[] = [], none = ''): string {
  const e = escapeHtml;
  const max = Math.max(1, ...view.chart.bars.map((b) => b.y));
  const chart = view.chart.bars.map((b) =>
    `<tr><td>${e(b.x)}</td><td class="n">${b.y}</td><td><span class="bar" style="width:${Math.round((b.y / max) * 20)}rem"></span></td></tr>`).join('');
  const summary = view.summary.visible ? `<h2>${e(view.summary.title)}</h2>${view.summary.groups.map((g) => [
    `<h3>${e(g.title)}</h3><ul>${g.lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`,
    g.more ? `<p class="sub">${e(g.more)}</p>` : '',
  ].join('')).join('')}` : '';
  const sections = view.sections.map((s) => [
    `<h2>${e(s.title)}</h2>`,
    s.summary ? `<p>${e(s.summary)}</p>` : '',
    s.rows.length ? `<table>${s.rows.map((r) => `<tr><td>${e(r.label)}</td><td>${e(r.value)}</td></tr>`).join('')}</table>` : '',
    s.more ? `<p class="sub">${e(s.more)}</p>` : '',
  ].join('')).join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${e(view.title)} – ${e(view.periodLabel)}</title><style>${REPORT_STYLE}</style></head>
<body><h1>${e(view.title)}</h1><p class="sub">${e(view.periodLabel)}</p>
${view.empty ? `<p>${e(view.empty)}</p>` : ''}<p><strong>${e(view.headline)}</strong><br>${e(view.headlineChange)}</p>
${summary}
<h2>${e(view.chart.title)}</h2><table>${chart}</table>${view.chart.note ? `<p class="sub">${e(view.chart.note)}</p>` : ''}
${sections}
${tablesHtml(tables, none)}
<p class="sub">${e(view.generated)}</p><p class="noprint">${e(printLabel)}: Ctrl+P</p></body></html>
`;
}
