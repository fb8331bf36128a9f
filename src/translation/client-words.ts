/**
 * The few words iop itself prints on a client page, per language: the line
 * before the objectives and the page title. English is the module's own.
 */

/** Words iop prints on a handout page. */
export interface ClientWords {
  /** Heads the objectives: "In this session you will:". */
  objectivesIntro: string
  /** Page title prefix: "Handouts". */
  handouts: string
}

const words: Record<string, ClientWords> = {
  en: {objectivesIntro: 'In this session you will:', handouts: 'Handouts'},
  es: {objectivesIntro: 'En esta sesión vas a:', handouts: 'Hojas para participantes'}
}

/**
 * The client words of a language (English when iop has none for it).
 *
 * @param lang A language code.
 * @returns The words.
 */
export function clientWords(lang: string): ClientWords {
  return words[lang] ?? words.en
}
