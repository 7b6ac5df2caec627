/** The sign-up page's words, Dutch and English. */
export type Lang = 'nl' | 'en';

export const TEXT: Record<Lang, Record<string, string>> = {
  nl: {
    pageTitle: 'Aanmelden voor de preventieavond',
    codeTitle: 'Uw persoonlijke code',
    codeIntro: 'De code staat in de uitnodiging die u per post kreeg (8 letters en cijfers).',
    codeLabel: 'Code',
    codeButton: 'Verder',
    peopleLabel: 'Met hoeveel personen komt u?',
    contactLegend: 'Herinnering (niet verplicht)',
    nameLabel: 'Naam',
    emailLabel: 'E-mailadres',
    consentLabel:
      'Ik geef toestemming dat de gemeente mijn naam en e-mailadres bewaart om mij een herinnering te sturen. Ze worden na de avond verwijderd.',
    submitNew: 'Aanmelden',
    submitChange: 'Wijziging opslaan',
    cancelButton: 'Afmelden',
    venue: 'Locatie',
    area: 'Voor bewoners van',
    confirmed: 'U bent aangemeld met {n} {persons}. Tot dan!',
    waiting:
      'De avond is vol. U staat op de wachtlijst (plaats {pos}) met {n} {persons}; komt er plaats vrij, dan schuift u door.',
    none: 'U bent (nog) niet aangemeld.',
    cancelledSignup: 'U bent afgemeld.',
    full: 'De avond is vol: nieuwe aanmeldingen komen op de wachtlijst.',
    contactStored: 'Uw naam en e-mailadres zijn bewaard voor de herinnering.',
    person: 'persoon',
    persons: 'personen',
    eveningCancelled: 'Deze avond gaat niet door.',
    eveningOver: 'Deze avond is voorbij.',
    consentNeeded: 'Geef toestemming, of laat naam en e-mailadres leeg.',
    otherLang: 'English',
  },
  en: {
    pageTitle: 'Sign up for the prevention evening',
    codeTitle: 'Your personal code',
    codeIntro: 'The code is in the invitation you received by post (8 letters and digits).',
    codeLabel: 'Code',
    codeButton: 'Continue',
    peopleLabel: 'How many people are coming?',
    contactLegend: 'Reminder (optional)',
    nameLabel: 'Name',
    emailLabel: 'Email address',
    consentLabel:
      'I agree that the municipality keeps my name and email address to send me a reminder. They are deleted after the evening.',
    submitNew: 'Sign up',
    submitChange: 'Save changes',
    cancelButton: 'Cancel my sign-up',
    venue: 'Venue',
    area: 'For residents of',
    confirmed: 'You are signed up with {n} {persons}. See you there!',
    waiting:
      'The evening is full. You are on the waiting list (place {pos}) with {n} {persons}; if a place comes free, you move up.',
    none: 'You are not signed up (yet).',
    cancelledSignup: 'Your sign-up is cancelled.',
    full: 'The evening is full: new sign-ups go on the waiting list.',
    contactStored: 'Your name and email address are kept for the reminder.',
    person: 'person',
    persons: 'people',
    eveningCancelled: 'This evening has been cancelled.',
    eveningOver: 'This evening is over.',
    consentNeeded: 'Give your consent, or leave name and email address empty.',
    otherLang: 'Nederlands',
  },
};

export function fill(s: string, v: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
}
