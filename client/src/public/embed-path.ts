/**
 * `/embed/GM0503?lang=en` is the public map for an iframe (server/embed): the same page as
 * `/?embed=1&gemeente=GM0503`. The parameters the page reads, whichever way it was opened.
 */
export function pageParams(loc: { pathname: string; search: string }): URLSearchParams {
  const params = new URLSearchParams(loc.search);
  const m = /^\/embed\/([A-Za-z0-9_-]{2,20})\/?$/.exec(loc.pathname);
  if (m) {
    params.set('gemeente', m[1]!.toUpperCase());
    params.set('embed', '1');
  }
  return params;
}
