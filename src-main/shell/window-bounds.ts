import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

// Where the main window was, kept between runs. No Electron here, so it is tested in Node.

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

export type WindowBounds = z.infer<typeof boundsSchema>;
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The saved bounds, or undefined when there are none or the file is damaged (a fresh window then). */
export function readWindowBounds(file: string): WindowBounds | undefined {
  try {
    const parsed = boundsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole to a temporary file and renamed, so a crash never leaves half a file. */
export function writeWindowBounds(file: string, bounds: WindowBounds): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(bounds));
  renameSync(temporary, file);
}

function overlap(a: Area, b: Area): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Saved bounds made to fit the displays there are now: a window on a monitor that was unplugged
 * comes back on the one it overlaps most (or the first), shrunk to fit and fully on screen.
 * Undefined when there is no display to go by.
 */
export function fitToDisplays(bounds: WindowBounds, workAreas: readonly Area[]): WindowBounds | undefined {
  const best = [...workAreas].sort((a, b) => overlap(bounds, b) - overlap(bounds, a))[0];
  if (best === undefined) return undefined;
  const width = Math.min(bounds.width, best.width);
  const height = Math.min(bounds.height, best.height);
  const x = Math.min(Math.max(bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(bounds.y, best.y), best.y + best.height - height);
  return { ...bounds, x, y, width, height };
}
