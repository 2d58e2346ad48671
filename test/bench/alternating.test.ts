import assert from 'node:assert/strict';
import { order, type Side } from '../../bench/support/alternating';

// Measures 1 and 7 alternate their sides' blocks so that the machine's drift lands on every side: over a
// whole number of cycles each side must run in each place equally often.

function placesOf(sides: readonly Side[], rounds: number): Map<Side, number[]> {
  const places = new Map<Side, number[]>(sides.map((side) => [side, sides.map(() => 0)]));
  for (let round = 0; round < rounds; round++) order(round, sides).forEach((side, place) => { places.get(side)![place]!++; });
  return places;
}

describe('the order of the benchmark sides (bench/support/alternating)', () => {
  it('When two sides alternate, then their blocks run echo, bot, bot, echo (ABBA)', () => {
    assert.deepEqual([0, 1, 2, 3].map((round) => order(round, ['echo', 'bot'])), [['echo', 'bot'], ['bot', 'echo'], ['bot', 'echo'], ['echo', 'bot']]);
  });

  it('When two or three sides alternate, then every round runs each side once and each side runs in each place equally often', () => {
    for (const sides of [['echo', 'bot'], ['echo', 'bot', 'saver']] as Side[][]) {
      for (let round = 0; round < 12; round++) assert.deepEqual([...order(round, sides)].sort(), [...sides].sort());
      for (const counts of placesOf(sides, 2 * sides.length).values()) assert.deepEqual(counts, sides.map(() => 2), `${sides.join(', ')}: ${counts.join(', ')}`);
    }
  });
});
