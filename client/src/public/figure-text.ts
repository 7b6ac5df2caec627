/** Public figures in words, in the current language. */
import type { PeriodMonths } from '../../../server/public/public.types';
import type { PublicCount } from './api';
import { t, type MessageKey } from './i18n';

/** 'laatste 3 maanden' / 'last 3 months'. */
export function periodText(period: PeriodMonths): string {
  return t(`periodText${period}` as MessageKey);
}

/** '5 inbraken', '1 inbraak', 'geen inbraken gemeld' or 'enkele inbraken, of een afgeschermd aantal'. */
export function countText(c: PublicCount): string {
  if (c.few) return t('few');
  if (!c.count) return t('none');
  return c.count === 1 ? t('burglary1') : t('burglaries', { n: c.count });
}

/** An area's name; a grid cell is named after its street with the most homes ('omgeving X'). */
export function areaName(a: { name: string; kind: string }): string {
  return a.kind === 'grid' ? t('aroundStreet', { street: a.name }) : a.name;
}
