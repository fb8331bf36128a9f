/** `unique-id`: module ids are unique across the whole curriculum. */
import type {SessionModule} from '../../module/parse-module.js'
import type {CurriculumRule} from '../rule.js'

export const uniqueId: CurriculumRule = {
  id: 'unique-id',
  scope: 'curriculum',
  severity: 'error',
  description: 'Module ids are unique across every curriculum folder',
  check({modules, report}) {
    const seen = new Map<string, SessionModule>()
    for (const module of modules) {
      const id = module.meta?.id
      if (!id) continue
      const first = seen.get(id)
      if (first) {
        report(module, `Unexpected duplicate id \`${id}\`, expected a unique id (also used in \`${first.file.path}\`)`, module.frontmatter?.place(['id']))
      } else seen.set(id, module)
    }
  }
}
