/**
 * Under "Mijn account": the private calendar feed of the inspections the user is a team member
 * of (server/calendar). Making a link shows its secret URL once (to paste into a calendar app);
 * making a new one or revoking stops the old one.
 */
import { ApiError, call } from './api';
import { byId } from './by-id';
import { button, el } from './evening-dom';
import { dateTimeText } from './format';
import { messages } from './i18n';
import type { SectionContext } from './section-context';

const ct = messages({
  nl: {
    title: 'Agenda met mijn schouwen',
    hint: 'Een geheime link voor uw agenda-app met de schouwen waarin u in het team zit. Deel hem niet: wie de link heeft, ziet die schouwen.',
    none: 'U heeft nog geen agenda-link.',
    live: 'Agenda-link gemaakt op {at}; laatst opgehaald: {used}.',
    never: 'nog niet',
    make: 'Agenda-link maken',
    remake: 'Nieuwe agenda-link maken (de oude werkt dan niet meer)',
    revoke: 'Agenda-link intrekken',
    url: 'Uw agenda-link (wordt één keer getoond)',
    revoked: 'De agenda-link is ingetrokken.',
    error: 'Fout: {message}',
  },
  en: {
    title: 'Calendar of my inspections',
    hint: 'A secret link for your calendar app with the inspections whose team you are in. Do not share it: whoever has the link sees those inspections.',
    none: 'You have no calendar link yet.',
    live: 'Calendar link made on {at}; last fetched: {used}.',
    never: 'not yet',
    make: 'Make a calendar link',
    remake: 'Make a new calendar link (the old one stops working)',
    revoke: 'Revoke the calendar link',
    url: 'Your calendar link (shown once)',
    revoked: 'The calendar link has been revoked.',
    error: 'Error: {message}',
  },
});

type FeedState = { feed: { createdAt: string; lastUsedAt: string | null } | null };

/** Mounts into the "Mijn account" section (registered in team-sections.ts). */
export function mountCalendarFeed(ctx: SectionContext): void {
  const account = byId('pk-account');
  if (!account) return;
  const box = el('div', { id: 'pk-calendar-feed' });
  const state = el('p', { id: 'pk-calendar-state', className: 'pk-hint' });
  state.setAttribute('aria-live', 'polite');
  const result = el('div', { id: 'pk-calendar-result' });
  const buttons = el('div', { className: 'pk-ev-buttons' });
  box.append(
    el('h3', { textContent: ct('title') }),
    el('p', { className: 'pk-hint', textContent: ct('hint') }),
    state,
    buttons,
    result,
  );
  account.appendChild(box);

  const run = (work: () => Promise<void>) =>
    void work().catch((err: unknown) => {
      state.textContent = ct('error', { message: (err as Error).message });
      if (err instanceof ApiError && err.status === 401) ctx.showError(err);
    });

  const draw = (s: FeedState) => {
    state.textContent = s.feed
      ? ct('live', {
          at: dateTimeText(s.feed.createdAt),
          used: s.feed.lastUsedAt ? dateTimeText(s.feed.lastUsedAt) : ct('never'),
        })
      : ct('none');
    buttons.replaceChildren(
      button(s.feed ? ct('remake') : ct('make'), () => run(make), true, 'pk-calendar-make'),
    );
    if (s.feed) buttons.append(button(ct('revoke'), () => run(revoke), true, 'pk-calendar-revoke'));
  };
  const load = async () => draw(await call<FeedState>('GET', '/api/account/calendar-feed'));
  const make = async () => {
    const made = await call<{ url: string; webcal: string }>('POST', '/api/account/calendar-feed', {});
    const input = el('input', { id: 'pk-calendar-url' });
    input.readOnly = true;
    input.value = made.url;
    const label = el('label', { textContent: ct('url') });
    label.htmlFor = input.id;
    const link = el('a', { textContent: made.webcal });
    link.href = made.webcal;
    result.replaceChildren(label, input, el('p', {}, link));
    await load();
    input.select();
  };
  const revoke = async () => {
    await call<void>('DELETE', '/api/account/calendar-feed');
    result.replaceChildren();
    await load();
    state.textContent = ct('revoked');
  };
  run(load);
}
