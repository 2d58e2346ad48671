import type * as Templating from 'adaptivecards-templating';
import type { AdaptiveCard } from './card-schema';
import { bind, type Binder } from './bind';
import { fitToPhone } from './phone-actions';

/** A card template and the exact shape of the data it is rendered from. */
export interface CardTemplate<Data> {
  readonly name: string;
  readonly template: AdaptiveCard;
  /** Phantom field: ties the data type to the template at compile time. */
  readonly __data?: Data;
}

/** Every template defined, by name: what the template test renders with sample data. */
const templates = new Map<string, CardTemplate<unknown>>();

/**
 * A template built with the binder of its data: every `${…}` in it names a value the data type has
 * (see bind.ts), so a misspelt binding does not compile. Names are unique.
 */
export function defineTemplate<Data>(name: string, build: (b: Binder<Data>) => AdaptiveCard): CardTemplate<Data> {
  if (templates.has(name)) throw new Error(`card template "${name}" is defined twice`);
  const template: CardTemplate<Data> = { name, template: build(bind<Data>()) };
  templates.set(name, template as CardTemplate<unknown>);
  return template;
}

/** The templates defined so far (those of the modules loaded). */
export function definedTemplates(): CardTemplate<unknown>[] {
  return [...templates.values()];
}

/**
 * Each template parsed once: `new Template` parses every `${…}` expression with an ANTLR parser, a
 * fifth of a report submit's CPU time when done at every render (issue 14). A Template is made to be
 * expanded again and again (its expand is synchronous and does not change the parsed payload).
 */
const parsed = new WeakMap<CardTemplate<unknown>, Templating.Template>();

/**
 * The templating engine (with its ANTLR expression parser) is loaded at the first render, not at start:
 * loading it was about a sixth of the time to a healthy /healthz, which needs no card (issue 14).
 * (require, not import(): the tests load TypeScript through tsx's CommonJS hook only.)
 */
let engine: typeof Templating | undefined;

function parsedTemplate(tpl: CardTemplate<unknown>): Templating.Template {
  let template = parsed.get(tpl);
  if (!template) {
    engine ??= require('adaptivecards-templating') as typeof Templating;
    template = new engine.Template(tpl.template);
    parsed.set(tpl, template);
  }
  return template;
}

export function render<Data extends object>(tpl: CardTemplate<Data>, data: Data): AdaptiveCard {
  const expanded: unknown = parsedTemplate(tpl as CardTemplate<unknown>).expand({ $root: data });
  return fitToPhone(withoutNulls(expanded) as AdaptiveCard);
}

/**
 * A copy of the expanded card as JSON would carry it, without the properties bound to null: a binding to
 * null means "leave the property out" (clients draw an empty number input as 0). What
 * JSON.parse(JSON.stringify(card, dropNulls)) gave, without writing and reading every card as text
 * (issue 14): in a list, a null (or what JSON cannot carry) stays a null, as JSON.stringify writes it.
 */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return withoutNulls((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return value.map((item) => (carried(item) ? withoutNulls(item) : null));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (carried(item)) copy[key] = withoutNulls(item);
  return copy;
}

const carried = (value: unknown): boolean => value !== null && value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

/**
 * Text a user typed is shown literally: markdown markers and Teams' {{DATE()}} functions are
 * neutralised, so nobody can format, link or spoof content in someone else's card.
 */
export function safeText(text: string): string {
  return text
    .replace(/([\\`*_[\]~])/g, '\\$1')
    .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/\{\{/g, '{\u200B{');
}
