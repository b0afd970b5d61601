// Real, varied PNG photos for the demo data (320×240 RGB, a few KB): scenes of flat shapes and gradients drawn from a
// seed, encoded with node:zlib. A serial number is drawn into the corner so no two photos share a SHA-256.
import { deflateSync } from 'node:zlib';
import { Crc32 } from '../../shared/backup/zip';
import { Rng } from './random';

export const PHOTO_WIDTH = 320;
export const PHOTO_HEIGHT = 240;

type Rgb = readonly [number, number, number];

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3);
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const xa = Math.max(0, Math.floor(x0));
    const xb = Math.min(this.w, Math.floor(x1));
    if (xb <= xa) return;
    const length = (xb - xa) * 3;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.h, Math.floor(y1)); y++) {
      // One pixel, then doubling copies: drawing is most of the generator's photo time.
      const start = (y * this.w + xa) * 3;
      this.px[start] = c[0];
      this.px[start + 1] = c[1];
      this.px[start + 2] = c[2];
      for (let filled = 3; filled < length; filled *= 2) {
        this.px.copyWithin(start + filled, start, start + Math.min(filled, length - filled));
      }
    }
  }

  /** Vertical gradient from c0 (top) to c1 (bottom) over rows y0..y1. */
  gradient(y0: number, y1: number, c0: Rgb, c1: Rgb): void {
    for (let y = Math.max(0, y0); y < Math.min(this.h, y1); y++) {
      const t = (y - y0) / Math.max(1, y1 - y0);
      const c: Rgb = [mix(c0[0], c1[0], t), mix(c0[1], c1[1], t), mix(c0[2], c1[2], t)];
      this.rect(0, y, this.w, y + 1, c);
    }
  }

  disc(cx: number, cy: number, r: number, c: Rgb): void {
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(this.h, Math.ceil(cy + r)); y++) {
      const dx = Math.sqrt(Math.max(0, r * r - (y - cy) * (y - cy)));
      this.rect(cx - dx, y, cx + dx, y + 1, c);
    }
  }
}

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);
const colour = (rng: Rng, lo = 0, hi = 255): Rgb => [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];
const PARTY_RED: Rgb = [200, 16, 46];
const GOLD: Rgb = [255, 215, 0];

/** A meeting room: wall, floor, a red banner, a table and a row of people (heads and shoulders). */
function meetingRoom(c: Canvas, rng: Rng): void {
  const wall = colour(rng, 170, 240);
  c.gradient(0, 160, wall, [wall[0] - 30, wall[1] - 30, wall[2] - 30]);
  c.gradient(160, c.h, colour(rng, 90, 150), colour(rng, 50, 100));
  const bx = rng.int(20, 120);
  c.rect(bx, 18, bx + rng.int(140, 190), 48, PARTY_RED);
  c.rect(bx + 8, 30, bx + 40, 36, GOLD);
  c.rect(30, 150, 290, 175, colour(rng, 90, 140));
  const people = rng.int(4, 9);
  for (let i = 0; i < people; i++) {
    const x = 40 + (i * 240) / people + rng.int(0, 10);
    c.rect(x - 14, 120, x + 14, 152, colour(rng, 10, 70));
    c.disc(x, 108, 10, [rng.int(200, 240), rng.int(160, 200), rng.int(130, 170)]);
  }
}

/** A display board (宣传栏): a frame of coloured panels. */
function displayBoard(c: Canvas, rng: Rng): void {
  c.gradient(0, c.h, colour(rng, 180, 230), colour(rng, 120, 180));
  c.rect(16, 16, c.w - 16, c.h - 40, colour(rng, 60, 110));
  const cols = rng.int(2, 4);
  const rows = rng.int(1, 3);
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      const x0 = 26 + (i * (c.w - 52)) / cols;
      const y0 = 26 + (j * (c.h - 76)) / rows;
      c.rect(x0, y0, x0 + (c.w - 52) / cols - 8, y0 + (c.h - 76) / rows - 8, colour(rng, 150, 255));
      c.rect(x0 + 6, y0 + 6, x0 + 40, y0 + 14, PARTY_RED);
    }
  }
  c.rect(0, c.h - 24, c.w, c.h, colour(rng, 60, 110));
}

