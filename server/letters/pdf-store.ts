/**
 * Rendered letters on disk, named by the SHA-256 of their content:
 * STORAGE_DIR/letters/ab/cd/abcd....pdf. Writing the same content twice is harmless (same name,
 * atomic rename), which is what makes retries safe; an object store can replace this module.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../core/config';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function pdfPath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: '${hash}'`);
  return path.join(config().STORAGE_DIR, 'letters', hash.slice(0, 2), hash.slice(2, 4), `${hash}.pdf`);
}

/** Stores the bytes; returns the hash. */
export async function putPdf(bytes: Uint8Array): Promise<{ sha256: string; bytes: number }> {
  const hash = sha256(bytes);
  const file = pdfPath(hash);
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

export async function getPdf(hash: string): Promise<Uint8Array> {
  return fs.readFile(pdfPath(hash));
}
