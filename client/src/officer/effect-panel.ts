/**
 * The "Effect" section of the officers' page (issue 13): did the letters help? For a period (or
 * one campaign) it shows the figures of GET /api/effect as charts (effect-charts.ts) and as a
 * table with the same numbers (effect-table.ts), with downloads of those numbers as CSV and the
 * council factsheet in Dutch or English. Below a measure's minimum it says "too few to tell";
 * it never words a verdict. The figures are computed on request (a second or more), so the
 * section loads them when it is opened, not with the page.
 */
import { ApiError, api, type CampaignListItem } from './api';
import { byId } from './by-id';
import { beforeAfterChart, monthsChart, ratesChart } from './effect-charts';
import { csvUrl, effectApi, factsheetUrl, type EffectAsk } from './effect-api';
import {
  activitiesGroup,
  beforeAfterGroup,
  effectTable,
  followOnGroup,
  trialGroup,
  uptakeGroup,
  type EffectGroup,
} from './effect-table';
import { locale, messages, pageTexts, translatePage } from './i18n';
import './effect.css';
import type { SectionContext } from './section-context';

pageTexts({
  nl: { 'effect.title': 'Effect: cijfers na brieven' },
  en: { 'effect.title': 'Effect: figures after letters' },
});

const t = messages({
  nl: {
    from: 'Van',
    to: 'Tot',
    campaign: 'Campagne',
    all: 'Alle campagnen van de periode',
    show: 'Tonen',
    loading: 'Effectcijfers worden berekend…',
    shown: 'Effectcijfers voor {what}.',
    period: '{from} tot {to}',
    campaignOf: 'campagne {id} van {date} ({letters} brieven)',
    notYet: 'De weken erna zijn nog niet voorbij (tot {date}): nog geen cijfer.',
    csv: 'Cijfers als CSV',
    factsheetNl: 'Factsheet voor de raad (PDF, Nederlands)',
    factsheetEn: 'Factsheet (PDF, Engels)',
    failed: 'Effectcijfers niet beschikbaar: {message}',
    badPeriod: 'Kies een begindatum vóór de einddatum.',
    tableLabel: 'Tabel met de effectcijfers',
    notes: 'Wat deze cijfers wel en niet laten zien',
    note1:
      'De brieven zijn niet willekeurig verstuurd: een verschil kan ook komen door waar en wanneer ze verstuurd zijn.',
    note2:
      'Een interval dat 1 (verhouding) of 0 (verschil) bevat, betekent: met deze aantallen niet te zeggen.',
    note3: 'Inbraken dicht bij elkaar delen vervolginbraken; de intervallen kunnen daardoor te smal zijn.',
    cocoon: 'buren',
    evening: 'avond',
    victim: 'slachtoffer',
  },
  en: {
    from: 'From',
    to: 'To',
    campaign: 'Campaign',
    all: 'All campaigns of the period',
    show: 'Show',
    loading: 'Computing the effect figures…',
    shown: 'Effect figures for {what}.',
    period: '{from} to {to}',
    campaignOf: 'campaign {id} of {date} ({letters} letters)',
    notYet: 'The weeks after are not over yet (until {date}): no figure yet.',
    csv: 'Figures as CSV',
    factsheetNl: 'Council factsheet (PDF, Dutch)',
    factsheetEn: 'Factsheet (PDF, English)',
    failed: 'Effect figures not available: {message}',
    badPeriod: 'Choose a start date before the end date.',
    tableLabel: 'Table of the effect figures',
    notes: 'What these figures can and cannot show',
    note1: 'Letters were not sent at random: a difference can also come from where and when they were sent.',
    note2: 'An interval that includes 1 (ratio) or 0 (difference) means: these numbers cannot tell.',
    note3: 'Burglaries close together share follow-ons; the intervals may be too narrow for that.',
    cocoon: 'neighbours',
    evening: 'evening',
    victim: 'victim',
  },
});

