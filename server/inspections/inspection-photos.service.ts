/**
 * Photos of findings (issue 11): the phone sends one per finding after the finding itself; the
 * server re-encodes it without metadata (photo-encoding.ts), stores it by content hash
 * (photo-store.ts) and records it on the finding. Sending it again replaces it (PUT).
 */
import { audit } from '../audit/audit';
import { db } from '../core/db';
import { BadInputError, NotFoundError } from '../core/errors';
import { encodePhoto, PHOTO_TYPES } from './photo-encoding';
import { getPhoto, putPhoto } from './photo-store';
import { load, type Actor } from './inspections.service';
import * as repo from './inspections.repo';

/** PUT /api/inspections/:id/findings/:findingId/photo */
export async function storePhoto(
  id: number,
  findingId: string,
  contentType: string | undefined,
  body: unknown,
  actor: Actor,
): Promise<{ id: string; photo: true; bytes: number }> {
  const r = await load(db(), id, actor);
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(PHOTO_TYPES as readonly string[]).includes(type))
    throw new BadInputError(
      `Content-Type '${type || 'none'}': send the photo itself as the body, as ${PHOTO_TYPES.join(', ')}`,
    );
  if (!(body instanceof Uint8Array) || body.length === 0)
    throw new BadInputError('the body is empty: send the photo itself as the body');
  if ((await repo.findingPhoto(db(), id, findingId)) === undefined)
    throw new NotFoundError(`no finding ${findingId} in inspection ${id}: send the finding first`);
  const file = await putPhoto(await encodePhoto(body));
  await repo.setPhoto(db(), id, findingId, file);
  await audit(db(), {
    userId: actor.userId,
    actor: actor.actor,
    action: 'inspection.photo',
    municipalityId: r.municipality_id,
    subjectType: 'inspection',
    subjectId: id,
    details: { finding: findingId, bytes: file.bytes },
    ip: actor.ip ?? null,
  });
  return { id: findingId, photo: true, bytes: file.bytes };
}

/** GET /api/inspections/:id/findings/:findingId/photo: the stored (re-encoded) JPEG. */
export async function photo(id: number, findingId: string, actor: Actor): Promise<Uint8Array> {
  await load(db(), id, actor);
  const hash = await repo.findingPhoto(db(), id, findingId);
  if (!hash) throw new NotFoundError(`finding ${findingId} of inspection ${id} has no photo`);
  return getPhoto(hash);
}
