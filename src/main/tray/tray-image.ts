/**
 * Tray icons drawn at run time: three backend dots in a row (like the app icon), tinted by health —
 * green when all is up, red when something is down, grey while unknown.
 */
import { encodePng } from './png';
import type { HealthLevel } from './health-summary';

type Rgb = readonly [number, number, number];

export const TRAY_COLOURS: Record<HealthLevel, Rgb> = {
  ok: [46, 160, 67],
  problem: [218, 54, 51],
  unknown: [139, 148, 158],
};

/** Draws the tray icon as RGBA pixels (anti-aliased discs). */
export function drawTrayPixels(level: HealthLevel, size = 32): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const [r, g, b] = TRAY_COLOURS[level];
  const radius = size * 0.15;
  const centres = [0.2, 0.5, 0.8].map((fx, i) => [fx * size, (i === 1 ? 0.3 : 0.65) * size] as const);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (const [cx, cy] of centres) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        cover = Math.max(cover, Math.min(1, Math.max(0, radius + 0.5 - d)));
      }
      const i = (y * size + x) * 4;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = Math.round(cover * 255);
    }
  }
  return px;
}

/** Returns the tray icon as a PNG data URL for `nativeImage.createFromDataURL`. */
export function trayImageDataUrl(level: HealthLevel, size = 32): string {
  return `data:image/png;base64,${encodePng(size, size, drawTrayPixels(level, size)).toString('base64')}`;
}
