/** Which municipalities an officer may see. */
import type { MunicipalityInfo, SessionUser } from './api';

/**
 * The municipalities of `all` this user may see (GET /api/session names them by code), in the
 * order of `all`.
 */
export function userMunicipalities(
  user: Pick<SessionUser, 'municipalityCodes'>,
  all: MunicipalityInfo[],
): MunicipalityInfo[] {
  const codes = user.municipalityCodes;
  return codes === 'all' ? all : all.filter((m) => codes.includes(m.code));
}
