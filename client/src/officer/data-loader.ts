/**
 * Loads the figures into the store: street activity, clusters and risk zones of the chosen
 * period (a newer load wins over an older one still under way), and the Knox test.
 */
import { api } from './api';
import type { OfficerStore } from './officer-store';
import { period } from './period';
import { messages } from './i18n';

const t = messages({
  nl: { loading: 'Gegevens worden geladen…' },
  en: { loading: 'Loading the figures…' },
});

const DAY_MS = 86_400_000;

/** Fills the store with the figures of the municipality and period on screen. */
export class DataLoader {
  private seq = 0;

  /**
   * @param message - shows a status line ('' clears it)
   * @param mapLoaded - resolves once the map can show what is loaded (see `OfficerMap.loaded`)
   */
  constructor(
    private readonly store: OfficerStore,
    private readonly message: (text: string) => void,
    private readonly mapLoaded: () => Promise<void>,
  ) {}

  /** Loads the figures of the store's municipality and period; resolves when the map has them. */
  async loadPeriod(): Promise<void> {
    const seq = ++this.seq;
    const s = this.store.get();
    const p = period(s.days);
    const q = { municipality: s.municipality!.code, ...p };
    this.message(t('loading'));
    const [activity, clusters, zones] = await Promise.all([
      api.activity(q),
      api.clusters(q),
      api.riskZones(q.municipality),
    ]);
    if (seq !== this.seq) return;
    this.store.dataLoaded({ period: p, activity, clusters, zones });
    // The map takes the figures from the store once it has loaded (map-sync.ts).
    await this.mapLoaded();
    this.message('');
  }

  /** Computes the Knox test of the store's municipality. */
  async loadKnox(): Promise<void> {
    this.store.setKnox({ status: 'computing' });
    try {
      // The Knox test needs many pairs to say anything: it always looks at the last 365 days.
      const to = new Date();
      const result = await api.knox({
        municipality: this.store.get().municipality!.code,
        from: new Date(to.getTime() - 365 * DAY_MS),
        to,
      });
      this.store.setKnox({ status: 'ready', result });
    } catch (err) {
      this.store.setKnox({ status: 'failed', message: (err as Error).message });
    }
  }
}
