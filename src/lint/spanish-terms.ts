/**
 * The Spanish person-first table (docs/rules.md, "Palabras que importan"):
 * stigmatizing Spanish terms and the wording to use instead. Patterns are
 * matched case-insensitively on whole words (letters with accents count as
 * letters). No fixes: Spanish agreement (gender, number) needs a person.
 */
import type {Term} from './words-matter-terms.js'

// A word boundary that knows accented letters: JavaScript's `\b` does not.
const start = '(?<![\\p{L}\\p{N}])'
const end = '(?![\\p{L}\\p{N}])'
const word = (body: string) => new RegExp(start + body + end, 'giu')

/** Specific terms first, so overlaps report the specific one. */
export const spanishTerms: Term[] = [
  {pattern: word('(?:ex[- ]?)(?:adict[oa]s?|drogadict[oa]s?|alcohólic[oa]s?)'), prefer: 'persona en recuperación'},
  {pattern: word('drogadict[oa]s?'), prefer: 'persona que usa drogas, o persona con un trastorno por consumo de sustancias'},
  {pattern: word('adict[oa]s?'), prefer: 'persona con un trastorno por consumo de sustancias'},
  {pattern: word('(?:yonqui|yonki|junkie|tecat[oa]|pastiller[oa]|viciosos?|viciosas?)s?'), prefer: 'persona que usa drogas'},
  {pattern: word('(?:borrach[oa]s?|alcohólic[oa]s?)(?!\\s+Anónimos)'), prefer: 'persona con un trastorno por consumo de alcohol'},
  {pattern: word('(?:abuso|abusador(?:es|a|as)?)\\s+de\\s+(?:sustancias|drogas|alcohol|opioides|opiáceos)'), prefer: 'consumo de sustancias, o uso indebido'},
  {pattern: word('(?:abusador(?:es|a|as)?|abusa(?:n|r)?)\\s+(?:de\\s+)?(?:las\\s+)?drogas'), prefer: 'persona que usa drogas'},
  {pattern: word('vicio'), prefer: 'consumo de sustancias, o trastorno por consumo de sustancias'},
  {pattern: word('limpi[oa]s?'), prefer: 'resultado negativo (una prueba), o en recuperación (una persona)'},
  {pattern: word('suci[oa]s?'), prefer: 'resultado positivo (una prueba)'},
  {pattern: word('fracasos?\\s+(?:del|de\\s+(?:la|el))\\s+tratamiento'), prefer: 'intento de tratamiento'},
  {pattern: word('(?:terapia|tratamiento)\\s+(?:de\\s+)?(?:sustitución|reemplazo|sustitutiv[oa])'), prefer: 'medicamento para el trastorno por consumo de opioides (MOUD)'},
  {pattern: word('desintoxicación|desintoxicar(?:se)?|detox'), prefer: 'manejo de la abstinencia'},
  {
    pattern: word('(?:fracas\\p{L}*|fall\\p{L}*)[^.!?]{0,30}reca(?:ída|ídas|er)|reca(?:ída|ídas|er)[^.!?]{0,30}(?:fracas\\p{L}*|fall\\p{L}*)'),
    prefer: 'volver a consumir, o recurrencia (no es un fracaso)',
    // "Una recaída no es un fracaso" says the opposite of the stigma.
    unless: /(?<![\p{L}])(?:no|nunca|jamás)\s+(?:\p{L}+\s+){0,2}(?:fracas|fall)/iu
  }
]
