// Draws the app icon (a red ledger with a gold star) from one procedural source into every size the installers need.
// Run: node scripts/make-icons.mjs — writes resources/icons/<N>x<N>.png and resources/icons/icon.png (512).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const SUPERSAMPLE = 4;

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square; each returns true when (x, y) is inside.
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const STAR = (() => {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? 0.13 : 0.052;
    pts.push([0.5 + r * Math.cos(a), 0.33 + r * Math.sin(a)]);
  }
  return pts;
})();

const inPolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const RED = [200, 16, 46, 255];
const GOLD = [255, 204, 0, 255];
const PAPER = [255, 248, 235, 255];
const LINE = [200, 16, 46, 255];

function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return [0, 0, 0, 0];
  if (inPolygon(x, y, STAR)) return GOLD;
  // The ledger: an open page below the star with ruled lines.
  if (inRoundedRect(x, y, 0.22, 0.52, 0.78, 0.86, 0.03)) {
    const rule = [0.6, 0.67, 0.74, 0.81].some((ly) => Math.abs(y - ly) < 0.012) && x > 0.28 && x < 0.72;
    return rule ? LINE : PAPER;
  }
  return RED;
}

function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (py * size + px) * 4;
      const a = acc[3];
      out[o] = a ? Math.round(acc[0] / a) : 0;
      out[o + 1] = a ? Math.round(acc[1] / a) : 0;
      out[o + 2] = a ? Math.round(acc[2] / a) : 0;
      out[o + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(size, out);
}

const dir = new URL('../resources/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  const png = render(size);
  writeFileSync(new URL(`${size}x${size}.png`, dir), png);
  if (size === 512) writeFileSync(new URL('icon.png', dir), png);
}
console.log(`icons written: ${SIZES.join(', ')}`);
