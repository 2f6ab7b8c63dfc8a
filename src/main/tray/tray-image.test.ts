import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { crc32, encodePng } from './png';
import { drawTrayPixels, trayImageDataUrl, TRAY_COLOURS } from './tray-image';

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes a PNG whose pixels decode back', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    const png = encodePng(2, 2, rgba);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png.readUInt32BE(20)).toBe(2);
    const idatLen = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    expect([...raw]).toEqual([0, ...rgba.subarray(0, 8), 0, ...rgba.subarray(8)]);
    expect(png.readUInt32BE(41 + idatLen)).toBe(crc32(png.subarray(37, 41 + idatLen)));
  });

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('tray image', () => {
  it('tints the dots by level and leaves the corners transparent', () => {
    for (const level of ['ok', 'problem', 'unknown'] as const) {
      const px = drawTrayPixels(level, 32);
      expect(px[3]).toBe(0);
      const centre = (Math.round(0.3 * 32) * 32 + 16) * 4;
      expect([...px.subarray(centre, centre + 4)]).toEqual([...TRAY_COLOURS[level], 255]);
    }
  });

  it('returns distinct PNG data URLs for up and down', () => {
    const up = trayImageDataUrl('ok');
    expect(up).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(up).not.toBe(trayImageDataUrl('problem'));
  });
});
