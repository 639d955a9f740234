// Renders public/icon.svg to the PNG sizes the web manifest lists, with the project's headless Chromium.
// Run after editing the SVG: `node scripts/make-icons.mjs`; commit the PNGs it writes.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

// [file, size, svg transform]: the maskable icon is full-bleed with the mark inside the 80% safe circle.
const maskable = (svg) => svg
  .replace('<rect width="512" height="512" rx="112" fill="url(#bg)"/>', '<rect width="512" height="512" fill="url(#bg)"/><g transform="translate(76.8 76.8) scale(0.7)">')
  .replace('</svg>', '</g></svg>');
const ICONS = [['icon-192.png', 192, (s) => s], ['icon-512.png', 512, (s) => s], ['icon-maskable-512.png', 512, maskable]];
const publicDir = new URL('../public/', import.meta.url);
const svg = await readFile(new URL('icon.svg', publicDir), 'utf8');

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const [file, size, variant] of ICONS) {
    const src = `data:image/svg+xml;base64,${Buffer.from(variant(svg)).toString('base64')}`;
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const path = new URL(file, publicDir).pathname;
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
