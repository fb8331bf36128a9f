/** Every built-in rule, in the order docs/rules.md lists them. */
import type {Rule} from '../rule.js'
import {clientHtml} from './client-html.js'
import {credits} from './credits.js'
import {directiveSyntax} from './directive-syntax.js'
import {facilitatorDirective} from './facilitator-directive.js'
import {frontmatterSchema} from './frontmatter-schema.js'
import {handoutPresent} from './handout-present.js'
import {handoutReadingLevel} from './handout-reading-level.js'
import {handoutVocabulary} from './handout-vocabulary.js'
import {idMatchesFile} from './id-matches-file.js'
import {links} from './links.js'
import {objectivesMeasurable} from './objectives-measurable.js'
import {placeholderText} from './placeholder-text.js'
import {requiresAcyclic} from './requires-acyclic.js'
import {requiresExists} from './requires-exists.js'
import {requiresPhaseOrder} from './requires-phase-order.js'
import {safetyNotes} from './safety-notes.js'
import {sections} from './sections.js'
import {sentenceLength} from './sentence-length.js'
import {timingPart} from './timing-part.js'
import {timingTotal} from './timing-total.js'
import {uniqueId} from './unique-id.js'
import {wordsMatter} from './words-matter.js'
import {translationClientSafety} from './translation-client-safety.js'
import {translationDriftRule} from './translation-drift.js'
import {translationReadingLevel} from './translation-reading-level.js'
import {translationStructure} from './translation-structure.js'
import {translationWordsMatter} from './translation-words-matter.js'

export const rules: readonly Rule[] = [
  frontmatterSchema,
  idMatchesFile,
  uniqueId,
  sections,
  timingTotal,
  timingPart,
  handoutPresent,
  placeholderText,
  facilitatorDirective,
  clientHtml,
  directiveSyntax,
  objectivesMeasurable,
  handoutReadingLevel,
  handoutVocabulary,
  sentenceLength,
  wordsMatter,
  safetyNotes,
  credits,
  requiresExists,
  requiresAcyclic,
  requiresPhaseOrder,
  links,
  translationStructure,
  translationDriftRule,
  translationClientSafety,
  translationReadingLevel,
  translationWordsMatter
]
