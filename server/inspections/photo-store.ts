/**
 * Photos of inspection findings on disk, named by the SHA-256 of their content, as the letters
 * are (server/letters/pdf-store.ts): STORAGE_DIR/photos/ab/cd/abcd....jpg. Only re-encoded
 * photos come here (inspection-photos.ts), never what the phone sent.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../core/config';
import { sha256 } from '../letters/pdf-store';

/** Where the photo with this content hash is kept. */
export function photoPath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: '${hash}'`);
  return path.join(config().STORAGE_DIR, 'photos', hash.slice(0, 2), hash.slice(2, 4), `${hash}.jpg`);
}

/** Stores the bytes (same content twice: one file, written atomically); returns the hash. */
export async function putPhoto(bytes: Uint8Array): Promise<{ sha256: string; bytes: number }> {
  const hash = sha256(bytes);
  const file = photoPath(hash);
  try {
    await fs.access(file);
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  }
  return { sha256: hash, bytes: bytes.length };
}

export async function getPhoto(hash: string): Promise<Uint8Array> {
  return fs.readFile(photoPath(hash));
}
