/**
 * The Words Matter table (NIDA; ONDCP 2017; shared/domain.md) as patterns.
 * `fix` is set only where a replacement is certain to read right; the rest
 * need an author's judgement and are reported without a fix.
 */

/** One stigmatizing term. */
export interface Term {
  /** Pattern, matched case-insensitively on word boundaries. */
  pattern: RegExp
  /** Preferred wording, shown in the message. */
  prefer: string
  /** Exact replacement for `iop lint --fix`, when certain. */
  fix?: (match: string) => string
  /** A match that also matches this is not stigmatizing (e.g. a negation). */
  unless?: RegExp
}

const keepCase = (replacement: string) => (match: string) =>
  match[0] === match[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement

/** Specific terms come before general ones, so overlaps report the specific one. */
export const terms: Term[] = [
  {pattern: /\b(?:former\s+|ex-)addicts\b/gi, prefer: 'people in recovery', fix: keepCase('people in recovery')},
  {pattern: /\b(?:former\s+|ex-)addict\b/gi, prefer: 'person in recovery', fix: keepCase('person in recovery')},
  {pattern: /\baddicts?\b/gi, prefer: 'person with a substance use disorder'},
  {pattern: /\bjunkies?\b/gi, prefer: 'person who uses drugs'},
  {pattern: /\b(?:drug|substance|alcohol|opioid|heroin|cocaine|meth|IV|needle)\s+users?\b/gi, prefer: 'person who uses drugs'},
  {pattern: /\balcoholics?\b(?!\s+Anonymous)/gi, prefer: 'person with an alcohol use disorder'},
  {pattern: /\b(?:a|the)\s+drunk\b(?!\s+driv)|\bdrunks\b/gi, prefer: 'person with an alcohol use disorder'},
  {pattern: /\b(?:substance|drug|alcohol|opioid|opiate)\s+abusers?\b/gi, prefer: 'person who uses drugs'},
  {
    pattern: /\b(substance|drug|alcohol|opioid|opiate)\s+abuse\b/gi,
    prefer: 'substance use, or misuse',
    fix: (match) => match.replace(/abuse$/i, (word) => (word[0] === 'A' ? 'Use' : 'use'))
  },
  {pattern: /\bdrug habits?\b/gi, prefer: 'substance use disorder'},
  {pattern: /\bclean\b/gi, prefer: 'negative (a test result), or in recovery (a person)'},
  {pattern: /\bdirty\b/gi, prefer: 'positive (a test result)'},
  // No fix: "not a treatment failure" must not become "not a treatment attempt".
  {pattern: /\btreatment failures?\b/gi, prefer: 'treatment attempt'},
  {
    pattern: /\b(?:opioid\s+)?(?:replacement|substitution)\s+therapy\b/gi,
    prefer: 'medication for opioid use disorder (MOUD)',
    fix: keepCase('medication for opioid use disorder')
  },
  {pattern: /\bdetox(?:ification)?\b/gi, prefer: 'withdrawal management', fix: keepCase('withdrawal management')},
  {pattern: /\bdetox(?:ed|ing|es)\b/gi, prefer: 'withdrawal management'},
  {
    pattern: /\bfail(?:ed|ures?|ing|s)?\b[^.!?]{0,30}\brelaps\w*|\brelaps\w*[^.!?]{0,30}\bfail(?:ed|ures?|ing|s)?\b/gi,
    prefer: 'return to use, or recurrence (not a failure)',
    // "A relapse is not a failure" says the opposite of the stigma.
    unless: /\b(?:not|never|isn't|aren't|wasn't|doesn't|don't|didn't)\s+(?:\w+\s+){0,2}fail/i
  }
]
