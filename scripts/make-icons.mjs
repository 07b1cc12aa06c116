// Draws Cairn's icon (three stacked stones) into PNGs under resources/. Run once; the PNGs are
// committed. No image library needed: raw RGBA → zlib → PNG chunks.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const stones = [
  { cx: 0.5, cy: 0.76, rx: 0.36, ry: 0.13 },
  { cx: 0.5, cy: 0.52, rx: 0.26, ry: 0.11 },
  { cx: 0.5, cy: 0.32, rx: 0.16, ry: 0.085 },
];

function draw(size, color, background) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let coverage = 0;
      // 4×4 supersampling for smooth edges.
      for (let sy = 0; sy < 4; sy += 1) {
        for (let sx = 0; sx < 4; sx += 1) {
          const u = (x + (sx + 0.5) / 4) / size;
          const v = (y + (sy + 0.5) / 4) / size;
          if (stones.some((s) => ((u - s.cx) / s.rx) ** 2 + ((v - s.cy) / s.ry) ** 2 <= 1)) coverage += 1;
        }
      }
      const alpha = coverage / 16;
      const offset = (y * size + x) * 4;
      const [r, g, b, a] = background ?? [0, 0, 0, 0];
      pixels[offset] = Math.round(color[0] * alpha + r * (1 - alpha));
      pixels[offset + 1] = Math.round(color[1] * alpha + g * (1 - alpha));
      pixels[offset + 2] = Math.round(color[2] * alpha + b * (1 - alpha));
      pixels[offset + 3] = Math.round(255 * alpha + a * (1 - alpha));
    }
  }
  return pixels;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const slate = [62, 72, 84];
writeFileSync('resources/icon.png', png(512, draw(512, [245, 241, 232], [44, 52, 62, 255])));
writeFileSync('resources/tray.png', png(32, draw(32, slate)));
writeFileSync('resources/trayTemplate.png', png(32, draw(32, [0, 0, 0])));
