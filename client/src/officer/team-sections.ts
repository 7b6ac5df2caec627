/**
 * The sections of the officers' page beyond the map and the letters (inspections, evenings,
 * effect, embedding, ...). Each registers one mount function here; main.ts mounts them all once,
 * after sign-in, when the first municipality is shown. A section reads the municipality from the
 * store (and follows its changes) and draws on the map through `map()`.
 */
import { mountEffectSection } from './effect-panel';
import { mountInspections } from './inspection-panel';
import type { SectionContext } from './section-context';
import { mountEveningPanel } from './evening-panel';
import { mountCalendarFeed } from './calendar-feed-panel';
import { mountEmbedPanel } from './embed-panel';

type MountSection = (ctx: SectionContext) => void;

/** Add a section's mount function here. */
const SECTIONS: MountSection[] = [
  mountInspections,
  mountEveningPanel,
  mountEffectSection,
  mountCalendarFeed,
  mountEmbedPanel,
];

/**
 * The sections a planner gets (planner-view.ts): only those that call no endpoint with a
 * victim's address or a burglary, i.e. the team endpoints (GUARDS 'team').
 */
const PLANNER_SECTIONS: MountSection[] = [mountInspections, mountCalendarFeed];

/** Mounts every registered section (a planner: only the planners' ones). */
export function mountTeamSections(ctx: SectionContext): void {
  for (const mount of ctx.user.role === 'planner' ? PLANNER_SECTIONS : SECTIONS) mount(ctx);
}
