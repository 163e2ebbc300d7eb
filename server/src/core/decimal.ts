// Exact decimal helpers over big.js values that do not allocate on the hot path. big.js's `cmp`/`eq`
// copy their argument, `lt(0)` parses a new Big, and each `plus` builds a new one with its own digit
// array; a report's relations and cell rules make thousands of such calls. These read the normalised
// representation instead (big.js keeps `c` without leading or trailing zeros, zero as `[0]`): `s` the
// sign, `e` the exponent of the first digit, `c` the digits.
import Big from 'big.js';

const ZERO = new Big(0);

const isZero = (a: Big): boolean => a.c[0] === 0;

/** a = b (0 and -0 are equal, as in big.js). */
export function decEq(a: Big, b: Big): boolean {
  if (isZero(a) || isZero(b)) return isZero(a) && isZero(b);
  if (a.s !== b.s || a.e !== b.e || a.c.length !== b.c.length) return false;
  for (let i = 0; i < a.c.length; i++) if (a.c[i] !== b.c[i]) return false;
  return true;
}

/** a < 0. */
export function decNegative(a: Big): boolean {
  return a.s < 0 && !isZero(a);
}

/** a has no fractional part. */
export function decWhole(a: Big): boolean {
  return a.c.length <= a.e + 1;
}

/** Largest exponent summed as a JS number: values below 10^13, so that up to 900 of them stay exact. */
const SMALL_E = 12;

/** a as a JS integer when it is a whole number below 10^13; otherwise NaN. */
function smallInt(a: Big): number {
  if (a.e > SMALL_E || a.c.length > a.e + 1) return NaN;
  let n = 0;
  for (let i = 0; i <= a.e; i++) n = n * 10 + (a.c[i] ?? 0);
  return a.s < 0 ? -n : n;
}

/**
 * Σ values, exact. Whole numbers (every count, most amounts) are added as JS integers and one Big is
 * made of the result; anything else falls back to big.js addition.
 */
export function decSum(values: readonly Big[]): Big {
  if (values.length === 0) return ZERO;
  if (values.length <= 900) {
    let n = 0;
    let ok = true;
    for (const v of values) {
      const x = smallInt(v);
      if (x !== x) {
        ok = false;
        break;
      }
      n += x;
    }
    if (ok) return n === 0 ? ZERO : new Big(n);
  }
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
