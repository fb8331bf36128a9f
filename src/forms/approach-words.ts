/**
 * The `approaches` of a module in plain clinical words, as a group note
 * names the interventions used ("CBT skills training", "motivational
 * interviewing"). An id not listed here is printed as its words.
 */

/** Plain clinical words for each approach id the bundled modules use. */
export const approachWords: Readonly<Record<string, string>> = Object.freeze({
  'acceptance-commitment': 'acceptance and commitment therapy (ACT) skills',
  'behavioral-activation': 'behavioral activation',
  'case-management': 'case management and linkage to services',
  cbt: 'CBT skills training',
  'contingency-management': 'contingency management education',
  craft: 'CRAFT (community reinforcement and family training)',
  dbt: 'DBT skills training',
  'family-systems': 'family systems intervention',
  'group-process': 'group process facilitation',
  'harm-reduction': 'harm reduction education',
  mi: 'motivational interviewing',
  mindfulness: 'mindfulness practice',
  psychoeducation: 'psychoeducation',
  'skills-training': 'skills training with rehearsal',
  'solution-focused': 'solution-focused intervention',
  'trauma-informed': 'trauma-informed care',
  'twelve-step': 'twelve-step facilitation'
})

/**
 * An approach id in plain words.
 *
 * @param id A kebab-case approach id from a module's frontmatter.
 * @returns Its phrase, or the id with spaces for an id not listed.
 */
export function approachPhrase(id: string): string {
  return approachWords[id] ?? id.replaceAll('-', ' ')
}

/** ASAM Criteria dimensions (3rd ed.) in words, by number. */
export const asamDimensionNames: Readonly<Record<number, string>> = Object.freeze({
  1: 'acute intoxication and withdrawal potential',
  2: 'biomedical conditions and complications',
  3: 'emotional, behavioral or cognitive conditions',
  4: 'readiness to change',
  5: 'relapse, continued use or continued problem potential',
  6: 'recovery or living environment'
})

/**
 * An ASAM dimension as a note prints it.
 *
 * @param n 1-6.
 * @returns Such as `Dimension 5: relapse, continued use or continued problem potential`.
 */
export function asamDimension(n: number): string {
  return `Dimension ${n}: ${asamDimensionNames[n] ?? 'unknown'}`
}
