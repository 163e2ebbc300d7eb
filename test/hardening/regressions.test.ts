// Bugs the property tests (property.test.ts) found, each pinned by the smallest input that showed it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../server/src/engine';
import { REPO, rangeProblems } from './helpers';

const fixture = (p: string) => readFileSync(join(REPO, 'test/fixtures', p), 'utf8');

describe('found by the properties', () => {
  it('row-missing on a CRLF table points inside the line, not at its \\r (range past the line end)', () => {
    // A 2022 report checked as 2019 format: table 二 misses its 2019 rows, and the finding points at
    // the table's first line. With CRLF line endings the span ran up to the \n, one past the content.
    const text = fixture('rules/section-order-ok.txt').replace(/\r?\n/g, '\r\n');
    const r = lintText(text, { template: '2019' });
    expect(r.diagnostics.some((d) => d.code === 'row-missing')).toBe(true);
    expect(rangeProblems(text, r)).toEqual([]);
  });

  it('section-missing after a CRLF body points at the last line, not between its \\r and \\n', () => {
    // A CRLF report cut off inside section 四: 五 and 六 are missing and point at the body's last line.
    const crlf = fixture('rules/row-total-ok.txt').replace(/\r?\n/g, '\r\n');
    const text = crlf.slice(0, crlf.indexOf('\r\n', crlf.indexOf('四、政府信息公开行政复议')) + 2);
    const r = lintText(text);
    expect(r.diagnostics.filter((d) => d.code === 'section-missing').length).toBeGreaterThan(0);
    expect(rangeProblems(text, r)).toEqual([]);
  });
});
