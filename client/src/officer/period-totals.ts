/** The toolbar's one line of totals: burglaries in the period, clusters, active cocoons. */
import type { OfficerStore } from './officer-store';

/**
 * Writes the totals into `host` whenever new figures arrive.
 *
 * @param host - the toolbar's totals paragraph
 */
export function mountPeriodTotals(host: HTMLElement, store: OfficerStore): void {
  store.subscribe(['activity'], (s) => {
    if (!s.activity || !s.clusters || !s.zones) return;
    const cocoons = s.zones.features.filter((z) => z.properties.kind === 'cocoon').length;
    host.textContent = `${s.activity.totals.incidents} inbraken en pogingen in ${s.days} dagen · ${s.clusters.features.length} clusters · ${cocoons} cocons actief`;
  });
}
