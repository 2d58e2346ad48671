import type { AnnualCell, AnnualReportView } from '../cards/annual-report-view';
import { escapeHtml, REPORT_STYLE } from './html-report';

/** The printable årsrapport: every text escaped, no scripts, the lägesbild report's look. */
export function annualReportHtml(view: AnnualReportView, printLabel: string): string {
  const e = escapeHtml;
  const cell = (v: AnnualCell) => (typeof v === 'number' ? `<td class="n">${v}</td>` : `<td>${e(v)}</td>`);
  const sections = view.sections.map((s) => [
    `<h2>${e(s.title)}</h2>`,
    ...s.paragraphs.map((p) => `<p>${e(p)}</p>`),
    ...s.tables.map((t) => `<table><tr>${t.header.map((h) => `<th>${e(h)}</th>`).join('')}</tr>${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table>`),
    `<p class="sub">${e(s.source)}</p>`,
  ].join('')).join('\n');
  return `<!doctype html>
<html lang="${view.lang}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${e(view.title)}</title><style>${REPORT_STYLE}</style></head>
<body><h1>${e(view.title)}</h1><p class="sub">${e(view.subtitle)}</p>
${view.partial ? `<p>${e(view.partial)}</p>` : ''}
${sections}
<p class="sub">${e(view.generated)}</p><p class="noprint">${e(printLabel)}: Ctrl+P</p></body></html>
`;
}
