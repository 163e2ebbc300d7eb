// The allocation-free decimal helpers must agree with big.js on every value the engine can meet.
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decEq, decNegative, decSum, decWhole } from '../../server/src/core/decimal';

// decimals as a report writes them: counts, 万元 amounts with up to 4 places, signed, huge, zero, -0
const decimalText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom('0', '-0', '0.0', '1e13', '9999999999999', '10000000000000', '-0.5', '12.50', '0.0001'),
);
const big = decimalText.map((t) => new Big(t));

describe('decimal helpers agree with big.js', () => {
  it('decEq is eq', () => {
    fc.assert(fc.property(big, big, (a, b) => decEq(a, b) === a.eq(b)), { numRuns: 2000 });
    fc.assert(fc.property(big, (a) => decEq(a, new Big(a.toFixed()))));
    expect(decEq(new Big('-0'), new Big(0))).toBe(true);
    expect(decEq(new Big('1.5'), new Big('1.50'))).toBe(true);
    expect(decEq(new Big('15'), new Big('1.5'))).toBe(false);
  });
  it('decNegative is lt(0)', () => {
    fc.assert(fc.property(big, (a) => decNegative(a) === a.lt(0)), { numRuns: 2000 });
    expect(decNegative(new Big('-0'))).toBe(false);
  });
  it('decWhole is round(0) = itself', () => {
    fc.assert(fc.property(big, (a) => decWhole(a) === a.round(0, Big.roundDown).eq(a)), { numRuns: 2000 });
    expect(decWhole(new Big('12.50'))).toBe(false);
    expect(decWhole(new Big('1e13'))).toBe(true);
  });
  it('decSum is the exact sum, on the integer path and off it', () => {
    fc.assert(
      fc.property(fc.array(big, { maxLength: 40 }), (xs) => decSum(xs).eq(xs.reduce((s, x) => s.plus(x), new Big(0)))),
      { numRuns: 2000 },
    );
    // near the integer path's bound: 900 values just under 10^13 stay exact; 10^13 itself leaves the path
    const many = Array.from({ length: 900 }, () => new Big('9999999999999'));
    expect(decSum(many).toFixed()).toBe('8999999999999100');
    expect(decSum([new Big('10000000000000'), new Big('0.1'), new Big(-3)]).toFixed()).toBe('9999999999997.1');
    expect(decSum([new Big('0.1'), new Big('0.2')]).toFixed()).toBe('0.3');
    expect(decSum([]).toFixed()).toBe('0');
  });
});
