/**
 * The officers' page section "Schouwen" (issue 11): the municipality's inspections, one opened
 * with its route and findings on the map, the form to plan a new one and (officers) the
 * checklist editor. Planners use it too: everything here comes from the inspection endpoints,
 * which answer no address. The findings of the open inspection are fetched again every 15 s, so
 * what the team sends from the street appears while the page is open.
 */
import { LngLatBounds } from 'maplibre-gl';
import './inspection.css';
import { byId } from './by-id';
import { messages, pageTexts, translatePage } from './i18n';
import { h } from './inspection-dom';
import {
  inspectionApi,
  type Finding,
  type InspectionListItem,
  type InspectionView,
  type PlanningOptions,
} from './inspection-api';
import { checklistEditor } from './inspection-checklist';
import { inspectionDetail } from './inspection-detail';
import { describeFinding } from './inspection-findings';
import { planForm } from './inspection-form';
import { showInspection } from './inspection-map';
import type { SectionContext } from './section-context';

pageTexts({
  nl: { 'insp.section': 'Schouwen' },
  en: { 'insp.section': 'Street inspections' },
});

const t = messages({
  nl: {
    list: 'Schouwen van deze gemeente',
    none: 'Nog geen schouwen gepland.',
    item: '{title} · {when} · {status} · {streets} straten · {findings} bevindingen',
    open: 'Openen',
    openLabel: 'Schouw {title} openen',
    close: 'Sluiten',
    planned: 'gepland',
    done: 'gelopen',
    cancelled: 'afgelast',
    created: 'Schouw gepland: {title}.',
  },
  en: {
    list: "This municipality's inspections",
    none: 'No inspections planned yet.',
    item: '{title} · {when} · {status} · {streets} streets · {findings} findings',
    open: 'Open',
    openLabel: 'Open inspection {title}',
    close: 'Close',
    planned: 'planned',
    done: 'walked',
    cancelled: 'cancelled',
    created: 'Inspection planned: {title}.',
  },
});

const POLL_MS = 15_000;

declare global {
  interface Window {
    /** What the end-to-end tests read: the open inspection and the findings drawn on the map. */
    preventiekaartInspections?: {
      open: () => number | null;
      /** Fits the map to the findings and answers the ids of those drawn. */
      findingsOnMap: () => Promise<string[]>;
    };
  }
}

