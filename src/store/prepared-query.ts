import {
  OperationNodeTransformer, ValueNode, createQueryId,
  type Compilable, type CompiledQuery, type DialectAdapter, type Expression, type Kysely, type OperationNode,
  type Insertable, type OperationNodeSource, type QueryExecutor, type QueryResult, type RootOperationNode,
} from 'kysely';
import type { Database } from './schema';
import { SCHEMA, type TableName } from './schema-definition';

// Kysely builds an immutable tree and compiles it to SQL at every execution: on a report submit that
// was most of Kysely's own CPU time (issue 14). A prepared query is built and compiled once per
// database engine, and each execution only binds fresh values to the same SQL.
//
// Its shape cannot depend on the values, by construction: the builder gets placeholders, never the
// values (no `if`, no optional column, no `is null` can be chosen by them), and each placeholder binds
// exactly one scalar, so an `in` list of varying length can never be one. A query whose shape varies
// stays an ordinary Kysely query.

/** What a placeholder binds: one scalar. */
export type Bindable = string | number | bigint | boolean | Date | null;
export type QueryParams = Record<string, Bindable>;

/** Stand-ins for the values, usable wherever Kysely takes a value expression. */
export type Placeholders<P extends QueryParams> = { readonly [K in keyof P]-?: Expression<P[K]> };

type Buildable<O> = Compilable<O> & OperationNodeSource;

/** A placeholder is a value node whose value names the parameter; the compiler turns it into `?` / `@n`. */
class Placeholder implements Expression<unknown> {
  constructor(readonly name: string) {}

  get expressionType(): unknown {
    return undefined;
  }

  toOperationNode(): OperationNode {
    return ValueNode.create(this);
  }
}

/** For each compiled parameter: the placeholder's name, or the constant the builder wrote (`+ 1`, `.limit(1)`). */
type Slot = { name: string } | { constant: unknown };

interface Compiled {
  query: CompiledQuery;
  slots: readonly Slot[];
}

export class PreparedQuery<P extends QueryParams, O> {
  /** Per engine (a Kysely instance and its transactions share one adapter, and with it one compiler). */
  readonly #compiled = new WeakMap<DialectAdapter, Compiled>();
  #node: RootOperationNode | undefined;

  constructor(private readonly build: (db: Kysely<Database>, p: Placeholders<P>) => Buildable<O>) {}

  /** Every row (a select, or a write with RETURNING / OUTPUT). */
  async rows(db: Kysely<Database>, params: P): Promise<O[]> {
    return (await this.#execute(db, params)).rows;
  }

  /** The first row, as executeTakeFirst. */
  async first(db: Kysely<Database>, params: P): Promise<O | undefined> {
    return (await this.#execute(db, params)).rows[0];
  }

  /** How many rows an insert, update or delete wrote. */
  async affected(db: Kysely<Database>, params: P): Promise<bigint> {
    return (await this.#execute(db, params)).numAffectedRows ?? 0n;
  }

  #execute(db: Kysely<Database>, params: P): Promise<QueryResult<O>> {
    const executor = db.getExecutor();
    // Built without plugins: a builder shows its node to the plugins as it is made, and the placeholders are
    // no query run. The plugins see each execution below, once, with its values.
    const node = (this.#node ??= this.build(db.withoutPlugins(), placeholders<P>()).toOperationNode() as RootOperationNode);
    // A plugin may look at or change every query (tests inject faults or record the SQL so): with one,
    // each execution is built with its values and compiled, exactly as Kysely runs an ordinary query.
    if (executor.plugins.length > 0) return db.executeQuery<O>(compile(executor, new BindValues(params).transformNode(node)).query);
    let compiled = this.#compiled.get(executor.adapter);
    if (!compiled) this.#compiled.set(executor.adapter, (compiled = compile(executor, node)));
    const parameters = compiled.slots.map((slot) => ('name' in slot ? bound(params, slot.name) : slot.constant));
    return db.executeQuery<O>({ ...compiled.query, parameters });
  }
}

/** Puts the values in place of the placeholders: the query as Kysely would have built it from them. */
class BindValues extends OperationNodeTransformer {
  constructor(private readonly params: QueryParams) {
    super();
  }

  protected override transformValue(node: ValueNode): ValueNode {
    return node.value instanceof Placeholder ? ValueNode.create(bound(this.params, node.value.name)) : node;
  }
}

/**
 * Defines a query of fixed shape, compiled once per engine and run with fresh values. Define it where it
 * is built once (module or repository scope): what the builder reads besides the placeholders is part
 * of the SQL from then on.
 *
 *   const byKey = prepareQuery<{ tenantId: string; key: string }>()((db, p) =>
 *     db.selectFrom('places').selectAll().where('tenant_id', '=', p.tenantId).where('name_key', '=', p.key));
 *   const place = await byKey.first(db, { tenantId, key });
 */
export function prepareQuery<P extends QueryParams>() {
  return <O>(build: (db: Kysely<Database>, p: Placeholders<P>) => Buildable<O>): PreparedQuery<P, O> => new PreparedQuery(build);
}

/** A value for every column of a table: what a prepared insert of a whole row takes. */
export type InsertRow<T extends TableName> = Required<Insertable<Database[T]>>;

/**
 * A placeholder for every column of the table (schema-definition.ts), for `.values()`: a prepared insert
 * names all of them every time, so a column cannot be left to its default by one call and set by another.
 */
export function everyColumn<T extends TableName>(table: T, p: Placeholders<InsertRow<T> & QueryParams>): Placeholders<InsertRow<T> & QueryParams> {
  const row: Record<string, unknown> = {};
  for (const column of Object.keys(SCHEMA[table].columns)) row[column] = p[column];
  return row as Placeholders<InsertRow<T> & QueryParams>;
}

function placeholders<P extends QueryParams>(): Placeholders<P> {
  const made = new Map<string, Placeholder>();
  return new Proxy({} as Placeholders<P>, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      let placeholder = made.get(name);
      if (!placeholder) made.set(name, (placeholder = new Placeholder(name)));
      return placeholder;
    },
  });
}

function compile(executor: QueryExecutor, node: RootOperationNode): Compiled {
  const queryId = createQueryId();
  const query = executor.compileQuery(executor.transformQuery(node, queryId), queryId);
  return { query, slots: query.parameters.map((value) => (value instanceof Placeholder ? { name: value.name } : { constant: value })) };
}

/** The value for one placeholder; a missing value or a list is refused, never bound as something else. */
function bound(params: QueryParams, name: string): Bindable {
  const value = params[name];
  if (value === undefined) throw new TypeError(`No value for the query parameter "${name}"`);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    throw new TypeError(`The query parameter "${name}" takes one value, not a list or an object`);
  }
  return value;
}
