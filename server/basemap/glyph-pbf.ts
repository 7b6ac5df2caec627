/**
 * Encodes MapLibre glyph ranges (the "fontstack" protobuf of mapbox/glyph-pbf-composite,
 * read by maplibre-gl's parse_glyph_pbf.ts). Hand-written because the message has seven
 * fields and the pbf package is ESM-only:
 *   glyphs { repeated fontstack stacks = 1; }
 *   fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3; }
 *   glyph { uint32 id = 1; bytes bitmap = 2; uint32 width = 3; uint32 height = 4;
 *           sint32 left = 5; sint32 top = 6; uint32 advance = 7; }
 * The bitmap is a signed distance field of (width + 6) x (height + 6) bytes (3 px border).
 */

export interface SdfGlyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

class Writer {
  private readonly chunks: number[] = [];

  varint(v: number): void {
    let n = v >>> 0;
    while (n > 0x7f) {
      this.chunks.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.chunks.push(n);
  }

  tag(field: number, wire: 0 | 2): void {
    this.varint((field << 3) | wire);
  }

  uint(field: number, v: number): void {
    this.tag(field, 0);
    this.varint(v);
  }

  sint(field: number, v: number): void {
    this.tag(field, 0);
    this.varint((v << 1) ^ (v >> 31));
  }

  bytes(field: number, b: Uint8Array): void {
    this.tag(field, 2);
    this.varint(b.length);
    for (const x of b) this.chunks.push(x);
  }

  string(field: number, s: string): void {
    this.bytes(field, Buffer.from(s, 'utf8'));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export function encodeGlyphRange(fontstack: string, start: number, glyphs: SdfGlyph[]): Buffer {
  const stack = new Writer();
  stack.string(1, fontstack);
  stack.string(2, `${start}-${start + 255}`);
  for (const g of glyphs) {
    const w = new Writer();
    w.uint(1, g.id);
    if (g.width > 0 && g.height > 0) w.bytes(2, g.bitmap);
    w.uint(3, g.width);
    w.uint(4, g.height);
    w.sint(5, g.left);
    w.sint(6, g.top);
    w.uint(7, g.advance);
    stack.bytes(3, w.finish());
  }
  const top = new Writer();
  top.bytes(1, stack.finish());
  return Buffer.from(top.finish());
}
