/**
 * "Preventieavonden" on the officers' page (issue 12): the municipality's evenings, a form to
 * plan or change one (evening-form.ts) and one evening's invitations, response per street and
 * attendance (evening-detail.ts). Everything goes through /api/evenings (server/evenings).
 */
import './evenings.css';
import { byId } from './by-id';
import { eveningApi, type EveningListItem, type EveningView } from './evening-api';
import { EveningDetail, whenText } from './evening-detail';
import { button, el, table } from './evening-dom';
import { EveningForm } from './evening-form';
import { et } from './evening-texts';
import { translatePage } from './i18n';
import type { SectionContext } from './section-context';

const STATUS = { planned: 'statusPlanned', cancelled: 'statusCancelled', held: 'statusHeld' } as const;

/** Mounts the panel into `#pk-evenings` (registered in team-sections.ts). */
export function mountEveningPanel(ctx: SectionContext): void {
  const root = byId('pk-evenings');
  const section = byId('pk-evenings-section');
  if (!root || !section) return;
  translatePage(section);
  const list = el('div', { id: 'pk-ev-list' });
  const message = el('p', { id: 'pk-ev-message', className: 'pk-hint' });
  message.setAttribute('aria-live', 'polite');
  let municipality = '';

  const detail = new EveningDetail({
    edit: (e) => {
      form.edit(e);
      form.element.hidden = false;
    },
    changed: () => void reload(),
    showError: ctx.showError,
  });
  const form = new EveningForm(ctx.store, ctx.map, (e: EveningView, created: boolean) => {
    message.textContent = created ? et('planned', { id: e.id }) : et('saved');
    form.reset();
    void reload();
    void detail.show(e);
  });

  async function open(id: number): Promise<void> {
    await detail.show(await eveningApi.get(id));
  }

  function drawList(items: EveningListItem[]): void {
    if (!items.length) {
      list.replaceChildren(el('p', { className: 'pk-hint', textContent: et('none') }));
      return;
    }
    const t = table(
      et('listCaption'),
      [et('colTitle'), et('colWhen'), et('colStatus'), et('colSignedUp'), et('colActions')],
      items.map((e) => [
        e.title,
        whenText(e.startsAt, e.endsAt),
        et(STATUS[e.status]),
        `${e.confirmedPeople} / ${e.capacity}`,
        button(et('open'), () => void open(e.id).catch(ctx.showError)),
      ]),
      'pk-ev-table',
    );
    items.forEach((e, i) => (t.tBodies[0]!.rows[i]!.dataset.eveningId = String(e.id)));
    list.replaceChildren(t);
  }

  async function reload(): Promise<void> {
    const code = ctx.store.get().municipality?.code;
    if (!code) return;
    const items = await eveningApi.list(code);
    if (code === ctx.store.get().municipality?.code) drawList(items);
  }

  const newButton = button(
    et('newEvening'),
    () => {
      form.reset();
      form.element.hidden = false;
      byId('pk-ev-title').focus();
    },
    true,
    'pk-ev-new',
  );
  root.replaceChildren(list, newButton, message, form.element, detail.element);

  const follow = () => {
    const code = ctx.store.get().municipality?.code ?? '';
    if (code === municipality) return;
    municipality = code;
    detail.hide();
    form.reset();
    void reload().catch(ctx.showError);
  };
  ctx.store.subscribe(['municipality'], follow);
  follow();
}
