/**
 * Files taken from the build cache into the output folder as hard links: no bytes read or written, which
 * on this kind of disk is most of the cost of a rebuild's unchanged files. Across disks (a cache elsewhere)
 * a copy is made instead. A link is safe only while neither side is written in place: the cache's
 * writers rename new files in, and whatever is at the destination is removed before it is placed, so a
 * later write there makes a new file instead of going through an old link into the cache.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `dest` becomes the cache's file `cached`. */
export function place(cached: string, dest: string): void {
  rmSync(dest, { force: true });
  try {
    linkSync(cached, dest);
  } catch {
    copyFileSync(cached, dest);
  }
}

/** `bytes` written at `dest` as a new file: never through a link that an earlier `place` left there. */
export function writeNew(dest: string, bytes: Uint8Array): void {
  rmSync(dest, { force: true });
  writeFileSync(dest, bytes);
}

/** Every file below the folder `cached` placed at the same path below `dest`. */
export function placeTree(cached: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const e of readdirSync(cached, { withFileTypes: true })) {
    if (e.isDirectory()) placeTree(join(cached, e.name), join(dest, e.name));
    else place(join(cached, e.name), join(dest, e.name));
  }
}
