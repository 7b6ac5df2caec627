/**
 * The findings of an inspection as a table (street in walking order, checklist item, note,
 * suggested subsidy, photo, follow-up that can be changed) with the CSV download; and the text of
 * a finding's point on the map.
 */
import { locale, messages } from './i18n';
import { h } from './inspection-dom';
import { inspectionLinks, type Finding, type FollowUp, type InspectionView } from './inspection-api';

const t = messages({
  nl: {
    heading: 'Bevindingen ({n})',
    none: 'Nog geen bevindingen.',
    csv: 'Bevindingen als CSV',
    street: 'Straat',
    item: 'Punt',
    note: 'Notitie',
    subsidy: 'Subsidie',
    photo: 'Foto',
    followUp: 'Opvolging',
    open: 'Open',
    maintenance: 'Doorgegeven aan beheer',
    fixed: 'Opgelost',
    showPhoto: 'Foto bij {item}, {street}',
    followUpOf: 'Opvolging van {item}, {street}',
    recorded: 'Vastgelegd {when}',
    suggests: 'Subsidie: {subsidy}',
  },
  en: {
    heading: 'Findings ({n})',
    none: 'No findings yet.',
    csv: 'Findings as CSV',
    street: 'Street',
    item: 'Item',
    note: 'Note',
    subsidy: 'Subsidy',
    photo: 'Photo',
    followUp: 'Follow-up',
    open: 'Open',
    maintenance: 'Passed to maintenance',
    fixed: 'Fixed',
    showPhoto: 'Photo of {item}, {street}',
    followUpOf: 'Follow-up of {item}, {street}',
    recorded: 'Recorded {when}',
    suggests: 'Subsidy: {subsidy}',
  },
});

const FOLLOW_UPS: FollowUp[] = ['open', 'maintenance', 'fixed'];

/** The findings table; `onFollowUp` is told when a follow-up is changed. */
export function findingsTable(
  insp: InspectionView,
  findings: Finding[],
  onFollowUp: (f: Finding, followUp: FollowUp) => void,
): HTMLElement {
  const csv = h('a', { href: inspectionLinks.csv(insp.id), id: 'pk-insp-csv', download: '' }, t('csv'));
  const head = h('h4', { id: 'pk-insp-findings-title' }, t('heading', { n: findings.length }));
  if (findings.length === 0) return h('div', {}, head, h('p', { className: 'pk-hint' }, t('none')));
  const header = h(
    'tr',
    {},
    ...(['street', 'item', 'note', 'subsidy', 'photo', 'followUp'] as const).map((k) =>
      h('th', { scope: 'col' }, t(k)),
    ),
  );
  const rows = findings.map((f) => {
    const select = h('select', { dataset: { findingId: f.id } });
    select.setAttribute('aria-label', t('followUpOf', { item: f.itemLabel, street: f.street }));
    select.append(...FOLLOW_UPS.map((v) => h('option', { value: v, selected: v === f.followUp }, t(v))));
    select.addEventListener('change', () => onFollowUp(f, select.value as FollowUp));
    const photo = f.photo
      ? h('a', { href: inspectionLinks.photo(insp.id, f.id), target: '_blank' }, t('photo'))
      : '–';
    if (photo instanceof HTMLAnchorElement)
      photo.setAttribute('aria-label', t('showPhoto', { item: f.itemLabel, street: f.street }));
    return h(
      'tr',
      { dataset: { findingId: f.id } },
      h('td', {}, f.street),
      h('td', {}, f.itemLabel),
      h('td', {}, f.note),
      h('td', {}, f.subsidy ?? ''),
      h('td', {}, photo),
      h('td', {}, select),
    );
  });
  const table = h(
    'table',
    { className: 'pk-table', id: 'pk-insp-findings' },
    h('thead', {}, header),
    h('tbody', {}, ...rows),
  );
  table.setAttribute('aria-labelledby', head.id);
  return h(
    'div',
    { className: 'pk-insp-findings' },
    head,
    h('div', { className: 'pk-table-wrap' }, table),
    h('p', {}, csv),
  );
}

/** Title and lines of a finding's popup on the map (from the point's properties). */
export function describeFinding(p: GeoJSON.GeoJsonProperties): [string, string[]] {
  const f = p as unknown as Finding;
  const when = new Date(f.recordedAt).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  return [
    `${f.street}: ${f.itemLabel}`,
    [
      ...(f.note ? [f.note] : []),
      `${t('followUp')}: ${t(f.followUp)}`,
      ...(f.subsidy ? [t('suggests', { subsidy: f.subsidy })] : []),
      t('recorded', { when }),
    ],
  ];
}
