/** `sections`: the H2 sections exist, once each, in the documented order. */
import type {ModuleRule} from '../rule.js'

export const sections: ModuleRule = {
  id: 'sections',
  scope: 'module',
  severity: 'error',
  description: 'H2 sections are present, named and ordered as documented',
  check({module, report}) {
    const end = module.tree.position?.end
    for (const problem of module.sections.problems) report(problem.reason, problem.place ?? end)
  }
}
