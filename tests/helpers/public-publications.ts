/**
 * Tests that change a municipality's burglaries and then look at the public map: the public
 * figures come from published months, which never change (server/public/public.publication.ts),
 * so such a test withdraws them first, as an operator would after a data correction.
 */
import type { Queryable } from '../../server/core/db';
import { municipalityByCode } from '../../server/municipalities/municipalities.repo';
import { withdrawPublications } from '../../server/public/public.publication';
import { clearPublicCache } from '../../server/public/public.routes';

export async function republish(q: Queryable, code = 'GM0503'): Promise<void> {
  const m = await municipalityByCode(q, code);
  if (!m) throw new Error(`no municipality ${code}`);
  await withdrawPublications(m.id, 'test');
  clearPublicCache();
}