/** Mounts the section (registered in team-sections.ts). */
export function mountInspections(ctx: SectionContext): void {
  const section = byId<HTMLDetailsElement>('pk-inspections-section');
  section.hidden = false;
  translatePage(section);
  const host = byId('pk-inspections');
  const officer = ctx.user.role !== 'planner';
  let options: PlanningOptions | null = null;
  let list: InspectionListItem[] = [];
  let open: { insp: InspectionView; findings: Finding[] } | null = null;
  let poll: ReturnType<typeof setInterval> | undefined;
  let disposeForm = () => {};
  const listHost = h('div', { id: 'pk-insp-list' });
  const detailHost = h('div', {});
  const formHost = h('div', {});
  const checklistHost = h('div', {});
  const status = h('p', { className: 'pk-hint', id: 'pk-insp-message' });
  status.setAttribute('aria-live', 'polite');
  host.replaceChildren(listHost, detailHost, status, formHost, checklistHost);
  window.preventiekaartInspections = {
    open: () => open?.insp.id ?? null,
    findingsOnMap: async () => {
      const map = ctx.map();
      const findings = open?.findings ?? [];
      if (!map || findings.length === 0) return [];
      const b = findings.reduce(
        (acc, f) => acc.extend([f.lon, f.lat]),
        new LngLatBounds([findings[0]!.lon, findings[0]!.lat], [findings[0]!.lon, findings[0]!.lat]),
      );
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.fitBounds(b, { padding: 80, maxZoom: 17, duration: 0 });
      });
      return map.queryRenderedFeatures({ layers: ['pk-insp-findings'] }).map((f) => String(f.properties.id));
    },
  };

  const draw = () => {
    const map = ctx.map();
    if (map) showInspection(map, open?.insp ?? null, open?.findings ?? [], describeFinding);
    detailHost.replaceChildren(
      ...(open
        ? [
            inspectionDetail(open.insp, open.findings, {
              store: ctx.store,
              map: ctx.map,
              showError: ctx.showError,
              reload,
            }),
          ]
        : []),
    );
  };
  const renderList = () => {
    const when = (iso: string) =>
      new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Amsterdam',
      });
    const items = list.map((i) => {
      const b = h('button', { type: 'button', className: 'pk-button-small' }, t('open'));
      b.setAttribute('aria-label', t('openLabel', { title: i.title }));
      b.addEventListener('click', () => void openInspection(i.id).catch(ctx.showError));
      const text = t('item', {
        title: i.title,
        when: when(i.startsAt),
        status: t(i.status),
        streets: i.streets,
        findings: i.findings,
      });
      return h('li', { dataset: { inspectionId: String(i.id) } }, text, ' ', b);
    });
    listHost.replaceChildren(
      h('h3', {}, t('list')),
      items.length
        ? h('ul', { className: 'pk-insp-list' }, ...items)
        : h('p', { className: 'pk-hint' }, t('none')),
    );
  };
  const fit = (insp: InspectionView) => {
    const map = ctx.map();
    const coords =
      (insp.route?.geometry as GeoJSON.LineString | null)?.coordinates ??
      insp.streets.map((s) => [s.lon, s.lat]);
    if (!map || coords.length === 0) return;
    const b = coords.reduce(
      (acc, c) => acc.extend(c as [number, number]),
      new LngLatBounds(coords[0] as [number, number], coords[0] as [number, number]),
    );
    map.fitBounds(b, { padding: 60, maxZoom: 17, duration: 0 });
  };
  async function openInspection(id: number, insp?: InspectionView): Promise<void> {
    const [i, findings] = await Promise.all([insp ?? inspectionApi.get(id), inspectionApi.findings(id)]);
    const first = open?.insp.id !== id;
    open = { insp: i, findings };
    draw();
    if (first) fit(i);
    clearInterval(poll);
    poll = setInterval(() => void refreshFindings(), POLL_MS);
  }
  async function refreshFindings(): Promise<void> {
    if (!open || !section.open) return;
    const findings = await inspectionApi.findings(open.insp.id);
    if (JSON.stringify(findings) === JSON.stringify(open.findings)) return;
    open = { ...open, findings };
    draw();
  }
  async function reload(insp?: InspectionView): Promise<void> {
    if (!open) return;
    await openInspection(open.insp.id, insp);
    list = await inspectionApi.list();
    renderList();
  }
  const load = async () => {
    const m = ctx.store.get().municipality;
    if (!m) return;
    open = null;
    draw();
    [options, list] = await Promise.all([inspectionApi.options(m.code), inspectionApi.list()]);
    list = list.filter((i) => i.municipality === m.code);
    renderList();
    disposeForm();
    const plan = planForm(
      ctx.store,
      options,
      officer,
      async (body) => {
        const created = await inspectionApi.create(body);
        status.textContent = t('created', { title: created.title });
        list = await inspectionApi.list();
        renderList();
        await openInspection(created.id, created);
      },
      ctx.draw,
    );
    disposeForm = plan.dispose;
    formHost.replaceChildren(plan.form);
    checklistHost.replaceChildren(...(officer ? [checklistEditor(options.checklist)] : []));
  };
  ctx.store.subscribe(['municipality'], () => void load().catch(ctx.showError));
  void load().catch(ctx.showError);
  // "Openen" from a link: intern.html?inspection=N
  const asked = Number(new URLSearchParams(location.search).get('inspection'));
  if (Number.isInteger(asked) && asked > 0) void openInspection(asked).catch(ctx.showError);
}
