import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import { T0, at, origin, otherChat, otherTenantChat, TRICKY_TEXT } from './store-fixtures';

/** The coordinator's analysis per conversation and year (0021): part of the store contract, on both engines. */
export function lawAnalysisContract(ctx: () => { store: Store }): void {
  describe('the analysis of the lägesbild enligt lag', function () {
    it('keeps one text per conversation and year, replaced when saved again; none in another conversation or tenant', async function () {
      const { lawAnalyses } = ctx().store;
      assert.equal(await lawAnalyses.get(origin, 2026), null);
      const long = `${TRICKY_TEXT.quotes} ${'Ökningen av skadegörelse i Centrum hänger ihop med kvällarna. '.repeat(60)}`.slice(0, 4000);
      await lawAnalyses.save(origin, { year: 2026, text: 'Första utkastet', updatedBy: 'aad-coordinator', updatedAt: T0 });
      await lawAnalyses.save(origin, { year: 2026, text: long, updatedBy: 'aad-other', updatedAt: at(60) });
      await lawAnalyses.save(origin, { year: 2025, text: 'Förra året', updatedBy: 'aad-coordinator', updatedAt: T0 });
      assert.deepEqual(await lawAnalyses.get(origin, 2026), { year: 2026, text: long, updatedBy: 'aad-other', updatedAt: at(60) }, 'the whole text, as saved last');
      assert.equal((await lawAnalyses.get(origin, 2025))?.text, 'Förra året');
      assert.equal(await lawAnalyses.get(otherChat, 2026), null, 'another conversation of the tenant has none');
      assert.equal(await lawAnalyses.get(otherTenantChat, 2026), null, 'the same conversation id in another tenant has none');
      await lawAnalyses.save(otherTenantChat, { year: 2026, text: 'Annan kund', updatedBy: 'x', updatedAt: T0 });
      assert.equal((await lawAnalyses.get(origin, 2026))?.text, long, 'another tenant\'s save leaves this one alone');
    });
  });
}
