/**
 * Photos of inspection findings on disk, named by the SHA-256 of their content, as the letters
 * are: STORAGE_DIR/photos/ab/cd/abcd....jpg (server/core/content-store.ts). Only re-encoded
 * photos come here (inspection-photos.service.ts), never what the phone sent.
 */
import { contentStore } from '../core/content-store';

const store = contentStore('photos', 'jpg');

/** Where the photo with this content hash is kept. */
export const photoPath = (hash: string): string => store.path(hash);

/** Stores the bytes (same content twice: one file, written atomically); returns the hash. */
export const putPhoto = (bytes: Uint8Array): Promise<{ sha256: string; bytes: number }> => store.put(bytes);

export const getPhoto = (hash: string): Promise<Uint8Array> => store.get(hash);
