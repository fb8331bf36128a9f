/**
 * `safety-notes`: the facilitator notes say what to do when a participant is
 * intoxicated and when one discloses thoughts of self-harm (TIP 47, ch. 7),
 * what a facilitator working alone does, and `### Preparation` says to know
 * where the site's naloxone and AED are.
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {ModuleRule} from '../rule.js'

const intoxication = /\b(intoxicat\w*|under the influence|impaired)\b/i
const selfHarm = /\b(self-harm\w*|suicid\w*)\b/i
const alone = /facilitat\w* alone|without a co-facilitator|solo facilitator/i
const naloxone = /\bnaloxone\b/i
const aed = /\bAED\b/

/**
 * The nodes under one H3 of the facilitator notes, up to the next heading.
 *
 * @param nodes The section's nodes (its H3 headings included).
 * @param title The H3 text, e.g. `Preparation`.
 * @returns The heading and its nodes, or undefined when there is no such H3.
 */
function subsection(nodes: readonly RootContent[], title: string): {heading: RootContent; body: RootContent[]} | undefined {
  const start = nodes.findIndex((node) => node.type === 'heading' && node.depth === 3 && toString(node).trim().toLowerCase() === title.toLowerCase())
  if (start < 0) return undefined
  const rest = nodes.slice(start + 1)
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= 3)
  return {heading: nodes[start], body: end < 0 ? rest : rest.slice(0, end)}
}

export const safetyNotes: ModuleRule = {
  id: 'safety-notes',
  scope: 'module',
  severity: 'error',
  description: 'Facilitator notes cover an intoxicated participant, a disclosure of self-harm, facilitating alone, and where the naloxone and AED are',
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
    if (!alone.test(text)) {
      report('Missing guidance for facilitating alone in `Facilitator notes`, expected what to do with no co-facilitator (a bullet starting `**If you are facilitating alone:**`)', section.heading.position)
    }
    const preparation = subsection(section.intro, 'Preparation')
    if (!preparation) {
      report('Missing `### Preparation` in `Facilitator notes`, expected one that says to know where the site’s naloxone and AED are', section.heading.position)
      return
    }
    const prepText = preparation.body.map((node) => toString(node)).join('\n')
    const missing = [naloxone.test(prepText) ? '' : 'naloxone', aed.test(prepText) ? '' : 'AED'].filter(Boolean)
    if (missing.length > 0) {
      report(`Missing ${missing.join(' and ')} in \`### Preparation\`, expected “Know where the site’s naloxone and AED are”`, preparation.heading.position)
    }
  }
}
