import assert from 'node:assert/strict';
import { DateTime, IANAZone } from 'luxon';
import { rememberZoneOffsets } from '../../src/domain/zone-offsets';

const MINUTE = 60_000;

/** Every `step` minutes from `from` for `hours` hours. */
function instants(from: string, hours: number, step: number): number[] {
  const start = Date.parse(from);
  return Array.from({ length: (hours * 60) / step }, (_, i) => start + i * step * MINUTE + (i % 7) * 1_013);
}

describe('remembered zone offsets', () => {
  // Zones of their own, so that other tests see luxon as it comes.
  const zones = ['Europe/Stockholm', 'America/St_Johns', 'Asia/Kathmandu', 'Africa/Monrovia'];
  before(() => { for (const zone of zones) rememberZoneOffsets(zone, 50); });

  it('when offsets are remembered, then every instant reads the same local time as Intl gives it, across both daylight-saving changes', () => {
    const around = [...instants('2026-03-28T20:00:00Z', 12, 7), ...instants('2026-10-24T20:00:00Z', 12, 7), ...instants('2026-03-08T00:00:00Z', 12, 11)];
    for (const zone of zones) {
      const fresh = new IANAZone(zone); // luxon's own computation, nothing remembered
      for (const ts of [...around, ...around]) { // twice: the second round reads what was remembered
        assert.equal(IANAZone.create(zone).offset(ts), fresh.offset(ts), `${zone} at ${new Date(ts).toISOString()}`);
        assert.equal(DateTime.fromMillis(ts, { zone }).toISO(), DateTime.fromMillis(ts, { zone: fresh }).toISO());
      }
    }
  });

  it('when a transition is off the quarter hour (Liberia, 1972-01-07 00:44:30 UTC), then the instants on either side keep their own offsets', () => {
    const before = Date.parse('1972-01-07T00:44:00Z');
    const after = Date.parse('1972-01-07T00:44:45Z');
    const fresh = new IANAZone('Africa/Monrovia');
    assert.notEqual(fresh.offset(before), fresh.offset(after)); // -44.5 minutes, then 0
    for (const ts of [before, after, before, after]) assert.equal(IANAZone.create('Africa/Monrovia').offset(ts), fresh.offset(ts));
  });
});
