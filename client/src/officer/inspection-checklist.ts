/**
 * The checklist editor (officers): the municipality's items in the order the team sees them,
 * each a key, a label and an optional suggested subsidy; add, remove, save, or go back to the
 * default list (Politiekeurmerk Veilig Wonen, CPTED). Inspections show the list of the moment.
 */
import { messages } from './i18n';
import { h } from './inspection-dom';
import { inspectionApi, type ChecklistItem, type ChecklistState } from './inspection-api';

const t = messages({
  nl: {
    heading: 'Checklist van de gemeente',
    intro: 'Deze punten ziet het team per straat op het werkblad en de telefoon.',
    isDefault: 'Nu: de standaardlijst.',
    isOwn: 'Nu: een eigen lijst.',
    key: 'Code',
    label: 'Omschrijving',
    subsidy: 'Subsidie (mag leeg)',
    item: 'Punt {n}',
    remove: 'Punt {n} weghalen',
    add: 'Punt toevoegen',
    save: 'Checklist opslaan',
    reset: 'Standaardlijst herstellen',
    saved: 'Opgeslagen: {n} punten.',
  },
  en: {
    heading: "The municipality's checklist",
    intro: 'The team sees these items for each street on the sheet and on the phone.',
    isDefault: 'Now: the default list.',
    isOwn: 'Now: a list of its own.',
    key: 'Code',
    label: 'Description',
    subsidy: 'Subsidy (may be empty)',
    item: 'Item {n}',
    remove: 'Remove item {n}',
    add: 'Add item',
    save: 'Save checklist',
    reset: 'Restore the default list',
    saved: 'Saved: {n} items.',
  },
});

function row(item: ChecklistItem, n: number, onRemove: () => void): HTMLFieldSetElement {
  const input = (name: keyof ChecklistItem, value: string, label: string, size: number) => {
    const i = h('input', {
      type: 'text',
      name,
      value,
      id: `pk-chk-${n}-${name}`,
      maxLength: name === 'key' ? 40 : 200,
      size,
    });
    return [h('label', { htmlFor: i.id }, label), i];
  };
  const remove = h('button', { type: 'button', className: 'pk-button-small' }, '×');
  remove.setAttribute('aria-label', t('remove', { n }));
  remove.addEventListener('click', onRemove);
  return h(
    'fieldset',
    { className: 'pk-chk-row' },
    h('legend', {}, t('item', { n })),
    ...input('key', item.key, t('key'), 14),
    ...input('label', item.label, t('label'), 40),
    ...input('subsidy', item.subsidy ?? '', t('subsidy'), 30),
    remove,
  );
}

/** The editor for `state`'s municipality. */
export function checklistEditor(initial: ChecklistState): HTMLElement {
  let items = initial.items.map((i) => ({ ...i }));
  const status = h('p', { className: 'pk-hint', id: 'pk-chk-status' });
  status.setAttribute('aria-live', 'polite');
  const rows = h('div', { id: 'pk-chk-rows' });
  const error = h('p', { className: 'pk-error', role: 'alert' });
  const read = (): ChecklistItem[] =>
    [...rows.querySelectorAll('fieldset')].map((fs) => {
      const v = (n: string) => fs.querySelector<HTMLInputElement>(`input[name=${n}]`)!.value.trim();
      return { key: v('key'), label: v('label'), ...(v('subsidy') ? { subsidy: v('subsidy') } : {}) };
    });
  const render = (state?: ChecklistState) => {
    if (state) status.textContent = state.isDefault ? t('isDefault') : t('isOwn');
    rows.replaceChildren(
      ...items.map((it, i) =>
        row(it, i + 1, () => {
          items = read().filter((_, j) => j !== i);
          render();
        }),
      ),
    );
  };
  const save = (list: ChecklistItem[]) => {
    error.textContent = '';
    inspectionApi.setChecklist(initial.municipality, list).then(
      (s) => {
        items = s.items.map((i) => ({ ...i }));
        render(s);
        status.textContent += ` ${t('saved', { n: s.items.length })}`;
      },
      (err: unknown) => (error.textContent = (err as Error).message),
    );
  };
  const add = h('button', { type: 'button', className: 'pk-button pk-button-secondary' }, t('add'));
  add.addEventListener('click', () => {
    items = [...read(), { key: '', label: '' }];
    render();
    rows.querySelector<HTMLInputElement>('fieldset:last-child input')?.focus();
  });
  const submit = h('button', { type: 'submit', className: 'pk-button', id: 'pk-chk-save' }, t('save'));
  const reset = h('button', { type: 'button', className: 'pk-button pk-button-secondary' }, t('reset'));
  reset.addEventListener('click', () => save([]));
  const form = h(
    'form',
    { id: 'pk-chk-form', noValidate: true },
    h('p', { className: 'pk-hint' }, t('intro')),
    status,
    rows,
    add,
    error,
    submit,
    reset,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save(read());
  });
  render(initial);
  return h('details', { className: 'pk-insp-checklist' }, h('summary', {}, h('h3', {}, t('heading'))), form);
}
