/**
 * `npx tsx scripts/make-icons.ts`: draws the two Teams app icons into manifest/.
 *
 *   color.png    192×192, calm blue background (the manifest's accentColor), a white shield with a blue tick.
 *   outline.png   32×32, the same shield and tick as white lines on a fully transparent background: Teams
 *                 tints the outline icon itself, so every pixel must be pure white and only alpha may vary.
 *
 * The shapes are plain geometry, rendered with 4×4 supersampling for smooth edges, so the PNGs are
 * reproducible from this file alone (a test checks the committed icons still match what it draws).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT_COLOR = '#2F6DB5';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** Where the shield sits inside the icon, in pixels. */
interface Box { left: number; top: number; width: number; height: number }

const WHITE: Rgb = [255, 255, 255];
const SUPERSAMPLING = 4;

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** A heater shield: straight sides for the upper 45 %, then curving in to a point; rounded top corners. */
function insideShield([x, y]: Point, box: Box): boolean {
  const u = (x - box.left) / box.width;
  const v = (y - box.top) / box.height;
  if (v < 0 || v > 1) return false;
  const dx = Math.abs(u - 0.5);
  const corner = 0.1;
  if (v < corner && dx > 0.5 - corner) {
    return Math.hypot(dx - (0.5 - corner), (v - corner) * (box.height / box.width)) <= corner;
  }
  const shoulder = 0.45;
  const t = v < shoulder ? 0 : (v - shoulder) / (1 - shoulder);
  return dx <= 0.5 * (1 - t * t);
}

/** Inside the shield and at least `inset` pixels from its edge (checked on a circle of 16 points). */
function insideShieldInset(point: Point, box: Box, inset: number): boolean {
  if (!insideShield(point, box)) return false;
  for (let i = 0; i < 16; i++) {
    const angle = (i / 16) * 2 * Math.PI;
    if (!insideShield([point[0] + inset * Math.cos(angle), point[1] + inset * Math.sin(angle)], box)) return false;
  }
  return true;
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The tick inside the shield, as a two-segment line with round ends, in the shield's own proportions. */
function onTick(point: Point, box: Box, strokeWidth: number): boolean {
  const at = (u: number, v: number): Point => [box.left + u * box.width, box.top + v * box.height];
  const [start, bend, end] = [at(0.29, 0.48), at(0.44, 0.63), at(0.72, 0.33)];
  return Math.min(distanceToSegment(point, start, bend), distanceToSegment(point, bend, end)) <= strokeWidth / 2;
}

/** Renders an icon by averaging the colour (or null = transparent) of SUPERSAMPLING² points per pixel. */
function render(size: number, colourAt: (point: Point) => Rgb | null): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const colour = colourAt([x + (sx + 0.5) / SUPERSAMPLING, y + (sy + 0.5) / SUPERSAMPLING]);
          if (!colour) continue;
          [r, g, b, covered] = [r + colour[0], g + colour[1], b + colour[2], covered + 1];
        }
      }
      const offset = (y * size + x) * 4;
      // Fully transparent pixels are stored as white, so an outline icon holds no other colour at all.
      png.data[offset] = covered ? Math.round(r / covered) : 255;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 255;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 255;
      png.data[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return png;
}

export function drawColorIcon(): PNG {
  const blue = hexToRgb(ACCENT_COLOR);
  // The symbol stays inside the central ~120 px that Teams guidelines keep clear of cropping.
  const box: Box = { left: 46, top: 36, width: 100, height: 120 };
  return render(192, (point) => {
    if (!insideShield(point, box)) return blue;
    return onTick(point, box, 13) ? blue : WHITE;
  });
}

export function drawOutlineIcon(): PNG {
  const box: Box = { left: 4, top: 2, width: 24, height: 28 };
  return render(32, (point) => {
    const onOutline = insideShield(point, box) && !insideShieldInset(point, box, 2);
    return onOutline || onTick(point, box, 2.5) ? WHITE : null;
  });
}

function main(): void {
  const manifestDir = join(__dirname, '..', 'manifest');
  writeFileSync(join(manifestDir, 'color.png'), PNG.sync.write(drawColorIcon()));
  writeFileSync(join(manifestDir, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
  process.stdout.write(`Wrote ${join(manifestDir, 'color.png')} and ${join(manifestDir, 'outline.png')}\n`);
}

if (require.main === module) main();
