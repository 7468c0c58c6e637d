/**
 * Regenerates every app icon from icon.svg and tray.svg: `node resources/build/generate-icons.ts`.
 * Chromium (the one the e2e suite uses) rasterises the SVGs; the .ico and .icns containers are written here
 * (both may hold PNG data as-is). Outputs: resources/build/icon.{png,ico,icns}, resources/build/icons/<n>x<n>.png
 * (Linux), resources/icons/{icon,tray,tray@2x}.png (loaded at run time).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../../playwright.config.ts';

const here = import.meta.dirname;
const runtimeDir = path.join(here, '../icons');
const linuxDir = path.join(here, 'icons');

/** ICO with PNG entries (Windows Vista and later); a 256 px entry is written as width/height 0. */
export function encodeIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** The ICNS types that hold PNG data, by pixel size (the @2x types share pixels with the next size up). */
export const ICNS_TYPES: Array<[string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

export function encodeIcns(pngBySize: Map<number, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`no ${size} px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const render = async (svgFile: string, size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    const svg = fs.readFileSync(path.join(here, svgFile), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const pngBySize = new Map<number, Buffer>();
  for (const size of sizes) pngBySize.set(size, await render('icon.svg', size));

  fs.mkdirSync(linuxDir, { recursive: true });
  fs.mkdirSync(runtimeDir, { recursive: true });
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
    fs.writeFileSync(path.join(linuxDir, `${size}x${size}.png`), pngBySize.get(size)!);
  fs.writeFileSync(path.join(here, 'icon.png'), pngBySize.get(1024)!);
  fs.writeFileSync(
    path.join(here, 'icon.ico'),
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngBySize.get(size)! }))),
  );
  fs.writeFileSync(path.join(here, 'icon.icns'), encodeIcns(pngBySize));
  fs.writeFileSync(path.join(runtimeDir, 'icon.png'), pngBySize.get(512)!);
  fs.writeFileSync(path.join(runtimeDir, 'tray.png'), await render('tray.svg', 16));
  fs.writeFileSync(path.join(runtimeDir, 'tray@2x.png'), await render('tray.svg', 32));
  await browser.close();
}

if (import.meta.main) await main();
