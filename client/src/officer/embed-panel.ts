/**
 * "Kaart op de eigen website": the snippet that puts the municipality's public map on its own
 * site (an iframe of /embed/<municipality>), and the sites allowed to frame it (server/embed).
 * Admins change the list here; officers read it.
 */
import './evenings.css';
import { call } from './api';
import { byId } from './by-id';
import { button, el, field } from './evening-dom';
import { messages, pageTexts, translatePage } from './i18n';
import type { SectionContext } from './section-context';

pageTexts({
  nl: { embedTitle: 'Kaart op de eigen website' },
  en: { embedTitle: 'The map on your own website' },
});

const bt = messages({
  nl: {
    hint: 'Plak deze code in een pagina van de gemeentelijke website. De kaart verschijnt alleen op de sites hieronder.',
    snippet: 'Code voor de website',
    language: 'Taal van de kaart',
    langNl: 'Nederlands',
    langEn: 'Engels',
    copy: 'Code kopiëren',
    copied: 'Gekopieerd.',
    frameTitle: 'Inbraken per straat in {name}',
    sites: 'Sites die de kaart mogen tonen',
    noSites: 'Nog geen: de kaart verschijnt op geen enkele andere site.',
    edit: 'Sites (één per regel, bijvoorbeeld https://www.delft.nl)',
    save: 'Sites opslaan',
    saved: 'Opgeslagen.',
    adminOnly: 'Alleen een beheerder kan deze lijst wijzigen.',
    error: 'Fout: {message}',
  },
  en: {
    hint: "Paste this code into a page of the municipality's website. The map only appears on the sites below.",
    snippet: 'Code for the website',
    language: 'Language of the map',
    langNl: 'Dutch',
    langEn: 'English',
    copy: 'Copy the code',
    copied: 'Copied.',
    frameTitle: 'Burglaries per street in {name}',
    sites: 'Sites that may show the map',
    noSites: 'None yet: the map appears on no other site.',
    edit: 'Sites (one per line, for example https://www.delft.nl)',
    save: 'Save the sites',
    saved: 'Saved.',
    adminOnly: 'Only an administrator can change this list.',
    error: 'Error: {message}',
  },
});

interface EmbedOrigins {
  municipality: string;
  origins: { origin: string; addedBy: string; addedAt: string }[];
  embedPath: string;
}

const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe to paste (the snippet of docs/readme/residents.md). */
export function embedSnippet(origin: string, path: string, title: string, language: 'nl' | 'en'): string {
  const src = `${origin}${path}${language === 'en' ? '?lang=en' : ''}`;
  return `<iframe src="${escAttr(src)}" title="${escAttr(title)}" width="100%" height="500" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

/** Mounts into `#pk-embed` (registered in team-sections.ts). */
export function mountEmbedPanel(ctx: SectionContext): void {
  const root = byId('pk-embed');
  const section = byId('pk-embed-section');
  if (!root || !section) return;
  translatePage(section);
  const language = el('select', { id: 'pk-embed-lang' });
  language.append(new Option(bt('langNl'), 'nl'), new Option(bt('langEn'), 'en'));
  const snippet = el('textarea', { id: 'pk-embed-snippet' });
  snippet.readOnly = true;
  snippet.rows = 4;
  const status = el('p', { id: 'pk-embed-status', className: 'pk-hint' });
  status.setAttribute('aria-live', 'polite');
  const sites = el('div', { id: 'pk-embed-sites' });
  const admin = ctx.user.role === 'admin';
  const editor = el('textarea', { id: 'pk-embed-edit' });
  editor.rows = 3;
  let current: EmbedOrigins | undefined;

  const drawSnippet = () => {
    const m = ctx.store.get().municipality;
    if (!current || !m) return;
    snippet.value = embedSnippet(
      location.origin,
      current.embedPath,
      bt('frameTitle', { name: m.name }),
      language.value as 'nl' | 'en',
    );
  };
  const draw = (o: EmbedOrigins) => {
    current = o;
    drawSnippet();
    const list = el('ul');
    for (const x of o.origins) list.append(el('li', { textContent: x.origin }));
    sites.replaceChildren(
      el('h3', { textContent: bt('sites') }),
      o.origins.length ? list : el('p', { className: 'pk-hint', textContent: bt('noSites') }),
    );
    editor.value = o.origins.map((x) => x.origin).join('\n');
  };
  const fail = (err: unknown) => {
    status.textContent = bt('error', { message: (err as Error).message });
  };
  const load = async () => {
    const code = ctx.store.get().municipality?.code;
    if (code) draw(await call<EmbedOrigins>('GET', `/api/municipalities/${code}/embed-origins`));
  };
  const save = async () => {
    const code = ctx.store.get().municipality?.code;
    if (!code) return;
    const origins = editor.value
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    draw(await call<EmbedOrigins>('PUT', `/api/municipalities/${code}/embed-origins`, { origins }));
    status.textContent = bt('saved');
  };

  language.addEventListener('change', drawSnippet);
  root.replaceChildren(
    el('p', { className: 'pk-hint', textContent: bt('hint') }),
    ...field(bt('language'), language),
    ...field(bt('snippet'), snippet),
    button(bt('copy'), () => {
      snippet.select();
      void navigator.clipboard
        ?.writeText(snippet.value)
        .then(() => (status.textContent = bt('copied')), fail);
    }),
    status,
    sites,
    ...(admin
      ? [
          ...field(bt('edit'), editor),
          button(bt('save'), () => void save().catch(fail), false, 'pk-embed-save'),
        ]
      : [el('p', { className: 'pk-hint', textContent: bt('adminOnly') })]),
  );
  ctx.store.subscribe(['municipality'], () => void load().catch(fail));
  void load().catch(fail);
}
