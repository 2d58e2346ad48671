import type { MapSummary } from '../domain/tab/lagesbild-map';
import { INCIDENT_CATEGORIES, ORGANISATIONS } from '../domain/vocabulary';
import type { Catalogue } from '../i18n/messages';

/** The filters the URL keeps (a view can be shared in the channel) and the API reads. */
export const FILTER_KEYS = ['from', 'to', 'category', 'organisation', 'school', 'area', 'hotspot'] as const;

type Choice = { value: string; label: string };

/** The filter form: native inputs and selects, labelled, usable with the keyboard and at phone width. */
export class FilterForm {
  readonly element: HTMLFormElement;
  private readonly selects = new Map<string, HTMLSelectElement>();

  constructor(private readonly m: Catalogue, initial: URLSearchParams, onChange: (values: URLSearchParams) => void) {
    const f = m.tab.filters;
    const form = document.createElement('form');
    form.className = 'filters';
    form.setAttribute('aria-label', f.legend);
    const field = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement) => {
      const wrap = document.createElement('label');
      wrap.className = 'field';
      const caption = document.createElement('span');
      caption.textContent = label;
      control.name = name;
      control.id = `filter-${name}`;
      wrap.append(caption, control);
      form.append(wrap);
    };
    for (const [name, label] of [['from', f.from], ['to', f.to]] as const) {
      const input = document.createElement('input');
      input.type = 'date';
      input.value = initial.get(name) ?? '';
      field(name, label, input);
    }
    const select = (name: string, label: string, all: string, choices: Choice[]) => {
      const el = document.createElement('select');
      this.selects.set(name, el);
      this.fill(el, all, choices, initial.get(name) ?? '');
      field(name, label, el);
    };
    select('category', f.category, f.allCategories, INCIDENT_CATEGORIES.map((c) => ({ value: c, label: m.category[c] })));
    select('organisation', f.organisation, f.allOrganisations, ORGANISATIONS.map((o) => ({ value: o, label: m.organisation[o] })));
    select('school', f.school, f.allSchools, []);
    select('area', f.area, f.allAreas, []);
    select('hotspot', f.hotspot, f.allHotspots, []);

    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const apply = document.createElement('button');
    apply.type = 'submit';
    apply.textContent = f.apply;
    const reset = document.createElement('button');
    reset.type = 'button';
    reset.className = 'secondary';
    reset.textContent = f.reset;
    buttons.append(apply, reset);
    form.append(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onChange(this.values());
    });
    reset.addEventListener('click', () => {
      for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) el.value = '';
      onChange(this.values());
    });
    this.element = form;
  }

  /** The choices only the data knows (schools, areas, hot spots), keeping what is chosen. */
  offer(options: MapSummary['options']): void {
    const f = this.m.tab.filters;
    const keep = (name: string) => this.selects.get(name)!.value || new URLSearchParams(location.search).get(name) || '';
    this.fill(this.selects.get('school')!, f.allSchools, options.schools, keep('school'));
    this.fill(this.selects.get('area')!, f.allAreas, options.areas.map((a) => ({ value: a.id, label: a.name })), keep('area'));
    this.fill(this.selects.get('hotspot')!, f.allHotspots, options.hotSpots.map((h) => ({ value: h.id, label: h.placeName })), keep('hotspot'));
  }

  values(): URLSearchParams {
    const values = new URLSearchParams();
    for (const el of this.element.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      if (el.value !== '') values.set(el.name, el.value);
    }
    return values;
  }

  private fill(el: HTMLSelectElement, all: string, choices: Choice[], chosen: string): void {
    el.replaceChildren(new Option(all, ''), ...choices.map((c) => new Option(c.label, c.value)));
    // A chosen value the list does not hold (a shared link to something gone) is kept, so the answer explains it.
    if (chosen !== '' && !choices.some((c) => c.value === chosen)) el.append(new Option(chosen, chosen));
    el.value = chosen;
  }
}
