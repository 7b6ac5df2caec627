/**
 * Findings waiting to be sent, kept in IndexedDB on the phone: streets often have poor
 * reception, and a finding must survive a closed tab. Each finding has an id made here, so the
 * server stores it once however often it is sent (a lost answer means it is sent again).
 */
import type { PendingFinding } from './api';

const DB_NAME = 'preventiekaart-schouw';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cannot be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : (undefined as T));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

/** Keeps findings until they are sent. */
export const outbox = {
  add: (findings: PendingFinding[]) =>
    run<void>('readwrite', (s) => {
      for (const f of findings) s.put(f);
    }),
  all: async (inspectionId: number): Promise<PendingFinding[]> =>
    (await run<PendingFinding[]>('readonly', (s) => s.getAll() as IDBRequest<PendingFinding[]>)).filter(
      (f) => f.inspectionId === inspectionId,
    ),
  /** The server has these findings; those with a photo stay until the photo is sent. */
  markSent: (findings: PendingFinding[]) =>
    run<void>('readwrite', (s) => {
      for (const f of findings) s.put({ ...f, sent: true });
    }),
  remove: (ids: string[]) =>
    run<void>('readwrite', (s) => {
      for (const id of ids) s.delete(id);
    }),
};

/** A random (version 4) UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
