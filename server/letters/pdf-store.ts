/**
 * Rendered letters (and inspection sheets) on disk, named by the SHA-256 of their content:
 * STORAGE_DIR/letters/ab/cd/abcd....pdf (server/core/content-store.ts).
 */
import { contentStore } from '../core/content-store';

export { sha256 } from '../core/content-store';

const store = contentStore('letters', 'pdf');

export const pdfPath = (hash: string): string => store.path(hash);

/** Stores the bytes; returns the hash. */
export const putPdf = (bytes: Uint8Array): Promise<{ sha256: string; bytes: number }> => store.put(bytes);

export const getPdf = (hash: string): Promise<Uint8Array> => store.get(hash);
