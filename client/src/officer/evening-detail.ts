/**
 * One evening in the evenings panel: when and where, its streets, the buttons (send the
 * invitations, change, cancel, refresh, CSV), the response per street (invited, signed up,
 * coming, waiting, attended, response rate) and ticking attendance by the code on the letter.
 * Per street only, as the API answers: no house number, no name, no e-mail address.
 */
import { eveningApi, type EveningResponse, type EveningView } from './evening-api';
import { button, el, field, input, table } from './evening-dom';
import { et } from './evening-texts';
import { locale } from './i18n';

export interface DetailActions {
  edit: (e: EveningView) => void;
  changed: (e: EveningView) => void;
  showError: (err: unknown) => void;
}

const statusText = (s: EveningView['status']) =>
  et(s === 'planned' ? 'statusPlanned' : s === 'cancelled' ? 'statusCancelled' : 'statusHeld');

/** "di 12 mrt 2030, 19:30–21:30" (Europe/Amsterdam). */
export function whenText(startsAt: string, endsAt: string): string {
  const tz = { timeZone: 'Europe/Amsterdam' } as const;
  const day = new Intl.DateTimeFormat(locale(), {
    ...tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale(), {
    ...tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day.format(new Date(startsAt))}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

const percent = (r: number) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(r);

export class EveningDetail {
  readonly element = el('section', { id: 'pk-ev-detail', className: 'pk-ev-detail' });
  private evening: EveningView | null = null;
  private readonly status = el('p', { id: 'pk-ev-status', className: 'pk-hint' });
  private readonly response = el('div', { id: 'pk-ev-response' });

  constructor(private readonly actions: DetailActions) {
    this.element.hidden = true;
    this.element.setAttribute('aria-labelledby', 'pk-ev-detail-title');
    this.status.setAttribute('aria-live', 'polite');
  }

  /** The evening shown (null: none). */
  get shown(): EveningView | null {
    return this.evening;
  }

  /** Shows an evening and loads its response. */
  async show(e: EveningView, status = ''): Promise<void> {
    this.evening = e;
    this.element.hidden = false;
    const open = e.status === 'planned';
    const begun = new Date(e.startsAt).getTime() <= Date.now();
    const buttons = el('div', { className: 'pk-ev-buttons' });
    if (open && !e.campaignId && !begun)
      buttons.append(button(et('invite'), () => void this.invite(), false, 'pk-ev-invite'));
    if (open) buttons.append(button(et('edit'), () => this.actions.edit(e), true, 'pk-ev-edit'));
    if (open) buttons.append(button(et('cancel'), () => void this.cancel(), true, 'pk-ev-cancel'));
    buttons.append(button(et('refresh'), () => void this.loadResponse(), true, 'pk-ev-refresh'));
    const csv = el('a', { id: 'pk-ev-csv', textContent: et('csv') });
    csv.href = eveningApi.csvUrl(e.id);
    csv.download = '';
    buttons.append(csv);
    const children: Node[] = [
      el('h3', { id: 'pk-ev-detail-title', textContent: et('detail', { title: e.title }) }),
      el('p', {
        textContent: `${whenText(e.startsAt, e.endsAt)} · ${e.venue.name} · ${statusText(e.status)}`,
      }),
      el('p', {
        className: 'pk-hint',
        textContent: et('detailStreets', { streets: e.areaStreets.join(', ') }),
      }),
      buttons,
      this.status,
      this.response,
    ];
    if (begun && e.status !== 'cancelled') children.push(this.attendanceForm(e));
    this.element.replaceChildren(...children);
    this.status.textContent =
      status || (e.campaignId ? et('invitedAlready', { campaign: e.campaignId }) : '');
    await this.loadResponse();
  }

  hide(): void {
    this.evening = null;
    this.element.hidden = true;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.status.textContent = et('error', { message: (err as Error).message });
      this.actions.showError(err);
    }
  }

  private invite(): Promise<void> {
    const e = this.evening;
    if (!e || !confirm(et('inviteConfirm'))) return Promise.resolve();
    return this.run(async () => {
      const sent = await eveningApi.invite(e.id);
      this.actions.changed(sent);
      await this.show(sent, et('invited', { n: sent.counts.invited, campaign: sent.campaignId ?? '' }));
    });
  }

  private cancel(): Promise<void> {
    const e = this.evening;
    if (!e || !confirm(et('cancelConfirm'))) return Promise.resolve();
    return this.run(async () => {
      const c = await eveningApi.cancel(e.id);
      this.actions.changed(c);
      await this.show(c, et('cancelled'));
    });
  }

  /** Loads and draws the response per street. */
  loadResponse(): Promise<void> {
    const e = this.evening;
    if (!e) return Promise.resolve();
    return this.run(async () => {
      const r = await eveningApi.response(e.id);
      if (this.evening?.id === e.id) this.response.replaceChildren(this.responseTable(r));
    });
  }

  private responseTable(r: EveningResponse): HTMLTableElement {
    const n = (x: number) => x.toLocaleString(locale());
    const row = (name: string, s: EveningResponse['totals']) => [
      name,
      n(s.invited),
      n(s.signedUp),
      n(s.coming),
      n(s.waiting),
      n(s.attended),
      percent(s.responseRate),
    ];
    const t = table(
      et('responseCaption'),
      [
        et('colStreet'),
        et('colInvited'),
        et('colHouseholds'),
        et('colComing'),
        et('colWaiting'),
        et('colAttended'),
        et('colRate'),
      ],
      [...r.streets.map((s) => row(s.street, s)), row(et('total'), r.totals)],
      'pk-ev-response-table',
    );
    t.tBodies[0]!.rows[t.tBodies[0]!.rows.length - 1]!.className = 'pk-ev-total';
    r.streets.forEach((s, i) => (t.tBodies[0]!.rows[i]!.dataset.street = s.street));
    return t;
  }

  private attendanceForm(e: EveningView): HTMLFormElement {
    const form = el('form', { id: 'pk-ev-attendance', className: 'pk-ev-attendance' });
    form.noValidate = true;
    const code = input('pk-ev-code', 'text', { maxlength: '20', autocomplete: 'off', spellcheck: 'false' });
    const absent = input('pk-ev-absent', 'checkbox');
    const result = el('p', { id: 'pk-ev-attendance-result', className: 'pk-hint' });
    result.setAttribute('aria-live', 'polite');
    const submit = el('button', {
      className: 'pk-button pk-button-secondary',
      textContent: et('attendanceTick'),
    });
    submit.type = 'submit';
    form.append(
      el('h4', { textContent: et('attendance') }),
      el('p', { className: 'pk-hint', textContent: et('attendanceHint') }),
      ...field(et('attendanceCode'), code),
      el('label', { className: 'pk-check' }, absent, ` ${et('attendanceAbsent')}`),
      submit,
      result,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.run(async () => {
        const r = await eveningApi.attendance(e.id, code.value, !absent.checked);
        // The code is the resident's key: it does not stay on the screen.
        code.value = '';
        result.textContent = et('attendanceDone', {
          street: r.street,
          state: et(r.attended ? 'present' : 'absent'),
        });
        await this.loadResponse();
      });
    });
    return form;
  }
}
