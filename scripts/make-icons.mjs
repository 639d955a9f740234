// Renders public/icon.svg to the PNG sizes the web manifest lists, with the project's headless Chromium.
// Run after editing the SVG: `node scripts/make-icons.mjs`; commit the PNGs it writes.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const SIZES = [192, 512];
const publicDir = new URL('../public/', import.meta.url);
const svg = await readFile(new URL('icon.svg', publicDir), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const path = new URL(`icon-${size}.png`, publicDir).pathname;
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
