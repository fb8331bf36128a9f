/**
 * Not-ok cases of the translation rules: each is the valid translation
 * (fixtures/translation/base.es.md, of fixtures/lint/base.md) with one change,
 * or the English module with one change. Expected messages live in
 * fixtures/translation/expected/<case>.txt.
 */
export interface TranslationCase {
  name: string
  rule: string
  /** File name of the translation (default `base.es.md`). */
  file?: string
  /** Edits to the translation. */
  edits: Array<[string | RegExp, string]>
  /** Edits to the English module. */
  english?: Array<[string | RegExp, string]>
}

export const translationCases: TranslationCase[] = [
  {name: 'missing-handout', rule: 'translation-structure', edits: [[/### Segunda página[\s\S]*$/, '']]},
  {name: 'extra-handout', rule: 'translation-structure', edits: [[/$/, '\n### Tercera página\n\nOtra página más.\n']]},
  {name: 'lines-mismatch', rule: 'translation-structure', edits: [['::lines{n=2}', '::lines{n=3}'], ['Una segunda página corta', '::lines{n=1}\n\nUna segunda página corta']]},
  {name: 'checkbox-and-table', rule: 'translation-structure', edits: [['- [ ] Voy a pedirle', '- Voy a pedirle'], ['Una segunda página corta', '| a | b |\n|---|---|\n| 1 | 2 |\n\nUna segunda página corta']]},
  {name: 'table-shape', rule: 'translation-structure', english: [['A short second page', '| If I am... | I can |\n|---|---|\n| Hungry | |\n| Tired | |\n\nA short second page']], edits: [['Una segunda página corta', '| Si tengo... | Puedo |\n|---|---|\n| Hambre | |\n\nUna segunda página corta']]},
  {name: 'other-sections', rule: 'translation-structure', edits: [['## Handouts', 'Hola.\n\n## Check-in (10 min)\n\nTexto para el grupo.\n\n## Handouts'], [/$/, '\n## Facilitator notes\n\nNotas.\n']]},
  {name: 'bad-frontmatter', rule: 'translation-structure', edits: [['translation_of: base', 'translation_of: other'], ['lang: es', 'lang: es\nauthors: [x]'], ['  - Practicar cómo pedir ayuda\n', ''], ['translators: [fixture]\n', '']]},
  {name: 'mismatched-frontmatter', rule: 'translation-structure', edits: [['translation_of: base', 'translation_of: other'], ['lang: es', 'lang: pt'], ['  - Practicar cómo pedir ayuda\n', '']]},
  {name: 'no-module', rule: 'translation-structure', file: 'nowhere.es.md', edits: [['translation_of: base', 'translation_of: nowhere']]},
  {name: 'drift-handout', rule: 'translation-drift', edits: [], english: [['Who can you ask this week?', 'Who can you ask for help this week?']]},
  {name: 'drift-objectives', rule: 'translation-drift', edits: [], english: [['  - Practice asking for help', '  - Practice asking for help twice']]},
  {name: 'not-marked', rule: 'translation-drift', edits: [[/source:\n(?: {2}.*\n)+/, '']]},
  {name: 'facilitator-block', rule: 'translation-client-safety', edits: [['> No estás solo.', '> No estás solo.\n\n:::facilitator\nSECRETO del equipo.\n:::']]},
  {name: 'other-directive', rule: 'translation-client-safety', edits: [['- Guarda esta lista.', '- Guarda esta lista.\n\n::note{x=1}'], ['Una segunda página', 'Una <span hidden>OCULTO</span> segunda página']]},
  {name: 'reading-level', rule: 'translation-reading-level', edits: [['¿A quién le puedes pedir ayuda esta semana?', 'Las personas que atraviesan dificultades psicológicas considerables frecuentemente subestiman la disponibilidad de recursos interpersonales, postergando consecuentemente la comunicación con conocidos, organizaciones profesionales e instituciones comunitarias potencialmente solidarias.']]},
  {name: 'words-matter-es', rule: 'translation-words-matter', edits: [['title: Cómo pedir ayuda', 'title: Ayuda para adictos'], ['Una segunda página corta', 'Un resultado limpio no lo es todo. Cada recaída es un fracaso, dice el drogadicto. Una recaída no es un fracaso. La palabra «adicto» duele'], ['¿A quién', 'El abuso de sustancias es duro. ¿A quién']]}
]
