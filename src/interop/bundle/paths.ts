/**
 * Entry names a bundle may hold: relative, '/'-separated, normal paths. Anything that could land outside the
 * folder it is unpacked into, or be read differently on another system, is refused with the reason.
 */
import { invalidParam } from '../../core/errors';

export type EntryPath = { kind: 'file' | 'folder'; path: string } | { kind: 'junk' };

const unsafe = (name: string, why: string) => invalidParam(`Unsafe path ${JSON.stringify(name)} in the zip: ${why}.`);

/** Checks one entry name; `__MACOSX/` and `.DS_Store` entries (macOS Finder's) are reported as junk to skip. */
export function checkEntryPath(name: string, maxLength: number): EntryPath {
  if (name.length > maxLength) throw unsafe(name.slice(0, 80) + '…', `longer than ${maxLength} characters`);
  if (name.includes('\\')) throw unsafe(name, 'backslashes are not allowed (use /)');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) throw unsafe(name, 'control characters are not allowed');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe(name, 'absolute paths are not allowed');
  const folder = name.endsWith('/');
  const parts = (folder ? name.slice(0, -1) : name).split('/');
  if (parts.includes('..')) throw unsafe(name, "'..' segments are not allowed");
  if (parts.some((p) => p === '' || p === '.')) throw unsafe(name, "empty or '.' path segments are not allowed");
  if (parts[0] === '__MACOSX' || parts[parts.length - 1] === '.DS_Store') return { kind: 'junk' };
  return { kind: folder ? 'folder' : 'file', path: parts.join('/') };
}
