import { Template } from 'adaptivecards-templating';
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

export function render<Data extends object>(tpl: CardTemplate<Data>, data: Data): AdaptiveCard {
  const expanded: unknown = new Template(tpl.template).expand({ $root: data });
  // A binding to null means "leave the property out": clients draw an empty number input as 0.
  const card = JSON.parse(JSON.stringify(expanded, (_key, value: unknown) => (value === null ? undefined : value))) as AdaptiveCard;
  return fitToPhone(card);
}

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
