/**
 * A small seeded PRNG (mulberry32) so a corpus is the same bytes for the same seed on every
 * machine; Math.random cannot be seeded. Also accepts an external source of numbers in [0, 1)
 * (e.g. fast-check's `fc.infiniteStream(fc.double(...))` or `fc.noBias(fc.integer())`) via `rngFrom`.
 */

/** A source of random choices. All methods draw from one stream, in call order. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this one (so adding a draw in one part does not shift another). */
  fork(): Rng;
}

/** Wraps any generator of floats in [0, 1) as an Rng. */
export function rngFrom(next: () => number): Rng {
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.min(items.length - 1, Math.floor(next() * items.length))] as T;
    },
    fork() {
      return seeded(Math.floor(next() * 0x100000000));
    },
  };
  return rng;
}

/** mulberry32: 32-bit state, good enough spread for text generation, and tiny. */
export function seeded(seed: number): Rng {
  let state = seed >>> 0;
  return rngFrom(() => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  });
}

/** Seed from a string (`--seed corpus-a`) or number, via FNV-1a. */
export function seedOf(seed: string | number): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
