import { MssqlQueryCompiler, TopNode, ValueNode, type SelectQueryNode } from 'kysely';

/**
 * Kysely's SQL Server compiler writes `.limit(n)` as `limit @n`, which T-SQL lacks. The shared
 * repositories say `.limit(n)` for both engines; here a plain limit becomes `select top(n)`. The number
 * is written as a literal (TOP needs a constant or a parenthesised expression, and Kysely's TopNode
 * holds a number), which is safe because repositories only pass checked integers (checkedLimit).
 */
export class LimitAsTopMssqlQueryCompiler extends MssqlQueryCompiler {
  protected override visitSelectQuery(node: SelectQueryNode): void {
    super.visitSelectQuery(limitAsTop(node));
  }
}

function limitAsTop(node: SelectQueryNode): SelectQueryNode {
  if (!node.limit) return node;
  const limit = node.limit.limit;
  if (node.offset || node.top || !ValueNode.is(limit) || !Number.isSafeInteger(limit.value)) {
    throw new Error('SQL Server queries here support only a plain integer .limit(n)');
  }
  return { ...node, limit: undefined, top: TopNode.create(limit.value as number) };
}
