/** `objectives-measurable`: 2-5 objectives, each starting with an observable verb. */
import type {ModuleRule} from '../rule.js'

/** Verbs that describe something a facilitator can see a participant do. */
export const observableVerbs = [
  'name', 'list', 'identify', 'describe', 'practice', 'practise', 'demonstrate', 'write', 'plan',
  'explain', 'compare', 'choose', 'use', 'rate', 'share', 'create', 'sort', 'recognize', 'role-play',
  'state', 'apply', 'complete', 'develop', 'discuss', 'map', 'make', 'set', 'track', 'build', 'define',
  'give', 'ask', 'contrast', 'distinguish', 'summarize', 'schedule', 'select', 'prepare', 'rehearse',
  'record', 'show', 'tell', 'draft', 'find', 'locate', 'notice', 'reframe', 'replace', 'spot', 'label',
  'match', 'rank', 'perform', 'express', 'respond', 'reflect', 'generate', 'outline', 'commit', 'try',
  'add', 'challenge', 'check', 'recall', 'agree', 'offer', 'say', 'link', 'connect', 'update'
]

/** Verbs that name an inner state nobody can observe. */
const vague = ['understand', 'know', 'learn', 'appreciate', 'realize', 'realise', 'feel', 'believe', 'be', 'become', 'grasp', 'gain']

export const objectivesMeasurable: ModuleRule = {
  id: 'objectives-measurable',
  scope: 'module',
  severity: 'warn',
  description: 'Between 2 and 5 objectives, each starting with an observable verb',
  defaults: {min: 2, max: 5},
  check({module, options, report}) {
    const objectives = module.meta?.objectives
    const fm = module.frontmatter
    if (!objectives || !fm) return
    const min = Number(options.min)
    const max = Number(options.max)
    if (objectives.length < min || objectives.length > max) {
      report(`Unexpected ${objectives.length} objective${objectives.length === 1 ? '' : 's'}, expected ${min} to ${max}`, fm.place(['objectives']))
    }
    objectives.forEach((objective, index) => {
      const verb = objective.trim().split(/\s+/)[0].toLowerCase().replace(/[^a-z-]/g, '')
      if (vague.includes(verb)) {
        report(`Unexpected \`${verb}\` starting an objective, expected an observable verb such as name, list, identify, describe or practice`, fm.place(['objectives', index]))
      } else if (!observableVerbs.includes(verb)) {
        report(`Unexpected \`${verb}\` starting an objective, expected an observable verb (see docs/rules.md) such as name, list, identify, describe or practice`, fm.place(['objectives', index]))
      }
    })
  }
}
