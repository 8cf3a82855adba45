import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed } from './seeded-random.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives different sequences for different seeds', () => {
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });

  it('keeps int() inside its inclusive bounds', () => {
    const r = createRandom('bounds');
    const values = new Set(Array.from({ length: 2000 }, () => r.int(3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('never picks a zero-weight index', () => {
    const r = createRandom(7);
    for (let i = 0; i < 500; i++) expect(r.weightedIndex([1, 0, 2])).not.toBe(1);
  });

  it('shuffles without losing items', () => {
    expect(createRandom(3).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('hashSeed', () => {
  it('is stable and spreads nearby strings', () => {
    expect(hashSeed('1:game:0022400061')).toBe(hashSeed('1:game:0022400061'));
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
  });
});
