/** The toolbar's one line of totals: burglaries in the period, clusters, active cocoons. */
import type { OfficerStore } from './officer-store';
import { messages } from './i18n';

const t = messages({
  nl: { totals: '{n} inbraken en pogingen in {days} dagen · {clusters} clusters · {cocoons} cocons actief' },
  en: {
    totals: '{n} burglaries and attempts in {days} days · {clusters} clusters · {cocoons} cocoons active',
  },
});

/**
 * Writes the totals into `host` whenever new figures arrive.
 *
 * @param host - the toolbar's totals paragraph
 */
export function mountPeriodTotals(host: HTMLElement, store: OfficerStore): void {
  store.subscribe(['activity'], (s) => {
    if (!s.activity || !s.clusters || !s.zones) return;
    const cocoons = s.zones.features.filter((z) => z.properties.kind === 'cocoon').length;
    host.textContent = t('totals', {
      n: s.activity.totals.incidents,
      days: s.days,
      clusters: s.clusters.features.length,
      cocoons,
    });
  });
}
