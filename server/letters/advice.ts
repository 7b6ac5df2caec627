/**
 * Prevention advice in letters: one paragraph per method of entry (keyed by the
 * modus_operandi code of the incident), plus general advice and whom to call (docs/readme/letters.md).
 */
export type Language = 'nl' | 'en';

export const MO_CODES = [
  'cylinder_snapping',
  'latch_slipping',
  'open_window_door',
  'door_forced',
  'window_forced',
  'climbing',
  'unknown',
] as const;
export type ModusOperandi = (typeof MO_CODES)[number];

interface MethodAdvice {
  /** How it happened, after "De inbreker kwam binnen door ..." / "The burglar got in by ...". */
  how: string;
  advice: string;
}

const METHOD: Record<Language, Record<ModusOperandi, MethodAdvice>> = {
  nl: {
    cylinder_snapping: {
      how: 'de cilinder van het deurslot af te breken (cilindertrekken)',
      advice:
        'Laat een veiligheidscilinder met kerntrekbeveiliging plaatsen (SKG*** of SKG** met veiligheidsbeslag) die niet meer dan 3 mm uit het beslag steekt.',
    },
    latch_slipping: {
      how: 'de dagschoot van het slot open te duwen (flipperen)',
      advice:
        'Draai de deur altijd op het nachtslot, ook als u maar even weg bent, en laat een anti-inbraakstrip plaatsen die de dagschoot afschermt.',
    },
    open_window_door: {
      how: 'een open raam of deur',
      advice:
        'Sluit ramen, deuren en het tuinhek, ook als u in de tuin bent of maar even weggaat. Kantelramen in de ventilatiestand zijn van buitenaf te openen.',
    },
    door_forced: {
      how: 'een deur open te breken',
      advice:
        'Laat deuren voorzien van SKG**-hang- en sluitwerk met een meerpuntsluiting en dievenklauwen aan de scharnierkant.',
    },
    window_forced: {
      how: 'een raam open te breken of in te slaan',
      advice:
        'Laat ramen op de begane grond voorzien van SKG**-raamsluitingen met een slot, en overweeg gelaagd glas.',
    },
    climbing: {
      how: 'via een balkon of plat dak binnen te klimmen',
      advice:
        'Sluit ook ramen en deuren op de verdieping. Berg ladders, kliko’s en tuinmeubilair op, zodat niemand er op kan klimmen.',
    },
    unknown: {
      how: 'een manier die nog wordt onderzocht',
      advice: 'Controleer of uw deuren en ramen voldoen aan het Politiekeurmerk Veilig Wonen (PKVW).',
    },
  },
  en: {
    cylinder_snapping: {
      how: 'snapping the cylinder of the door lock',
      advice:
        'Have an anti-snap security cylinder fitted (SKG*** or SKG** with security fittings) that sticks out no more than 3 mm from the escutcheon.',
    },
    latch_slipping: {
      how: 'slipping the latch of the lock (with a card or strip)',
      advice:
        'Always double-lock the door, even when you are out briefly, and have an anti-burglary strip fitted that shields the latch.',
    },
    open_window_door: {
      how: 'an open window or door',
      advice:
        'Close windows, doors and the garden gate, even when you are in the garden or out for a moment. Tilted windows can be opened from outside.',
    },
    door_forced: {
      how: 'forcing a door',
      advice: 'Have doors fitted with SKG** locks and hinges, a multi-point lock and hinge bolts.',
    },
    window_forced: {
      how: 'forcing or breaking a window',
      advice:
        'Have ground-floor windows fitted with lockable SKG** window locks, and consider laminated glass.',
    },
    climbing: {
      how: 'climbing in over a balcony or flat roof',
      advice:
        'Lock upstairs windows and doors too. Put away ladders, wheelie bins and garden furniture so nobody can climb on them.',
    },
    unknown: {
      how: 'a way that is still being investigated',
      advice:
        'Check whether your doors and windows meet the Police Label for Safe Housing (Politiekeurmerk Veilig Wonen, PKVW).',
    },
  },
};

const GENERAL: Record<Language, string[]> = {
  nl: [
    'Sluit deuren en ramen af, ook als u maar even weg bent, en draai de deur op het nachtslot.',
    'Laat ’s avonds licht branden met een tijdschakelaar als u niet thuis bent.',
    'Kies hang- en sluitwerk met twee sterren (SKG**) of meer.',
    'Denk aan de 3 L’en: Licht, Lawaai en Lang werk schrikken inbrekers af.',
  ],
  en: [
    'Lock doors and windows, even when you are out briefly, and double-lock the door.',
    'Leave a light on a timer in the evening when you are not at home.',
    'Choose locks and hinges with two stars (SKG**) or more.',
    'Remember the 3 Ls: Light, noise (Lawaai) and taking Long put burglars off.',
  ],
};

/** Advice for a method of entry; unknown codes get the 'unknown' advice. */
export function methodAdvice(language: Language, mo: string): MethodAdvice {
  const table = METHOD[language];
  return (table as Record<string, MethodAdvice>)[mo] ?? table.unknown;
}

export function generalAdvice(language: Language): string[] {
  return GENERAL[language];
}

/** Whom to call (docs/readme/public-map.md): 112 now, 0900-8844 otherwise, Meld Misdaad Anoniem 0800-7000. */
export const EMERGENCY = { now: '112', police: '0900-8844', anonymous: '0800-7000' } as const;
