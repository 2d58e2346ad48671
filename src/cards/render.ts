import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from './card-schema';

/** A card template and the exact shape of the data it is rendered from. */
export interface CardTemplate<Data> {
  readonly name: string;
  readonly template: AdaptiveCard;
  /** Phantom field: ties the data type to the template at compile time. */
  readonly __data?: Data;
}

export function defineTemplate<Data>(name: string, template: AdaptiveCard): CardTemplate<Data> {
  return { name, template };
}

export function render<Data extends object>(tpl: CardTemplate<Data>, data: Data): AdaptiveCard {
  const expanded: unknown = new Template(tpl.template).expand({ $root: data });
  // A binding to null means "leave the property out": clients draw an empty number input as 0.
  return JSON.parse(JSON.stringify(expanded, (_key, value: unknown) => (value === null ? undefined : value))) as AdaptiveCard;
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
