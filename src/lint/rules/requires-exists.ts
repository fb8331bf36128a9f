/** `requires-exists`: every `requires` id names a module in the curriculum. */
import {suchAs} from '../../util/closest.js'
import type {CurriculumRule} from '../rule.js'

export const requiresExists: CurriculumRule = {
  id: 'requires-exists',
  scope: 'curriculum',
  severity: 'error',
  description: 'Every id in `requires` names a module',
  check({modules, report}) {
    const ids = modules.flatMap((m) => (m.meta ? [m.meta.id] : []))
    const known = new Set(ids)
    for (const module of modules) {
      module.meta?.requires.forEach((id, index) => {
        if (known.has(id)) return
        report(module, `Unexpected unknown module \`${id}\` in \`requires\`, expected an existing id${suchAs(id, ids) || ' (see `iop list`)'}`, module.frontmatter?.place(['requires', index]))
      })
    }
  }
}
