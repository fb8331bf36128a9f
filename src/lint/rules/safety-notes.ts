/**
 * `safety-notes`: the facilitator notes say what to do when a participant is
 * intoxicated and when one discloses thoughts of self-harm (TIP 47, ch. 7).
 */
import {toString} from 'mdast-util-to-string'
import type {ModuleRule} from '../rule.js'

const intoxication = /\b(intoxicat\w*|under the influence|impaired)\b/i
const selfHarm = /\b(self-harm\w*|suicid\w*)\b/i

export const safetyNotes: ModuleRule = {
  id: 'safety-notes',
  scope: 'module',
  severity: 'error',
  description: 'Facilitator notes cover an intoxicated participant and a disclosure of self-harm',
  check({module, report}) {
    const section = module.sections.byKind['facilitator-notes']
    if (!section) return
    const text = section.intro.map((node) => toString(node)).join('\n')
    if (!intoxication.test(text)) {
      report('Missing guidance for an intoxicated participant in `Facilitator notes`, expected what to do if a participant is intoxicated', section.heading.position)
    }
    if (!selfHarm.test(text)) {
      report('Missing guidance for a disclosure of self-harm in `Facilitator notes`, expected what to do if a participant discloses thoughts of self-harm or suicide', section.heading.position)
    }
  }
}
