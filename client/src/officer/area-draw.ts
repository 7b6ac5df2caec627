/**
 * Drawing an area on the officers' map for letters to every address inside it, with terra-draw
 * and its MapLibre adapter (no drawing code of our own). "Gebied tekenen" starts the polygon
 * mode: click the corners, click the first corner again (or press Enter) to close it. The
 * finished area can then be changed by dragging its corners (select mode); every change goes to
 * the store, and the letter form's preview follows.
 */
import type { Polygon } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { byId } from './by-id';
import type { OfficerStore } from './officer-store';

export class AreaDraw {
  private draw: TerraDraw | undefined;

  constructor(
    private readonly map: MlMap,
    private readonly store: OfficerStore,
  ) {
    // Letters to someone else than the area: the drawing tool lets go of the map.
    store.subscribe(['letterTarget'], () => {
      if (store.get().letterTarget !== 'area' && store.get().drawing) {
        this.draw?.setMode('static');
        store.setDrawing(false);
      }
    });
  }

  private ensure(): TerraDraw {
    if (this.draw) return this.draw;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new TerraDrawPolygonMode({
          styles: { fillColor: '#1f4e79', fillOpacity: 0.15, outlineColor: '#1f4e79', outlineWidth: 3 },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: true,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
          },
        }),
      ],
    });
    draw.start();
    draw.on('finish', (id) => {
      this.publish(id);
      // Corners can be dragged from now on.
      draw.setMode('select');
      draw.selectFeature(id);
    });
    draw.on('change', (ids, type) => {
      if (type === 'update' && draw.getMode() === 'select') for (const id of ids) this.publish(id);
    });
    this.draw = draw;
    return draw;
  }

  private publish(id: string | number): void {
    const f = this.draw?.getSnapshot().find((x) => x.id === id);
    if (f?.geometry.type === 'Polygon') this.store.setDrawnArea(f.geometry as Polygon);
  }

  /** Starts drawing a new area (the old one goes). */
  start(): void {
    const draw = this.ensure();
    draw.clear();
    this.store.setDrawnArea(null);
    this.store.setDrawing(true);
    draw.setMode('polygon');
    this.map.getCanvas().focus();
  }

  /** Removes the area. */
  clear(): void {
    this.draw?.clear();
    this.draw?.setMode('static');
    this.store.setDrawnArea(null);
    this.store.setDrawing(false);
  }
}

/** "Gebied tekenen" and "Wissen" in the letter form, for the map's drawing once there is a map. */
export function wireAreaButtons(area: () => AreaDraw | undefined): void {
  byId('pk-area-draw').addEventListener('click', () => area()?.start());
  byId('pk-area-clear').addEventListener('click', () => area()?.clear());
}
