/** `requires-phase-order`: no module requires one from a later phase. */
import {phaseRank} from '../../config/defaults.js'
import type {CurriculumRule} from '../rule.js'

export const requiresPhaseOrder: CurriculumRule = {
  id: 'requires-phase-order',
  scope: 'curriculum',
  severity: 'error',
  description: 'A module only requires modules from its own or an earlier phase',
  check({modules, report}) {
    const phases = new Map<string, string>()
    for (const module of modules) if (module.meta) phases.set(module.meta.id, module.meta.phase)
    for (const module of modules) {
      const meta = module.meta
      if (!meta || meta.phase === 'any') continue
      meta.requires.forEach((id, index) => {
        const phase = phases.get(id)
        if (!phase || phase === 'any') return
        if (phaseRank(phase) > phaseRank(meta.phase)) {
          report(module, `Unexpected required module \`${id}\` from the later phase \`${phase}\`, expected a module from \`${meta.phase}\` or earlier`, module.frontmatter?.place(['requires', index]))
        }
      })
    }
  }
}
