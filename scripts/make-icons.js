// Draws the add-in's icons (16/32/64/80 px PNG) without any image tool: a green rounded square with a
// white check mark. Run once; the PNGs are committed in assets/.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) pixel(x, y).forEach((v, i) => (raw[y * (size * 4 + 1) + 1 + x * 4 + i] = v));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
for (const size of [16, 32, 64, 80]) {
  const r = size * 0.18;
  const buf = png(size, (x, y) => {
    const cx = x + 0.5, cy = y + 0.5;
    const qx = Math.max(r - cx, 0, cx - (size - r)), qy = Math.max(r - cy, 0, cy - (size - r));
    if (Math.hypot(qx, qy) > r) return [0, 0, 0, 0];
    const s = size;
    const d = Math.min(distToSegment(cx, cy, 0.24 * s, 0.52 * s, 0.43 * s, 0.7 * s), distToSegment(cx, cy, 0.43 * s, 0.7 * s, 0.78 * s, 0.3 * s));
    return d < size * 0.075 ? [255, 255, 255, 255] : [0x10, 0x7c, 0x41, 255];
  });
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), buf);
}
console.log('icons written');
