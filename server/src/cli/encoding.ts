// Bytes ⇄ text for report files. The engine works on a decoded string with the file's own line
// endings; `--fix` re-encodes the fixed string with the same encoding and BOM, so a file that no fix
// touches comes back byte-identical.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  kind: 'text';
  text: string;
  encoding: Encoding;
  /** The BOM bytes exactly as they were (empty when there was none). */
  bom: Uint8Array;
  /** Whether `encodeText(text, …)` gives back the original bytes. False only for odd GB18030 input. */
  lossless: boolean;
}

export interface NotText {
  kind: 'binary';
  reason: 'nul-bytes' | 'undecodable';
}

export type Decoded = DecodedText | NotText;

const BOMS: { encoding: Encoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  // GB18030's own BOM is the encoding of U+FEFF.
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes with the given encoding; undefined when the bytes are not valid in it. */
function decodeStrict(body: Uint8Array, encoding: Encoding): string | undefined {
  if (encoding === 'gb18030') {
    const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030', { stripBOM: false });
    // iconv-lite replaces malformed sequences with U+FFFD; a genuine U+FFFD survives the round trip.
    if (text.includes('\uFFFD') && !sameBytes(encodeBody(text, 'gb18030'), body)) return undefined;
    return text;
  }
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && body.length % 2 !== 0) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}

/**
 * Guesses UTF-16 without a BOM: every ASCII character (digits, spaces, tabs, line breaks, which every
 * report has) puts a zero byte in the high half of its code unit. The low half is zero far less often
 * (一 U+4E00 and the ideographic space U+3000 do it), and binary data has zeros in both halves alike.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 1 << 20);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = Math.floor(n / 2);
  const major = Math.max(zeroEven, zeroOdd);
  const minor = Math.min(zeroEven, zeroOdd);
  if (major < Math.max(1, pairs * 0.05) || minor > major * 0.5) return undefined;
  return zeroOdd > zeroEven ? 'utf-16le' : 'utf-16be';
}

/** Whether a decoded text reads like text: mostly printable ASCII, CJK, punctuation, full-width forms. */
function looksLikeText(text: string): boolean {
  const n = Math.min(text.length, 1 << 16);
  if (n === 0) return true;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0d ||
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0xa0 && c < 0x2500) ||
      (c >= 0x2e80 && c < 0xa000) ||
      (c >= 0xd800 && c < 0xe000) || // surrogate pairs (validated by the fatal decoder): CJK extensions
      (c >= 0xf900 && c < 0xfb00) ||
      (c >= 0xfe30 && c < 0xfe50) ||
      (c >= 0xff00 && c < 0xfff0)
    ) {
      good++;
    }
  }
  return good >= n * 0.9;
}

export function decodeBytes(input: Uint8Array): Decoded {
  for (const { encoding, bytes } of BOMS) {
    if (!startsWith(input, bytes)) continue;
    const body = input.subarray(bytes.length);
    return finish(body, encoding, input.subarray(0, bytes.length));
  }
  const utf16 = sniffUtf16(input);
  if (utf16) {
    const text = decodeStrict(input, utf16);
    if (text !== undefined && !text.includes('\0') && looksLikeText(text)) return { kind: 'text', text, encoding: utf16, bom: new Uint8Array(0), lossless: true };
  }
  if (input.includes(0)) return { kind: 'binary', reason: 'nul-bytes' };
  return finish(input, decodeStrict(input, 'utf-8') !== undefined ? 'utf-8' : 'gb18030', new Uint8Array(0));
}

function finish(body: Uint8Array, encoding: Encoding, bom: Uint8Array): Decoded {
  const text = decodeStrict(body, encoding);
  if (text === undefined) return { kind: 'binary', reason: 'undecodable' };
  if (text.includes('\0')) return { kind: 'binary', reason: 'nul-bytes' };
  const lossless = encoding !== 'gb18030' || sameBytes(encodeBody(text, encoding), body);
  return { kind: 'text', text, encoding, bom: Uint8Array.from(bom), lossless };
}

function encodeBody(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

/** Encodes `text` the way `decoded` was stored: same encoding, same BOM bytes. */
export function encodeText(text: string, like: Pick<DecodedText, 'encoding' | 'bom'>): Buffer {
  const body = encodeBody(text, like.encoding);
  return Buffer.concat([like.bom, body]);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
