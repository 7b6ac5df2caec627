/**
 * The preview beside the letter form: as the selection or the form changes (debounced), the
 * server answers how many letters sending would give, which addresses are left out (with the
 * date of their earlier letter) and which streets (POST /api/campaigns/preview, nothing is
 * created); the send button names the count, so sending is a confirmed step. "Voorbeeld van de
 * eerste brief" shows the first letter as the worker will print it.
 */
import { api, type CampaignPreview, type CreateCampaign } from './api';
import { byId } from './by-id';
import { dateText } from './format';
import { messages } from './i18n';

const t = messages({
  nl: {
    create: 'Brieven aanmaken',
    createN: '{n} {letters} aanmaken',
    letter1: 'brief',
    letters: 'brieven',
    making: 'Voorbeeld wordt gemaakt…',
    alt: 'Voorbeeld van de eerste brief, zoals hij wordt gedrukt',
    caption: 'De eerste brief, zoals hij wordt gedrukt (verkleind).',
    none: 'Geen voorbeeld: {message}',
    summary1: '1 adres krijgt een brief, in {streets}.',
    summaryN: '{n} adressen krijgen een brief, in {streets}.',
    street1: '1 straat',
    streetsN: '{n} straten',
    skipped1: '1 adres overgeslagen: kreeg deze brief al kort geleden',
    skippedN: '{n} adressen overgeslagen: kregen deze brief al kort geleden',
    previous: ' (brief van {date}, campagne {id})',
  },
  en: {
    create: 'Create letters',
    createN: 'Create {n} {letters}',
    letter1: 'letter',
    letters: 'letters',
    making: 'Making the preview…',
    alt: 'Preview of the first letter, as it will be printed',
    caption: 'The first letter, as it will be printed (reduced).',
    none: 'No preview: {message}',
    summary1: '1 address gets a letter, in {streets}.',
    summaryN: '{n} addresses get a letter, in {streets}.',
    street1: '1 street',
    streetsN: '{n} streets',
    skipped1: '1 address left out: it had this letter recently',
    skippedN: '{n} addresses left out: they had this letter recently',
    previous: ' (letter of {date}, campaign {id})',
  },
});

const DEBOUNCE_MS = 400;

export class LetterPreview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;
  private imageUrl: string | null = null;
  /** The last preview shown (tests read it through window.preventiekaartIntern). */
  last: CampaignPreview | null = null;

  /** @param draft - the form's body, or the reason it is not complete yet */
  constructor(private readonly draft: () => CreateCampaign | Error) {
    byId('pk-preview-letter').addEventListener('click', () => void this.showLetter());
  }

  /** Asks for a new preview after the officer stops changing things. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const body = this.draft();
    const box = byId('pk-preview');
    const submit = byId<HTMLButtonElement>('pk-letter-submit');
    const ask = ++this.asked;
    if (body instanceof Error) {
      this.last = null;
      box.dataset.state = 'incomplete';
      box.textContent = body.message;
      submit.textContent = t('create');
      byId<HTMLButtonElement>('pk-preview-letter').disabled = true;
      return;
    }
    box.dataset.state = 'loading';
    try {
      const p = await api.previewCampaign(body);
      if (ask !== this.asked) return;
      this.last = p;
      box.dataset.state = 'ready';
      box.replaceChildren(...previewParts(p));
      submit.textContent = p.letters
        ? t('createN', { n: p.letters, letters: p.letters === 1 ? t('letter1') : t('letters') })
        : t('create');
      byId<HTMLButtonElement>('pk-preview-letter').disabled = p.letters === 0;
    } catch (err) {
      if (ask !== this.asked) return;
      this.last = null;
      box.dataset.state = 'error';
      box.textContent = (err as Error).message;
    }
  }

  private async showLetter(): Promise<void> {
    const body = this.draft();
    if (body instanceof Error) return;
    const figure = byId('pk-preview-image');
    figure.hidden = false;
    figure.textContent = t('making');
    try {
      const url = await api.previewLetter(body);
      if (this.imageUrl) URL.revokeObjectURL(this.imageUrl);
      this.imageUrl = url;
      const img = document.createElement('img');
      img.src = url;
      img.alt = t('alt');
      img.width = 397;
      img.height = 562;
      const caption = document.createElement('figcaption');
      caption.textContent = t('caption');
      figure.replaceChildren(img, caption);
    } catch (err) {
      figure.textContent = t('none', { message: (err as Error).message });
    }
  }
}

function previewParts(p: CampaignPreview): Node[] {
  const out: Node[] = [];
  const summary = document.createElement('p');
  const streets = p.streets.length === 1 ? t('street1') : t('streetsN', { n: p.streets.length });
  summary.textContent =
    p.letters === 1 ? t('summary1', { streets }) : t('summaryN', { n: p.letters, streets });
  out.push(summary);
  if (p.excluded.length) {
    const details = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = p.excluded.length === 1 ? t('skipped1') : t('skippedN', { n: p.excluded.length });
    const ul = document.createElement('ul');
    for (const e of p.excluded.slice(0, 200)) {
      const li = document.createElement('li');
      li.textContent = `${e.address}${e.previousOn ? t('previous', { date: dateText(e.previousOn), id: e.previousCampaignId ?? '' }) : ''}`;
      ul.appendChild(li);
    }
    details.append(s, ul);
    out.push(details);
  }
  return out;
}
