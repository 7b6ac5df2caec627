/** `campaign create|status|export` and `reconcile`. Command-line work is audited as 'cli:<os user>'. */
import fs from 'node:fs';
import path from 'node:path';
import { type CliCommand, cliActor, parseFlags, printJson } from '../core/cli-kit';
import { BadInputError } from '../core/errors';
import * as campaigns from './campaigns.service';
import { closeLetterQueue } from '../letters/letter-queue';

const cliUser = (): campaigns.Actor => ({ userId: null, actor: cliActor(), municipalities: 'all' });

const idList = (s: string, flag: string) =>
  s.split(',').map((x) => {
    const n = Number(x.trim());
    if (!Number.isInteger(n) || n <= 0) throw new BadInputError(`--${flag}: '${x}' is not an id`);
    return n;
  });

function campaignId(positionals: string[], cmd: string): number {
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id <= 0) throw new BadInputError(`${cmd} needs a campaign ID`);
  return id;
}

export const campaignCommands: CliCommand[] = [
  {
    name: 'campaign create',
    usage:
      'campaign create --municipality CODE --kind cocoon|evening|victim [--language nl|en] (--streets 1,2 | --polygon FILE.geojson | --risk-zones cocoon:s12,watch:s12 | --incident ID [--radius M]) [--evening-at ISO --evening-location TEXT]',
    async run(args) {
      const { values } = parseFlags(args, {
        municipality: { type: 'string' },
        kind: { type: 'string' },
        language: { type: 'string' },
        streets: { type: 'string' },
        polygon: { type: 'string' },
        'risk-zones': { type: 'string' },
        incident: { type: 'string' },
        radius: { type: 'string' },
        'evening-at': { type: 'string' },
        'evening-location': { type: 'string' },
      });
      let selection: unknown;
      if (values.streets) selection = { streetIds: idList(values.streets, 'streets') };
      else if (values.polygon) {
        const file = path.resolve(values.polygon);
        let g: { type?: string; geometry?: unknown; features?: { geometry: unknown }[] };
        try {
          g = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (err) {
          throw new BadInputError(`--polygon ${file}: ${(err as Error).message}`);
        }
        const geometry =
          g.type === 'FeatureCollection' ? g.features?.[0]?.geometry : g.type === 'Feature' ? g.geometry : g;
        selection = { polygon: geometry };
      } else if (values['risk-zones'])
        selection = { riskZoneIds: values['risk-zones'].split(',').map((z) => z.trim()) };
      else if (values.incident)
        selection = {
          incidentId: Number(values.incident),
          ...(values.radius ? { radiusM: Number(values.radius) } : {}),
        };
      else throw new BadInputError('campaign create needs --streets, --polygon, --risk-zones or --incident');
      const body = {
        municipality: values.municipality,
        kind: values.kind,
        language: values.language,
        selection,
        ...(values.incident ? { incidentId: Number(values.incident) } : {}),
        ...(values['evening-at']
          ? { evening: { at: values['evening-at'], location: values['evening-location'] ?? '' } }
          : {}),
      };
      try {
        const c = await campaigns.createCampaign(body, cliUser());
        printJson({ ...c, excludedAddresses: c.excludedAddresses.length });
      } finally {
        await closeLetterQueue();
      }
    },
  },
  {
    name: 'campaign status',
    usage: 'campaign status ID                status and counts (total, rendered, failed, excluded)',
    async run(args) {
      const { positionals } = parseFlags(args, {});
      printJson(await campaigns.campaignStatus(campaignId(positionals, 'campaign status'), cliUser()));
    },
  },
  {
    name: 'campaign export',
    usage:
      'campaign export ID [--pdf FILE] [--zip FILE] [--manifest FILE]   print file, one PDF per address, address list',
    async run(args) {
      const { values, positionals } = parseFlags(args, {
        pdf: { type: 'string' },
        zip: { type: 'string' },
        manifest: { type: 'string' },
      });
      const id = campaignId(positionals, 'campaign export');
      if (!values.pdf && !values.zip && !values.manifest)
        throw new BadInputError('campaign export needs --pdf, --zip and/or --manifest FILE');
      const written: Record<string, string> = {};
      if (values.pdf) {
        fs.writeFileSync(values.pdf, await campaigns.exportPrintFile(id, cliUser()));
        written.pdf = values.pdf;
      }
      if (values.zip) {
        await campaigns.exportZip(id, cliUser(), fs.createWriteStream(values.zip));
        written.zip = values.zip;
      }
      if (values.manifest) {
        fs.writeFileSync(values.manifest, await campaigns.exportManifest(id, cliUser()));
        written.manifest = values.manifest;
      }
      printJson({ campaign: id, written });
    },
  },
  {
    name: 'reconcile',
    usage:
      'reconcile [--campaign ID]        re-enqueue every letter Postgres says is not rendered yet (after Redis lost data)',
    async run(args) {
      const { values } = parseFlags(args, { campaign: { type: 'string' } });
      try {
        printJson(await campaigns.reconcile(values.campaign ? Number(values.campaign) : null));
      } finally {
        await closeLetterQueue();
      }
    },
  },
];
