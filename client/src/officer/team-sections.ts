/**
 * The sections of the officers' page beyond the map and the letters (inspections, evenings,
 * effect, embedding, ...). Each registers one mount function here; main.ts mounts them all once,
 * after sign-in, when the first municipality is shown. A section reads the municipality from the
 * store (and follows its changes) and draws on the map through `map()`.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { SessionUser } from './api';
import { mountEffectSection } from './effect-panel';
import type { OfficerStore } from './officer-store';

/** What a section gets to work with. */
export interface SectionContext {
  store: OfficerStore;
  user: SessionUser;
  /** The officers' map once it exists. */
  map: () => MlMap | undefined;
  /** Shows an error in the page's message line (and signs out on 401). */
  showError: (err: unknown) => void;
}

type MountSection = (ctx: SectionContext) => void;

/** Add a section's mount function here. */
const SECTIONS: MountSection[] = [mountEffectSection];

/** Mounts every registered section. */
export function mountTeamSections(ctx: SectionContext): void {
  for (const mount of SECTIONS) mount(ctx);
}
