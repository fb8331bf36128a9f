/** `timing-total`: the timed parts add up to the module's `minutes`. */
import {agenda} from '../../module/agenda.js'
import type {ModuleRule} from '../rule.js'

export const timingTotal: ModuleRule = {
  id: 'timing-total',
  scope: 'module',
  severity: 'error',
  description: 'Check-in, topic, exercises and check-out add up to `minutes`',
  check({module, report}) {
    const minutes = module.meta?.minutes
    if (minutes === undefined) return
    const items = agenda(module.sections)
    if (items.length === 0) return
    const total = items.reduce((sum, item) => sum + item.minutes, 0)
    if (total !== minutes) {
      const parts = items.map((item) => `${item.label} ${item.minutes}`).join(' + ')
      report(`Unexpected ${total} timed minutes (${parts}), expected ${minutes} as in \`minutes\``, module.frontmatter?.place(['minutes']))
    }
  }
}