const KINDS = ['cocoon', 'evening', 'victim'] as const;
const dayText = (iso: string) =>
  new Date(iso).toLocaleDateString(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

function field(id: string, label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id = id;
  const l = el('label', { htmlFor: id, textContent: label });
  const wrap = el('div', { className: 'pk-effect-field' });
  wrap.append(l, control);
  return wrap;
}

/** Mounts the effect section (registered in team-sections.ts). */
export function mountEffectSection(ctx: SectionContext): void {
  const section = byId<HTMLDetailsElement>('pk-effect-section');
  const host = byId('pk-effect');
  if (!section || !host) return;
  // The section's own fixed texts (main.ts does not translate the whole page yet).
  translatePage(section);
  const today = new Date();
  const from = el('input', { type: 'date', value: isoDay(new Date(today.getTime() - 365 * 86_400_000)) });
  const to = el('input', { type: 'date', value: isoDay(today) });
  const campaign = el('select');
  const form = el('form', { id: 'pk-effect-form', className: 'pk-effect-form' });
  form.noValidate = true;
  form.append(
    field('pk-effect-from', t('from'), from),
    field('pk-effect-to', t('to'), to),
    field('pk-effect-campaign', t('campaign'), campaign),
    el('button', { type: 'submit', className: 'pk-button', textContent: t('show') }),
  );
  const status = el('p', { id: 'pk-effect-status', className: 'pk-hint' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const downloads = el('ul', { id: 'pk-effect-downloads', className: 'pk-effect-downloads' });
  const charts = el('div', { id: 'pk-effect-charts' });
  const table = el('div', { id: 'pk-effect-table-host', className: 'pk-table-scroll' });
  // A table wider than the panel scrolls: keyboard users must reach it (axe scrollable-region-focusable).
  table.tabIndex = 0;
  table.setAttribute('role', 'region');
  table.setAttribute('aria-label', t('tableLabel'));
  const notes = el('div', { className: 'pk-effect-notes' });
  notes.append(el('h3', { textContent: t('notes') }));
  const list = el('ul');
  for (const k of ['note1', 'note2', 'note3'] as const) list.append(el('li', { textContent: t(k) }));
  notes.append(list);
  host.replaceChildren(form, status, downloads, charts, table, notes);

  let loaded: string | undefined;
  let campaigns: CampaignListItem[] = [];
  let seq = 0;

  const municipality = () => ctx.store.get().municipality?.code;

  async function loadCampaigns(code: string): Promise<void> {
    campaigns = (await api.campaigns(code)).campaigns;
    const kind = (k: string) =>
      (KINDS as readonly string[]).includes(k) ? t(k as (typeof KINDS)[number]) : k;
    campaign.replaceChildren(
      new Option(t('all'), ''),
      ...campaigns.map(
        (c) =>
          new Option(
            `${c.id} · ${dayText(c.createdAt)} · ${kind(c.kind)} (${c.counts.letters})`,
            String(c.id),
          ),
      ),
    );
  }

  function link(href: string, text: string, id: string): HTMLLIElement {
    const li = el('li');
    const a = el('a', { href, textContent: text, id });
    a.setAttribute('download', '');
    li.append(a);
    return li;
  }

  function show(groups: EffectGroup[], figures: HTMLElement[], ask: EffectAsk, what: string): void {
    charts.replaceChildren(...figures);
    table.replaceChildren(effectTable(groups));
    const links = [link(csvUrl(ask), t('csv'), 'pk-effect-csv')];
    if (ask.campaign === undefined)
      links.push(
        link(factsheetUrl(ask, 'nl'), t('factsheetNl'), 'pk-effect-factsheet-nl'),
        link(factsheetUrl(ask, 'en'), t('factsheetEn'), 'pk-effect-factsheet-en'),
      );
    downloads.replaceChildren(...links);
    status.textContent = t('shown', { what });
    host.dataset.state = 'ready';
  }

  async function load(): Promise<void> {
    const code = municipality();
    if (!code) return;
    const mine = ++seq;
    host.dataset.state = 'loading';
    status.textContent = t('loading');
    const width = Math.max(260, Math.min(520, host.clientWidth - 8));
    try {
      if (loaded !== code) {
        await loadCampaigns(code);
        loaded = code;
      }
      if (campaign.value) {
        const e = await effectApi.campaign(Number(campaign.value));
        if (mine !== seq) return;
        const what = t('campaignOf', {
          id: e.campaign.id,
          date: dayText(e.campaign.createdAt),
          letters: e.campaign.letters,
        });
        show(
          [beforeAfterGroup(e.beforeAfter), uptakeGroup(e.subsidyUptake)],
          [beforeAfterChart(e.beforeAfter, width)],
          { campaign: e.campaign.id },
          new Date(e.judgeableFrom) > new Date()
            ? `${what} ${t('notYet', { date: dayText(e.judgeableFrom) })}`
            : what,
        );
      } else {
        if (!from.value || !to.value || from.value >= to.value) {
          status.textContent = t('badPeriod');
          host.dataset.state = 'bad-period';
          return;
        }
        const ask = { municipality: code, from: from.value, to: to.value };
        const e = await effectApi.municipality(ask);
        if (mine !== seq) return;
        show(
          [
            followOnGroup(e),
            ...(trialGroup(e) ? [trialGroup(e)!] : []),
            beforeAfterGroup(e.beforeAfter),
            uptakeGroup(e.subsidyUptake),
            activitiesGroup(e),
          ],
          [monthsChart(e, width), ratesChart(e, width), beforeAfterChart(e.beforeAfter, width)],
          ask,
          t('period', { from: dayText(e.period.from), to: dayText(e.period.to) }),
        );
      }
    } catch (err) {
      if (mine !== seq) return;
      host.dataset.state = 'failed';
      status.textContent = t('failed', { message: (err as Error).message });
      if (err instanceof ApiError && err.status === 401) ctx.showError(err);
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load();
  });
  section.addEventListener('toggle', () => {
    if (section.open && host.dataset.state === undefined) void load();
  });
  ctx.store.subscribe(['municipality'], () => {
    loaded = undefined;
    campaign.replaceChildren();
    delete host.dataset.state;
    charts.replaceChildren();
    table.replaceChildren();
    downloads.replaceChildren();
    status.textContent = '';
    if (section.open) void load();
  });
  if (section.open) void load();
}
