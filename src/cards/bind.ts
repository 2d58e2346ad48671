import type { BindingExpression } from './card-schema';

// Typed template bindings: a card template names its data through a binder typed by the template's data,
// so a misspelt or missing name (`${titel}`, an `errors.` key that does not exist, a `$data` over
// something that is not a list) is a compile error instead of a raw `${…}` or a hidden element in Teams.

type Key<D> = keyof D & string;

/**
 * Every dotted path to a value of the data: 'title', 'labels.date', 'refresh.data'. A list is a path as a
 * whole; its items' fields are bound inside its `$data` scope (Binder.items). A free-form record
 * (Record<string, unknown>, e.g. an action's data) is a path only as a whole.
 */
export type Path<D> = D extends readonly unknown[]
  ? never
  : D extends object
    ? { [K in Key<D>]: K | (D[K] extends readonly unknown[] ? never : D[K] extends object ? (string extends keyof D[K] ? never : `${K}.${Path<D[K]>}`) : never) }[Key<D>]
    : never;

/** The type of the value at a path of the data. */
export type ValueAt<D, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof D ? ValueAt<NonNullable<D[K]>, Rest> : never
  : P extends keyof D ? D[P] : never;

/** The paths of the data that are lists (of `Item` when given): what a `$data` scope can go over. */
export type ListPath<D, Item = unknown> = { [P in Path<D>]: NonNullable<ValueAt<D, P>> extends readonly Item[] ? P : never }[Path<D>];

export type ItemOf<D, P extends string> = NonNullable<ValueAt<D, P>> extends readonly (infer I)[] ? I : never;

/** `${path}`: what the templating engine replaces with the value at the path. */
export type Bound<P extends string> = `\${${P}}`;

export interface Binder<D> {
  /** `${path}`: the value at a path of the data. */
  <P extends Path<D>>(path: P): Bound<P>;
  /**
   * An Adaptive Card expression over values of the data, each interpolated path checked:
   * b.expr`${'banner'} != ''` is "${banner != ''}", b.expr`count(${'rows'}) > 0` is "${count(rows) > 0}".
   */
  expr(parts: TemplateStringsArray, ...paths: Path<D>[]): BindingExpression;
  /** `${$data}`: the item itself, in a `$data` scope over a list of texts or numbers. */
  self(): Bound<'$data'>;
  /**
   * A part repeated for each item of a list (`$data`), built with the binder of the items:
   * b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') })).
   */
  each<P extends ListPath<D>, T extends object>(path: P, build: (item: Binder<ItemOf<D, P>>) => T): { $data: Bound<P> } & T;
}

/** The binder of a template's data. */
export function bind<D>(): Binder<D> {
  const binder = ((path: string) => `\${${path}}`) as Binder<D>;
  binder.expr = (parts, ...paths) => `\${${parts.map((part, i) => (i === 0 ? part : `${paths[i - 1]!}${part}`)).join('')}}` as BindingExpression;
  binder.self = () => '${$data}';
  binder.each = (path, build) => ({ $data: `\${${path}}` as Bound<typeof path>, ...build(bind()) });
  return binder;
}

/**
 * The binder of a part of the data, for a piece shared by several templates (a form's error lines, a
 * title row). Only for such a piece's body: its signature takes `Binder<D>` with `D extends Part`, so
 * the compiler checks at each use that the template's data has that part.
 */
export function asPart<Part>(binder: object): Binder<Part> {
  return binder as Binder<Part>;
}
