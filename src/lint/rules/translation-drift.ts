/**
 * `translation-drift`: the English text a translation follows has changed
 * since `iop translate --mark` recorded it, naming the objectives or the
 * handout that changed; a translation never marked is reported too.
 */
import {translationDrift} from '../../translation/translation-drift.js'
import type {TranslationRule} from '../rule.js'

export const translationDriftRule: TranslationRule = {
  id: 'translation-drift',
  scope: 'translation',
  severity: 'warn',
  description: 'The English objectives and handouts have not changed since the translation was marked',
  check({translation, module, report}) {
    const {meta, name} = translation
    // Without valid frontmatter or a module, translation-structure says why.
    if (!meta || !module?.meta) return
    const again = `update the translation, then run \`iop translate --mark ${name.id} ${name.lang}\``
    const drift = translationDrift(translation, module)
    const frontmatter = translation.parse.frontmatter
    if (!drift.marked) {
      report(`Missing \`source\` in frontmatter, expected the English hashes written by \`iop translate --mark ${name.id} ${name.lang}\``, {line: 1, column: 1}, 'warn')
      return
    }
    if (drift.objectives) report(`Unexpected change in the English objectives since this translation was marked, expected the translation to follow them: ${again}`, frontmatter?.place(['objectives']).start, 'warn')
    for (const title of drift.handouts) {
      const index = (module.sections.byKind.handouts?.parts ?? []).findIndex((part) => part.title === title)
      const mine = translation.handouts[index]
      report(`Unexpected change in the English handout \`${title}\` since this translation was marked, expected the translation to follow it: ${again}`, mine?.heading.position ?? {line: 1, column: 1}, 'warn')
    }
  }
}
