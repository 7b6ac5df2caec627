/**
 * The campaigns service, as routes, the CLI and the client's types use it. Each concept is a
 * file of its own:
 * - campaign-input.ts: the request body (zod schemas) and the template of each kind;
 * - campaign-access.ts: who acts (Actor) and which municipality they may see;
 * - campaign-create.ts: selecting addresses, creating the campaign and its letters, enqueueing;
 * - campaign-status.ts: status and counts;
 * - campaign-export.ts: "may I, and what" (prepareExport), then the print file, zip or manifest;
 * - campaign-manifest.ts: the manifest CSV and the zip's file names;
 * - campaign-reconcile.ts: re-enqueueing what Postgres says is pending;
 * - campaign-preview.ts: counts, streets, left-out addresses and the first letter before sending;
 * - campaign-office.ts: the list, cancel, retry, history per street, the letter to-do list;
 * - campaign-events.ts: progress pushed as server-sent events.
 * The letters pipeline itself (job contract, batch cut, queue, print file) is server/letters/.
 */
export type { Actor } from './campaign-access';
export { CreateCampaign, Selection } from './campaign-input';
export { createCampaign } from './campaign-create';
export { campaignStatus, type CampaignStatus } from './campaign-status';
export {
  exportManifest,
  exportPrintFile,
  exportZip,
  prepareExport,
  printFilePdf,
  writeZip,
  type CampaignExport,
  type ExportFormat,
} from './campaign-export';
export { manifestCsv } from './campaign-manifest';
export { reconcile } from './campaign-reconcile';
export { previewCampaign, previewFirstLetter, type CampaignPreview } from './campaign-preview';
export {
  cancelCampaign,
  lastLetters,
  letterTodo,
  listCampaigns,
  retryFailed,
  streetHistory,
  TODO_DAYS,
  type CampaignListItem,
} from './campaign-office';
export { streamCampaignStatus } from './campaign-events';
