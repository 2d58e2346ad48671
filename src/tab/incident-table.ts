import type { Catalogue, Locale } from '../i18n/messages';
import { format } from '../i18n/messages';
import type { TabIncident } from './tab-api';
import { formatTime } from './tab-format';

/** The table of the filtered incidents: the same rows as the CSV, in a scrollable region at phone width. */
export class IncidentTable {
  readonly element: HTMLElement;
  private readonly table = document.createElement('table');

  constructor(private readonly m: Catalogue, private readonly locale: Locale) {
    this.element = document.createElement('div');
    this.element.className = 'table-scroll';
    // A region that scrolls sideways must be reachable with the keyboard.
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'region');
    this.element.setAttribute('aria-label', m.tab.table.title);
    this.element.append(this.table);
  }

  show(rows: TabIncident[], highlighted: string | null): void {
    const c = this.m.lagesbild.export.columns;
    const caption = this.table.createCaption();
    caption.textContent = rows.length === 0 ? this.m.tab.table.empty : format(this.m.tab.table.caption, { count: rows.length }, this.locale);
    const head = document.createElement('thead');
    head.append(row('th', [c.ref, c.time, c.place, c.category, c.severity, c.organisation, c.school, c.status]));
    const body = document.createElement('tbody');
    for (const r of rows) {
      const tr = row('td', [r.ref, formatTime(r.occurredAt, this.locale), r.placeName, this.m.category[r.category], this.m.severity[r.severity],
        this.m.organisation[r.organisation], r.school ?? '', this.m.status[r.status]]);
      tr.dataset.ref = r.ref;
      if (r.ref === highlighted) tr.classList.add('highlighted');
      body.append(tr);
    }
    this.table.replaceChildren(caption, head, body);
    this.table.querySelector('tr.highlighted')?.scrollIntoView({ block: 'nearest' });
  }
}

function row(cell: 'th' | 'td', values: string[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const value of values) {
    const el = document.createElement(cell);
    if (cell === 'th') el.scope = 'col';
    el.textContent = value;
    tr.append(el);
  }
  return tr;
}
