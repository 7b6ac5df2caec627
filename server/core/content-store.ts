/**
 * Files on disk named by the SHA-256 of their content: STORAGE_DIR/<folder>/ab/cd/abcd....<ext>.
 * Writing the same content twice is harmless (same name, atomic rename), which is what makes a
 * worker's retry safe; an object store can replace this module. Letters' PDFs and inspection
 * photos are kept this way (pdf-store.ts, photo-store.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from './config';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export interface ContentStore {
  /** Where the file with this content hash is kept. */
  path(hash: string): string;
  /** Stores the bytes (once per content); returns their hash and size. */
  put(bytes: Uint8Array): Promise<{ sha256: string; bytes: number }>;
  get(hash: string): Promise<Uint8Array>;
}

/** A store in STORAGE_DIR/`folder` with files ending in `.ext`. */
export function contentStore(folder: string, ext: string): ContentStore {
  const where = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: '${hash}'`);
    return path.join(config().STORAGE_DIR, folder, hash.slice(0, 2), hash.slice(2, 4), `${hash}.${ext}`);
  };
  return {
    path: where,
    async put(bytes) {
      const hash = sha256(bytes);
      const file = where(hash);
      try {
        await fs.access(file);
      } catch {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
        await fs.writeFile(tmp, bytes);
        await fs.rename(tmp, file);
      }
      return { sha256: hash, bytes: bytes.length };
    },
    get: (hash) => fs.readFile(where(hash)),
  };
}
