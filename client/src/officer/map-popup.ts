/** The map's one popup: a title, lines of text and action buttons that close it. */
import { Popup, type LngLatLike, type Map as MlMap } from 'maplibre-gl';

/** A button in a popup: its label and what it does. */
export type PopupAction = [label: string, run: () => void];

/** Shows one popup at a time on a map. */
export class MapPopup {
  private popup: Popup | undefined;

  constructor(private readonly map: MlMap) {}

  /** Shows a popup at `at`, replacing the one that was open. */
  show(at: LngLatLike, title: string, lines: string[], actions: PopupAction[]): void {
    this.close();
    this.popup = new Popup({ maxWidth: '18rem', focusAfterOpen: true })
      .setLngLat(at)
      .setDOMContent(this.content(title, lines, actions))
      .addTo(this.map);
  }

  /** Closes the open popup, if any. */
  close(): void {
    this.popup?.remove();
  }

  private content(title: string, lines: string[], actions: PopupAction[]): HTMLElement {
    const div = document.createElement('div');
    div.className = 'pk-popup';
    const h = document.createElement('h3');
    h.textContent = title;
    div.appendChild(h);
    for (const l of lines) {
      const p = document.createElement('p');
      p.textContent = l;
      div.appendChild(p);
    }
    for (const [label, run] of actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'pk-button-small';
      b.textContent = label;
      b.addEventListener('click', () => {
        run();
        this.close();
      });
      div.append(b, document.createTextNode(' '));
    }
    return div;
  }
}