/** Outdoors (e.g. a 红色教育基地 visit): sky, sun, hills and a building. */
function landscape(c: Canvas, rng: Rng): void {
  c.gradient(0, 150, colour(rng, 80, 160), colour(rng, 190, 250));
  c.disc(rng.int(30, 290), rng.int(20, 60), rng.int(12, 22), [255, rng.int(200, 240), 120]);
  const hill = colour(rng, 40, 120);
  const phase = rng.next() * 6;
  const amp = rng.int(10, 30);
  for (let x = 0; x < c.w; x++) {
    const top = Math.round(120 + amp * Math.sin(phase + x / rng.int(30, 30)));
    c.rect(x, top, x + 1, 180, hill);
  }
  c.gradient(180, c.h, colour(rng, 100, 160), colour(rng, 60, 110));
  const bx = rng.int(60, 200);
  c.rect(bx, 90, bx + 70, 180, colour(rng, 150, 220));
  c.rect(bx + 30, 60, bx + 32, 90, [80, 80, 80]);
  c.rect(bx + 32, 60, bx + 52, 72, PARTY_RED);
}

/** A lecture: a screen with bars of a slide, a lectern and the backs of an audience. */
function lecture(c: Canvas, rng: Rng): void {
  c.gradient(0, c.h, colour(rng, 140, 200), colour(rng, 60, 120));
  c.rect(60, 20, 260, 130, [235, 235, 235]);
  c.rect(70, 30, 250, 44, PARTY_RED);
  for (let i = 0; i < 4; i++) c.rect(80, 56 + i * 16, 80 + rng.int(60, 160), 64 + i * 16, colour(rng, 40, 120));
  c.rect(20, 110, 50, 170, colour(rng, 90, 140));
  for (let row = 0; row < 2; row++) {
    for (let i = 0; i < 8; i++) c.disc(40 + i * 34 + row * 12, 190 + row * 30, 12, colour(rng, 10, 60));
  }
}

const SCENES = [meetingRoom, displayBoard, landscape, lecture] as const;
export type PhotoScene = 'room' | 'board' | 'outdoor' | 'lecture';
const SCENE_INDEX: Record<PhotoScene, number> = { room: 0, board: 1, outdoor: 2, lecture: 3 };

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, new Crc32().update(out.subarray(4, 8 + data.length)).digest());
  return out;
}

/**
 * A PNG of a scene drawn from `key`. `serial` (unique per photo in a data set) is drawn as a 32-pixel bar code in
 * the bottom-right corner, so photos of the same scene never share a SHA-256.
 */
export function makePhoto(key: string, serial: number, scene: PhotoScene): Uint8Array {
  const rng = new Rng(`photo:${key}`);
  const canvas = new Canvas(PHOTO_WIDTH, PHOTO_HEIGHT);
  SCENES[SCENE_INDEX[scene]](canvas, rng);
  for (let bit = 0; bit < 32; bit++) {
    const on = (serial >>> bit) & 1;
    canvas.rect(
      PHOTO_WIDTH - 36 + bit,
      PHOTO_HEIGHT - 6,
      PHOTO_WIDTH - 35 + bit,
      PHOTO_HEIGHT - 2,
      on ? [0, 0, 0] : [255, 255, 255],
    );
  }
  // Filter 1 (Sub) per row: flat areas become runs of zeros, which is what keeps the file at a few KB.
  const { px, w, h } = canvas;
  const stride = w * 3;
  const raw = new Uint8Array(h * (stride + 1));
  for (let y = 0; y < h; y++) {
    const out = y * (stride + 1);
    raw[out] = 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) raw[out + 1 + i] = (px[row + i]! - (i >= 3 ? px[row + i - 3]! : 0)) & 0xff;
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, w);
  view.setUint32(4, h);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 6 }))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}
