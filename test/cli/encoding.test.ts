// Decoding and re-encoding report bytes: detection, BOMs, and byte-identical round trips.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText, type DecodedText } from '../../server/src/cli/encoding';
import { SEED0, SEED2, seedText } from './helpers';

const report = seedText(SEED0);
const crlf = report.replace(/\n/g, '\r\n');

function text(bytes: Uint8Array): DecodedText {
  const d = decodeBytes(bytes);
  if (d.kind !== 'text') throw new Error(`expected text, got ${d.reason}`);
  return d;
}

function roundTrip(bytes: Buffer, encoding: DecodedText['encoding'], expected: string) {
  const d = text(bytes);
  expect(d.encoding).toBe(encoding);
  expect(d.text).toBe(expected);
  expect(d.lossless).toBe(true);
  expect(encodeText(d.text, d).equals(bytes)).toBe(true);
}

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decodeBytes / encodeText', () => {
  it('UTF-8 without BOM, LF and CRLF', () => {
    roundTrip(Buffer.from(report), 'utf-8', report);
    roundTrip(Buffer.from(crlf), 'utf-8', crlf);
    expect(text(Buffer.from(report)).bom.length).toBe(0);
  });

  it('UTF-8 with BOM keeps the BOM out of the text and puts it back', () => {
    const bytes = Buffer.concat([BOM8, Buffer.from(crlf)]);
    roundTrip(bytes, 'utf-8', crlf);
    expect([...text(bytes).bom]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('a second U+FEFF after the BOM is content', () => {
    const bytes = Buffer.concat([BOM8, BOM8, Buffer.from('年报')]);
    roundTrip(bytes, 'utf-8', '\ufeff年报');
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    roundTrip(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]), 'utf-16le', crlf);
    roundTrip(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(crlf, 'utf16le').swap16()]), 'utf-16be', crlf);
  });

  it('UTF-16 without BOM is recognised by its zero bytes', () => {
    roundTrip(Buffer.from(report, 'utf16le'), 'utf-16le', report);
    roundTrip(Buffer.from(report, 'utf16le').swap16(), 'utf-16be', report);
  });

  it('GB18030 (GBK) report text, LF and CRLF, with and without its BOM', () => {
    for (const t of [report, crlf, seedText(SEED2)]) {
      const bytes = iconv.encode(t, 'gb18030');
      expect(bytes.equals(Buffer.from(t))).toBe(false);
      roundTrip(bytes, 'gb18030', t);
    }
    const withBom = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(crlf, 'gb18030')]);
    roundTrip(withBom, 'gb18030', crlf);
    expect(text(withBom).bom.length).toBe(4);
  });

  it('GB2312/GBK bytes decode as GB18030 (a superset)', () => {
    const gbk = iconv.encode('二〇一九年政府信息公开工作年度报告', 'gbk');
    roundTrip(gbk, 'gb18030', '二〇一九年政府信息公开工作年度报告');
  });

  it('re-encodes an edited text in the original encoding and BOM', () => {
    const original = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(crlf, 'gb18030')]);
    const d = text(original);
    const edited = d.text.replace('（七）', '(七)');
    const out = encodeText(edited, d);
    expect(out.subarray(0, 4).equals(Buffer.from([0x84, 0x31, 0x95, 0x33]))).toBe(true);
    expect(iconv.decode(out.subarray(4), 'gb18030')).toBe(edited);
  });

  it('ASCII and empty input are UTF-8', () => {
    roundTrip(Buffer.from('hello\r\n'), 'utf-8', 'hello\r\n');
    roundTrip(Buffer.alloc(0), 'utf-8', '');
  });

  it('binary input is not text', () => {
    expect(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]))).toEqual({
      kind: 'binary',
      reason: 'nul-bytes',
    });
    expect(decodeBytes(Buffer.concat([Buffer.from(report), Buffer.from([0])])).kind).toBe('binary');
    // Malformed multi-byte sequences that are neither UTF-8 nor GB18030.
    expect(decodeBytes(Buffer.from([0xff, 0xff, 0xff, 0x81, 0x20, 0xff, 0x41]))).toEqual({ kind: 'binary', reason: 'undecodable' });
    // Zero bytes in alternating positions alone do not make UTF-16: the text must read like text.
    expect(decodeBytes(Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 2 ? 0 : 1 + (i % 7))))).kind).toBe('binary');
    // A UTF-16 BOM followed by an odd number of bytes.
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])).kind).toBe('binary');
  });
});
