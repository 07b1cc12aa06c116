/**
 * The hamming scan over binary codes, as a 200-byte WebAssembly module written out by hand.
 * JavaScript has no popcount: the best pure-JS scan (a 64 K lookup table) took ~24 ms per
 * million 384-bit codes here, this one ~5 ms (`i64.popcnt`, memory-bound; see
 * bench/VECTORS.md). The module has no imports and touches nothing but its own memory.
 *
 * scan(codes, count, codeBytes, query, out, histogram):
 *   for i in 0..count: d = Σ_w popcnt(code_i[w] ^ query[w]) over codeBytes / 8 words;
 *                      out[i] = d (u16); histogram[d] += 1 (u32)
 * codeBytes must be a positive multiple of 8; code i starts at codes + i * codeBytes.
 *
 * The text form, for review:
 *   (func (param $codes i32) (param $count i32) (param $codeBytes i32) (param $query i32)
 *         (param $out i32) (param $histogram i32) (local $end i32) (local $w i32) (local $d i64)
 *     (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 1))))
 *     (block $done
 *       (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
 *       (loop $code
 *         (local.set $d (i64.const 0)) (local.set $w (i32.const 0))
 *         (loop $word
 *           (local.set $d (i64.add (local.get $d) (i64.popcnt (i64.xor
 *             (i64.load (local.get $codes)) (i64.load (i32.add (local.get $query) (local.get $w)))))))
 *           (local.set $codes (i32.add (local.get $codes) (i32.const 8)))
 *           (br_if $word (i32.lt_u (local.tee $w (i32.add (local.get $w) (i32.const 8))) (local.get $codeBytes))))
 *         (i64.store16 (local.get $out) (local.get $d))
 *         (local.set $w (i32.add (local.get $histogram) (i32.shl (i32.wrap_i64 (local.get $d)) (i32.const 2))))
 *         (i32.store (local.get $w) (i32.add (i32.load (local.get $w)) (i32.const 1)))
 *         (br_if $code (i32.lt_u (local.tee $out (i32.add (local.get $out) (i32.const 2))) (local.get $end))))))
 */

const I32 = 0x7f;
const I64 = 0x7e;

const SCAN_BODY = [
  // locals: 2 × i32 ($end, $w), 1 × i64 ($d)
  0x02, 0x02, I32, 0x01, I64,
  // $end = $out + ($count << 1)
  0x20, 0x04, 0x20, 0x01, 0x41, 0x01, 0x74, 0x6a, 0x21, 0x06,
  0x02, 0x40, // block $done
  0x20, 0x04, 0x20, 0x06, 0x4f, 0x0d, 0x00, // br_if $done ($out >= $end)
  0x03, 0x40, // loop $code
  0x42, 0x00, 0x21, 0x08, // $d = 0
  0x41, 0x00, 0x21, 0x07, // $w = 0
  0x03, 0x40, // loop $word
  0x20, 0x08, // $d
  0x20, 0x00, 0x29, 0x03, 0x00, // i64.load [$codes]
  0x20, 0x03, 0x20, 0x07, 0x6a, 0x29, 0x03, 0x00, // i64.load [$query + $w]
  0x85, 0x7b, 0x7c, 0x21, 0x08, // $d += popcnt(xor)
  0x20, 0x00, 0x41, 0x08, 0x6a, 0x21, 0x00, // $codes += 8
  0x20, 0x07, 0x41, 0x08, 0x6a, 0x22, 0x07, // $w += 8 (tee)
  0x20, 0x02, 0x49, 0x0d, 0x00, // br_if $word ($w < $codeBytes)
  0x0b, // end $word
  0x20, 0x04, 0x20, 0x08, 0x3d, 0x01, 0x00, // i64.store16 [$out] = $d
  0x20, 0x05, 0x20, 0x08, 0xa7, 0x41, 0x02, 0x74, 0x6a, 0x22, 0x07, // $w = $histogram + ($d << 2)
  0x20, 0x07, 0x28, 0x02, 0x00, 0x41, 0x01, 0x6a, 0x36, 0x02, 0x00, // [$w] += 1
  0x20, 0x04, 0x41, 0x02, 0x6a, 0x22, 0x04, // $out += 2 (tee)
  0x20, 0x06, 0x49, 0x0d, 0x00, // br_if $code ($out < $end)
  0x0b, // end $code
  0x0b, // end $done
  0x0b, // end func
];

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

function name(text: string): number[] {
  return [text.length, ...[...text].map((character) => character.charCodeAt(0))];
}

/** The module's bytes: one exported memory (grown by the caller) and one exported `scan`. */
export function hammingModuleBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x06, I32, I32, I32, I32, I32, I32, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]),
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('scan'), 0x00, 0x00]),
    ...section(10, [0x01, ...unsignedLeb(SCAN_BODY.length), ...SCAN_BODY]),
  ]);
}

export interface HammingKernel {
  readonly memory: WebAssembly.Memory;
  /** See the file comment. All arguments are byte offsets into `memory` except count/codeBytes. */
  scan(codes: number, count: number, codeBytes: number, query: number, out: number, histogram: number): void;
}

let compiled: WebAssembly.Module | undefined;

/** A fresh instance (its own memory). Compiling ~200 bytes synchronously is well under 1 ms. */
export function createHammingKernel(): HammingKernel {
  compiled ??= new WebAssembly.Module(hammingModuleBytes());
  const instance = new WebAssembly.Instance(compiled, {});
  const { memory, scan } = instance.exports;
  if (!(memory instanceof WebAssembly.Memory) || typeof scan !== 'function') {
    throw new Error('hamming kernel: unexpected exports');
  }
  return {
    memory,
    scan: (codes, count, codeBytes, query, out, histogram) => {
      scan(codes, count, codeBytes, query, out, histogram);
    },
  };
}
