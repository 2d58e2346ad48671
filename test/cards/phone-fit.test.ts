import assert from 'node:assert/strict';
import { render, type CardTemplate } from '../../src/cards/render';
import { chromiumAvailable, CHROMIUM } from '../support/chromium';
import { PHONE_WIDTH, PhoneFit } from '../support/phone-fit';
import { SAMPLES, type Size } from './template-samples';

// Every card template fits a phone: rendered by the adaptivecards JS renderer in Chromium, 340 px wide,
// with a Teams-like host config, nothing overflows sideways and no button title or text is cut. Both the
// ordinary and the largest sample data (longest texts the bot ever puts in).

/**
 * Cards being redesigned in parallel for issue 15 (the lägesbild, the hot spot card): their misfits are
 * reported, not failed, until that work is merged. The lead removes these entries at the merge.
 */
const PENDING_REDESIGN: Record<string, string> = {};

describe('every card fits a phone (340 px, Chromium, adaptivecards renderer)', function () {
  this.timeout(120_000);
  if (!chromiumAvailable()) {
    console.log(`Phone-fit test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    it.skip('renders every card at 340 px');
    return;
  }

  let phone: PhoneFit;
  before(async () => { phone = await PhoneFit.open(); });
  after(async () => { await phone?.close(); });

  it('When a card is wider than the phone, then the check finds it (the check itself can fail)', async () => {
    const wide = { type: 'AdaptiveCard', version: '1.5', body: [
      { type: 'TextBlock', text: 'Ett ord som inte får plats: '.concat('x'.repeat(120)), wrap: false },
      { type: 'ColumnSet', columns: [{ type: 'Column', width: `${PHONE_WIDTH + 100}px`, items: [{ type: 'TextBlock', text: 'bred' }] }] },
    ], actions: [1, 2, 3, 4].map((i) => ({ type: 'Action.Execute', title: `En mycket lång knapptext nummer ${i}`, verb: 'x' })) };
    const misfits = await phone.measure(wide);
    assert.ok(misfits.some((m) => m.problem === 'cut' && m.element.includes('ac-textBlock')), 'a cut TextBlock is found');
    assert.ok(misfits.some((m) => m.problem !== 'cut' || m.element.includes('ac-pushButton')), 'an overflow or a cut button is found');
    assert.deepEqual(await phone.measure({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Kort', wrap: true }] }), []);
  });

  for (const s of SAMPLES) {
    for (const size of ['small', 'large'] as Size[]) {
      const pending = PENDING_REDESIGN[s.template.name];
      it(`When "${s.template.name}" is shown on a phone with ${size} data, then nothing overflows and no text is cut`, async function () {
        const misfits = await phone.measure(render(s.template as CardTemplate<object>, s.data(size) as object));
        const lines = misfits.map((m) => `${m.problem}: ${m.element} "${m.text}" (${m.scrollWidth} > ${m.clientWidth})`);
        if (pending && lines.length > 0) {
          console.log(`  phone-fit pending (${pending}): ${s.template.name}/${size}\n    ${lines.join('\n    ')}`);
          this.skip();
        }
        assert.deepEqual(lines, [], `${s.template.name} (${size}) does not fit ${PHONE_WIDTH} px`);
      });
    }
  }
});
