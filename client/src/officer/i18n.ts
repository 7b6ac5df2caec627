/**
 * The officers' page in Dutch (default) or English, like the public page: `?lang=en` or the
 * language button, remembered in localStorage. Switching reloads the page in the other language
 * (the session stays): every panel renders its texts once, in the language of the page.
 *
 * Texts live beside the code that shows them: a panel declares its own
 * `messages({ nl: {...}, en: {...} })` (the compiler checks both languages have the same keys);
 * fixed texts in intern.html carry `data-i18n="key"` (text), `data-i18n-label` (aria-label),
 * `data-i18n-alt` or `data-i18n-placeholder`, and the module that owns them registers the keys
 * with `pageTexts(...)`. `translatePage()` fills them and reports keys nobody registered.
 */
export type Lang = 'nl' | 'en';
type Vars = Record<string, string | number>;
export type Dict<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

const STORAGE_KEY = 'pk-officer-lang';

function initialLang(): Lang {
  if (typeof location === 'undefined') return 'nl'; // unit tests in node
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'nl' || asked === 'en') return asked;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage blocked: Dutch
  }
  return 'nl';
}

const current: Lang = initialLang();
if (typeof document !== 'undefined') document.documentElement.lang = current;

/** The page's language. */
export function lang(): Lang {
  return current;
}

/** The locale for Intl formatting: nl-NL or en-GB. */
export function locale(): string {
  return current === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Fills {placeholders}; an unknown placeholder stays visible, so a test can find it. */
export function fill(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** A translator for one module's texts. */
export function messages<K extends string>(dict: Dict<K>): (key: K, vars?: Vars) => string {
  return (key, vars) => fill(dict[current][key], vars);
}

const registered: Record<Lang, Record<string, string>> = { nl: {}, en: {} };

/** Registers fixed texts of intern.html (data-i18n keys) and returns their translator. */
export function pageTexts<K extends string>(dict: Dict<K>): (key: K, vars?: Vars) => string {
  Object.assign(registered.nl, dict.nl);
  Object.assign(registered.en, dict.en);
  return messages(dict);
}

const ATTRIBUTES: Array<[string, string]> = [
  ['i18nLabel', 'aria-label'],
  ['i18nAlt', 'alt'],
  ['i18nPlaceholder', 'placeholder'],
  ['i18nTitle', 'title'],
];

/** Fills every data-i18n* element under `root`; returns the keys that no module registered. */
export function translatePage(root: ParentNode = document): string[] {
  const missing: string[] = [];
  const text = (key: string) => {
    const value = registered[current][key];
    if (value === undefined) missing.push(key);
    return value;
  };
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((e) => {
    const value = text(e.dataset.i18n!);
    if (value !== undefined) e.textContent = value;
  });
  for (const [data, attribute] of ATTRIBUTES)
    root
      .querySelectorAll<HTMLElement>(`[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`)
      .forEach((e) => {
        const value = text(e.dataset[data]!);
        if (value !== undefined) e.setAttribute(attribute, value);
      });
  if (missing.length) console.error(`officer page: no text for ${missing.join(', ')}`);
  return missing;
}

/** Remembers the language and reloads the page in it. */
export function switchLang(next: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // storage blocked: the URL carries it
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  location.assign(url.toString());
}
