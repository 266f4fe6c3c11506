// Draws the installable app's icons (public/icons) from the favicon's shape: run with
// `node scripts/pwa-icons.mjs` after changing app/icon.svg's drawing.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const out = path.join(import.meta.dirname, "..", "public", "icons");

// A maskable icon keeps its drawing inside the middle 80% (the safe zone), on a full-bleed background.
function svg(size, { maskable }) {
  const scale = maskable ? 0.6 : 0.8;
  const inset = (size * (1 - scale)) / 2;
  const radius = maskable ? 0 : size * 0.22;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="#254dac"/>
  <g transform="translate(${inset} ${inset}) scale(${(size * scale) / 32})">
    <path d="M9 24V13.5L16 8l7 5.5V24h-5v-6h-4v6z" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/>
  </g>
</svg>`;
}

await mkdir(out, { recursive: true });
for (const [name, size, maskable] of [["icon-192.png", 192, false], ["icon-512.png", 512, false], ["maskable-512.png", 512, true]]) {
  await sharp(Buffer.from(svg(size, { maskable }))).png().toFile(path.join(out, name));
  console.log(`public/icons/${name}`);
}
