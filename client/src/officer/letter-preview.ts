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
      submit.textContent = 'Brieven aanmaken';
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
        ? `${p.letters} ${p.letters === 1 ? 'brief' : 'brieven'} aanmaken`
        : 'Brieven aanmaken';
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
    figure.textContent = 'Voorbeeld wordt gemaakt…';
    try {
      const url = await api.previewLetter(body);
      if (this.imageUrl) URL.revokeObjectURL(this.imageUrl);
      this.imageUrl = url;
      const img = document.createElement('img');
      img.src = url;
      img.alt = 'Voorbeeld van de eerste brief, zoals hij wordt gedrukt';
      img.width = 397;
      img.height = 562;
      const caption = document.createElement('figcaption');
      caption.textContent = 'De eerste brief, zoals hij wordt gedrukt (verkleind).';
      figure.replaceChildren(img, caption);
    } catch (err) {
      figure.textContent = `Geen voorbeeld: ${(err as Error).message}`;
    }
  }
}

function previewParts(p: CampaignPreview): Node[] {
  const out: Node[] = [];
  const summary = document.createElement('p');
  summary.textContent = `${p.letters} ${p.letters === 1 ? 'adres krijgt' : 'adressen krijgen'} een brief, in ${p.streets.length} ${p.streets.length === 1 ? 'straat' : 'straten'}.`;
  out.push(summary);
  if (p.excluded.length) {
    const details = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = `${p.excluded.length} ${p.excluded.length === 1 ? 'adres' : 'adressen'} overgeslagen: kreeg${p.excluded.length === 1 ? '' : 'en'} deze brief al kort geleden`;
    const ul = document.createElement('ul');
    for (const e of p.excluded.slice(0, 200)) {
      const li = document.createElement('li');
      li.textContent = `${e.address}${e.previousOn ? ` (brief van ${dateText(e.previousOn)}, campagne ${e.previousCampaignId})` : ''}`;
      ul.appendChild(li);
    }
    details.append(s, ul);
    out.push(details);
  }
  return out;
}
