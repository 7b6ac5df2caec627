/** `load-basemap FILE` and `public-glyphs`: the public map's own background and label font. */
import path from 'node:path';
import { type CliCommand, parseFlags, printJson } from '../core/cli-kit';
import { BadInputError } from '../core/errors';
import { loadBasemap } from './basemap-loader';
import { FONTSTACKS, generateGlyphRanges } from './glyphs';

/** Latin, Latin Extended-A/B and general punctuation (– ‘ ’ “ ” …): what Dutch street names need. */
const RANGES = [0, 256, 8192];

export const basemapCommands: CliCommand[] = [
  {
    name: 'load-basemap',
    usage:
      'load-basemap FILE                water, landuse, buildings, roads for the public map from an .osm.pbf',
    async run(args) {
      const { positionals } = parseFlags(args, {});
      if (!positionals[0]) throw new BadInputError('load-basemap needs a FILE (.osm.pbf)');
      printJson(await loadBasemap(path.resolve(positionals[0])));
    },
  },
  {
    name: 'public-glyphs',
    usage:
      'public-glyphs                   generate the map label glyphs (Liberation Sans) ahead of the first visitor',
    async run() {
      const ranges = Object.keys(FONTSTACKS).flatMap((fontstack) =>
        RANGES.map((start) => ({ fontstack, start })),
      );
      const out = await generateGlyphRanges(ranges);
      printJson({
        ranges: ranges.map((r, i) => `${r.fontstack}/${r.start}-${r.start + 255}: ${out[i]!.length} bytes`),
      });
    },
  },
];
