/**
 * A municipality's letterhead, contact and subsidy details, stored as JSON in
 * `municipalities.settings`. Letters and the public map read them from here, never from a template.
 */
import { z } from 'zod';

export const MunicipalitySettings = z.object({
  letterhead: z
    .object({
      department: z.string().default('Team Openbare Orde en Veiligheid'),
      /** Return address on one line, printed above the window-envelope address (6-8 pt). */
      returnAddress: z.string().default(''),
      addressLines: z.array(z.string()).default([]),
      phone: z.string().default('14 0'),
      email: z.string().default(''),
      website: z.string().default(''),
      /** Inline SVG markup of the municipal logo. */
      logoSvg: z.string().default(''),
    })
    .prefault({}),
  signatory: z.object({ name: z.string().default(''), title: z.string().default('') }).prefault({}),
  subsidy: z
    .object({
      name: z.string().default('Subsidie hang- en sluitwerk'),
      description: z.string().default(''),
      url: z.string().default(''),
    })
    .prefault({}),
  whatsapp: z.object({ description: z.string().default(''), url: z.string().default('') }).prefault({}),
  /**
   * The checklist of a street inspection (issue 11); empty: the default of
   * server/inspections/checklist.ts (Politiekeurmerk Veilig Wonen, CPTED).
   */
  inspectionChecklist: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_]{1,40}$/),
        label: z.string().min(1).max(200),
        /** A subsidy that helps with this finding, e.g. the Kleine Veiligheidsprojecten gate subsidy. */
        subsidy: z.string().max(200).optional(),
      }),
    )
    .max(40)
    .default([]),
  /**
   * Trial mode of the effect view (docs/readme/effect.md, "Trial mode"): off (share 0) unless the
   * municipality decided otherwise. For this share of cocoons, drawn at random, the cocoon letter
   * is sent late (`delayHours` after the first request) or not at all.
   */
  trial: z
    .object({
      share: z.number().min(0).max(0.5).default(0),
      arm: z.enum(['late', 'none']).default('late'),
      delayHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(14 * 24),
    })
    .prefault({}),
  /** Base URL of the public map as embedded on the municipal website (QR codes in letters). */
  publicMapUrl: z.string().default(''),
  /** English wording of the texts above, for English letters; what is left out stays Dutch. */
  en: z
    .object({
      department: z.string().optional(),
      signatoryTitle: z.string().optional(),
      subsidy: z.object({ name: z.string().optional(), description: z.string().optional() }).prefault({}),
      whatsapp: z.object({ description: z.string().optional() }).prefault({}),
    })
    .prefault({}),
});

export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>;

/** The settings in the language of a letter: English overrides where the municipality gave them. */
export function settingsIn(s: MunicipalitySettings, language: 'nl' | 'en'): MunicipalitySettings {
  if (language === 'nl') return s;
  const en = s.en;
  return {
    ...s,
    letterhead: { ...s.letterhead, department: en.department ?? s.letterhead.department },
    signatory: { ...s.signatory, title: en.signatoryTitle ?? s.signatory.title },
    subsidy: {
      ...s.subsidy,
      name: en.subsidy.name ?? s.subsidy.name,
      description: en.subsidy.description ?? s.subsidy.description,
    },
    whatsapp: { ...s.whatsapp, description: en.whatsapp.description ?? s.whatsapp.description },
  };
}

/** Settings of the demo municipality (Delft). Contact details are the municipality's public ones. */
export const delftDemoSettings: z.input<typeof MunicipalitySettings> = {
  letterhead: {
    department: 'Team Openbare Orde en Veiligheid',
    returnAddress: 'Gemeente Delft, Postbus 78, 2600 ME  DELFT',
    addressLines: ['Stadskantoor, Phoenixstraat 16', '2611 AL  DELFT'],
    phone: '14 015',
    email: 'veiligheid@delft.example',
    website: 'www.delft.nl',
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><rect width="40" height="40" fill="#c8102e"/><path d="M8 30V10h8c7 0 12 4 12 10s-5 10-12 10z" fill="#fff"/><text x="48" y="27" font-family="Liberation Sans, Arial, sans-serif" font-size="18" font-weight="bold" fill="#1a1a1a">Delft</text></svg>',
  },
  signatory: { name: 'J. de Vries', title: 'Coördinator Openbare Orde en Veiligheid' },
  subsidy: {
    name: 'Subsidie hang- en sluitwerk',
    description:
      'De gemeente vergoedt de helft van de kosten van inbraakwerend hang- en sluitwerk (SKG**), tot € 150 per woning.',
    url: 'www.delft.nl/inbraakpreventie',
  },
  whatsapp: {
    description: 'Sluit u aan bij de WhatsApp-buurtpreventiegroep in uw buurt.',
    url: 'www.wabp.nl',
  },
  publicMapUrl: '',
  en: {
    department: 'Public Order and Safety Team',
    signatoryTitle: 'Coordinator, Public Order and Safety',
    subsidy: {
      name: 'Subsidy for locks and hinges',
      description:
        'The municipality pays half the cost of burglary-resistant locks and hinges (SKG**), up to € 150 per home.',
    },
    whatsapp: { description: 'Join the WhatsApp neighbourhood watch group in your area.' },
  },
};
