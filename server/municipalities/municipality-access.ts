/**
 * Which municipality a request is about, and whether its sender may see it: the one rule for
 * every route, service and command. An officer sees the municipalities they are granted; an
 * admin and the command line see all.
 *
 * - A request that names no municipality means the sender's only one (400 when there are several).
 * - An unknown code answers 404 where the code names what is read (`GET /api/clusters?municipality=`)
 *   and 400 where it is a field of what is sent (a new campaign, an import): `unknown`.
 * - A known municipality the sender may not see answers 403: codes are public (the public map
 *   lists them), so refusing one reveals nothing.
 * - A record (incident, campaign) of a municipality the sender may not see answers 404 like a
 *   missing one: a 403 would confirm the id exists (`seesMunicipality` + NotFoundError).
 */
import { z } from 'zod';
import { db, type Queryable } from '../core/db';
import { BadInputError, ForbiddenError, NotFoundError } from '../core/errors';
import {
  allMunicipalityIds,
  municipalityByCode,
  municipalityById,
  type MunicipalityRef,
} from './municipalities.repo';

/** A municipality code as CBS writes it (GM0503), or a test/demo code of the same shape. */
export const MUNICIPALITY_CODE = /^[A-Z0-9_-]{2,20}$/;

/** The code at an input boundary (query, form, JSON body): a 400 naming the parameter otherwise. */
export const MunicipalityCode = z.string().regex(MUNICIPALITY_CODE, "a municipality code like 'GM0503'");

/** Whose access is decided: a signed-in user (CurrentUser) or an Actor of the command line. */
export interface Viewer {
  municipalities: number[] | 'all';
}

/** Whether the viewer may see this municipality's data. */
export function seesMunicipality(viewer: Viewer, municipalityId: number): boolean {
  return viewer.municipalities === 'all' || viewer.municipalities.includes(municipalityId);
}

/** Throws ForbiddenError (403) unless the viewer may see this municipality. */
export function assertSeesMunicipality(viewer: Viewer, municipalityId: number): void {
  if (!seesMunicipality(viewer, municipalityId))
    throw new ForbiddenError('you have no access to this municipality');
}

/** The viewer's only municipality; undefined for an admin or an officer of several. */
export function onlyMunicipality(viewer: Viewer): number | undefined {
  return viewer.municipalities !== 'all' && viewer.municipalities.length === 1
    ? viewer.municipalities[0]
    : undefined;
}

/** The ids of every municipality the viewer sees (all of them for an admin). */
export async function visibleMunicipalityIds(viewer: Viewer, q: Queryable = db()): Promise<number[]> {
  return viewer.municipalities === 'all' ? allMunicipalityIds(q) : viewer.municipalities;
}

/** How a request names its municipality. */
export interface MunicipalityParam {
  /** The parameter as the sender knows it, for messages: "query parameter 'municipality'". */
  param: string;
  /** What an unknown code answers (see the module comment). */
  unknown: 'not-found' | 'bad-input';
}

/**
 * The municipality a request is about: the one with `code`, or the viewer's only one when no
 * code is given; checked against the viewer's access (see the module comment for the answers).
 */
export async function requestedMunicipality(
  viewer: Viewer,
  code: string | undefined,
  how: MunicipalityParam,
  q: Queryable = db(),
): Promise<MunicipalityRef> {
  if (!code) {
    const only = onlyMunicipality(viewer);
    const m = only === undefined ? undefined : await municipalityById(q, only);
    if (!m) throw new BadInputError(`${how.param}: say which municipality, by its code (e.g. GM0503)`);
    return { id: m.id, code: m.code, name: m.name };
  }
  const m = await municipalityByCode(q, code);
  if (!m) {
    throw how.unknown === 'not-found'
      ? new NotFoundError(`no municipality '${code}'`)
      : new BadInputError(`${how.param}: no municipality with code '${code}'`);
  }
  assertSeesMunicipality(viewer, m.id);
  return { id: m.id, code: m.code, name: m.name };
}
