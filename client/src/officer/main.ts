/**
 * Officers' map: sign in, see the municipality's burglaries with their exact places and dates,
 * near-repeat clusters, forward-looking risk zones and street activity; read the Knox test;
 * select streets or a risk zone and send prevention letters. Everything comes from this server
 * (figures, vector tiles, base map, glyphs): no third-party request.
 *
 * This file only wires the parts together: the store (officer-store.ts) holds what is shown and
 * picked, the panels and the map subscribe to it, the loader fills it.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './officer.css';
import { mountActivityTable } from './activity-table';
import { api, ApiError, setCsrfToken, type MunicipalityInfo, type SessionUser } from './api';
import type { BBox } from './bbox';
import { byId } from './by-id';
import { CampaignProgress } from './campaign-progress';
import { mountClusterList } from './cluster-list';
import { createMap, type OfficerMap } from './create-map';
import { DataLoader } from './data-loader';
import { setupImportPanel } from './import-panel';
import { mountKnoxTable } from './knox-table';
import { addLayerClicks } from './layer-clicks';
import { renderLegend } from './legend';
import { LetterPanel } from './letter-panel';
import { OfficePanels } from './office-panels';
import { AreaDraw, wireAreaButtons } from './area-draw';
import { mountAccount, mountAdmin } from './admin-panels';
import { enrolTotp } from './totp-enrolment';
import { MapPopup } from './map-popup';
import { syncMap } from './map-sync';
import { mountMunicipalityHeader } from './municipality-header';
import { LAYER_GROUPS, tileQuery } from './officer-style';
import { OfficerStore } from './officer-store';
import { period } from './period';
import { startPlannerView } from './planner-view';
import { mountPeriodTotals } from './period-totals';
import { SignInForm } from './sign-in-form';
import { messages } from './i18n';
import { setupPageTexts } from './page-texts';
import { installTestHook } from './test-hook';
import { mountTeamSections } from './team-sections';
import { userMunicipalities } from './user-municipalities';

setupPageTexts();
const t = messages({
  nl: {
    noMunicipality: 'U heeft geen toegang tot een geladen gemeente.',
    expired: 'Uw sessie is verlopen: meld u opnieuw aan.',
    error: 'Fout: {message}',
  },
  en: {
    noMunicipality: 'You have no access to a loaded municipality.',
    expired: 'Your session has expired: please sign in again.',
    error: 'Error: {message}',
  },
});
const layerToggle = (group: string) => byId<HTMLInputElement>(`pk-layer-${group}`);
const store = new OfficerStore(
  Object.fromEntries(Object.keys(LAYER_GROUPS).map((g) => [g, layerToggle(g).checked])),
);
const message = (text: string) => (byId('pk-message').textContent = text);
let officerMap: OfficerMap | undefined;
let areaDraw: AreaDraw | undefined;
let choices: MunicipalityInfo[] = [];
const loader = new DataLoader(store, message, () => officerMap!.loaded);
const progress = new CampaignProgress();
const signIn = new SignInForm(startApp);

const fitTo = (bbox: BBox | null) => {
  if (bbox && officerMap) officerMap.map.fitBounds(bbox, { padding: 80, maxZoom: 17, duration: 500 });
};
const letters = new LetterPanel(store, progress);
new OfficePanels(store, progress);
mountActivityTable(byId('pk-activity-table'), store, fitTo);
mountClusterList(byId('pk-cluster-list'), store, fitTo);
mountKnoxTable(byId('pk-knox'), store);
mountPeriodTotals(byId('pk-totals'), store);
mountMunicipalityHeader(store);
renderLegend(byId('pk-legend-items'));

function startMap(m: MunicipalityInfo): OfficerMap {
  const { from, to } = period(store.get().days);
  const om = createMap(byId('pk-map'), m, tileQuery(from, to));
  const setReady = installTestHook(om.map, m.code, store, progress, letters.preview);
  addLayerClicks(om.map, store, new MapPopup(om.map), showError);
  areaDraw = new AreaDraw(om.map, store);
  syncMap(om, store, setReady);
  return om;
}

async function showMunicipality(m: MunicipalityInfo): Promise<void> {
  store.showMunicipality(m);
  byId('pk-app').hidden = false;
  if (officerMap) officerMap.map.fitBounds(m.bbox, { padding: 20, duration: 0 });
  else officerMap = startMap(m);
  await loader.loadPeriod();
  void loader.loadKnox();
}

async function startApp(user: SessionUser): Promise<void> {
  if (user.mustEnrolTotp) {
    await enrolTotp();
    user = { ...user, mustEnrolTotp: false, totpEnabled: true };
  }
  byId('pk-signin').hidden = true;
  byId('pk-user').hidden = false;
  byId('pk-user-email').textContent = user.name ?? user.email;
  choices = userMunicipalities(user, (await api.municipalities()).municipalities);
  if (!choices[0]) {
    message(t('noMunicipality'));
    return;
  }
  // A planner sees no burglary: the base map and the planners' sections only (planner-view.ts).
  if (user.role === 'planner') {
    startPlannerView({ user, municipality: choices[0], showError });
    void mountAccount().catch(showError);
    return;
  }
  byId('pk-municipality-select').replaceChildren(...choices.map((c) => new Option(c.name, c.code)));
  byId('pk-municipality-choice').hidden = choices.length < 2;
  await showMunicipality(choices[0]);
  mountTeamSections({ store, user, map: () => officerMap?.map, showError, draw: () => areaDraw });
  void mountAccount().catch(showError);
  if (user.role === 'admin') void mountAdmin().catch(showError);
}

function showError(err: unknown): void {
  console.error(err);
  if (err instanceof ApiError && err.status === 401) {
    message(t('expired'));
    signIn.show();
    return;
  }
  message(t('error', { message: (err as Error).message }));
}

byId('pk-signout').addEventListener('click', () => {
  progress.stop();
  void api.signOut().finally(() => location.reload());
});
wireAreaButtons(() => areaDraw);
byId('pk-period').addEventListener('change', () => {
  store.setDays(Number(byId<HTMLSelectElement>('pk-period').value));
  void loader.loadPeriod().catch(showError);
});
byId('pk-municipality-select').addEventListener('change', () => {
  const m = choices.find((c) => c.code === byId<HTMLSelectElement>('pk-municipality-select').value);
  if (m) void showMunicipality(m).catch(showError);
});
for (const group of Object.keys(LAYER_GROUPS))
  layerToggle(group).addEventListener('change', () => store.setLayer(group, layerToggle(group).checked));
setupImportPanel({
  municipality: () => store.get().municipality!.code,
  onImported: () => loader.loadPeriod().catch(showError),
});

/** Restores the session, or asks to sign in. */
async function main(): Promise<void> {
  try {
    const s = await api.session();
    setCsrfToken(s.csrfToken);
    await startApp(s.user);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) signIn.show();
    else throw err;
  }
}

main().catch(showError);
