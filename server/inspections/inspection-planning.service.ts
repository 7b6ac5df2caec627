/**
 * What the officers' page needs to plan an inspection, and the checklist editor (issue 11):
 * the streets that can be walked and the users who may be in the team (names only, never an
 * address, so a planner gets them too), and the municipality's checklist, which officers may
 * change (an empty list means the default of checklist.ts).
 */
import { z } from 'zod';
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { text } from '../core/input';
import { MunicipalityCode, requestedMunicipality } from '../municipalities/municipality-access';
import { municipalityById } from '../municipalities/municipalities.repo';
import { MunicipalitySettings } from '../municipalities/municipality-settings';
import { checklistFor, DEFAULT_CHECKLIST, OTHER_ITEM, type ChecklistItem } from './checklist';
import type { Actor } from './inspections.service';
import * as repo from './inspections.repo';

const HOW = { param: 'municipality', unknown: 'bad-input' } as const;

export const PlanningQuery = z.object({ municipality: MunicipalityCode.optional() });

const ChecklistEntry = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _ (at most 40), e.g. dark_spots')
      .refine((k) => k !== OTHER_ITEM, `'${OTHER_ITEM}' is kept for findings that fit no item`),
    label: text().trim().min(1).max(200),
    subsidy: text().trim().max(200).optional(),
  })
  .strict();

export const ChecklistBody = z
  .object({
    municipality: MunicipalityCode.optional(),
    /** The items in the order the team sees them; [] restores the default list. */
    items: z
      .array(ChecklistEntry)
      .max(40)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((it, i) => {
          if (seen.has(it.key))
            ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `'${it.key}' is used twice` });
          seen.add(it.key);
        });
      }),
  })
  .strict();

export interface ChecklistView {
  municipality: string;
  items: ChecklistItem[];
  /** True when the municipality uses the default list. */
  isDefault: boolean;
  defaultItems: readonly ChecklistItem[];
}

async function checklistView(municipalityId: number): Promise<ChecklistView> {
  const m = await municipalityById(db(), municipalityId);
  const settings = MunicipalitySettings.parse(m?.settings ?? {});
  return {
    municipality: m!.code,
    items: checklistFor(settings),
    isDefault: settings.inspectionChecklist.length === 0,
    defaultItems: DEFAULT_CHECKLIST,
  };
}

/** GET /api/inspections/options: streets, possible team members and the checklist of a municipality. */
export async function planningOptions(query: unknown, actor: Actor) {
  const q = PlanningQuery.parse(query);
  const m = await requestedMunicipality(actor, q.municipality, HOW);
  const [streets, users, checklist] = await Promise.all([
    repo.planningStreets(db(), m.id),
    repo.planningUsers(db(), m.id),
    checklistView(m.id),
  ]);
  return { municipality: m.code, streets, users, checklist };
}

/** PUT /api/inspections/checklist: the municipality's own checklist (officers). */
export async function setChecklist(body: unknown, actor: Actor): Promise<ChecklistView> {
  const input = ChecklistBody.parse(body);
  const items = input.items.map((i) => ({
    key: i.key,
    label: i.label,
    ...(i.subsidy ? { subsidy: i.subsidy } : {}),
  }));
  const municipalityId = await withTransaction(async (c) => {
    const m = await requestedMunicipality(actor, input.municipality, HOW, c);
    await repo.setChecklist(c, m.id, items);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'inspection.checklist',
      municipalityId: m.id,
      subjectType: 'municipality',
      subjectId: m.id,
      details: { items: items.length, keys: items.map((i) => i.key) },
      ip: actor.ip ?? null,
    });
    return m.id;
  });
  return checklistView(municipalityId);
}
