/**
 * The campaigns service, as routes, the CLI and the client's types use it. Each concept is a
 * file of its own:
 * - campaign-input.ts: the request body (zod schemas) and the template of each kind;
 * - campaign-access.ts: who acts (Actor) and which municipality they may see;
 * - campaign-create.ts: selecting addresses, creating the campaign and its letters, enqueueing;
 * - campaign-status.ts: status and counts;
 * - campaign-export.ts: "may I, and what" (prepareExport), then the print file, zip or manifest;
 * - campaign-manifest.ts: the manifest CSV and the zip's file names;
 * - campaign-reconcile.ts: re-enqueueing what Postgres says is pending.
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
