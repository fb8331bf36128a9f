/** `unique-id`: module ids are unique across the whole curriculum. */
import type {SessionModule} from '../../module/parse-module.js'
import type {CurriculumRule} from '../rule.js'

export const uniqueId: CurriculumRule = {
  id: 'unique-id',
  scope: 'curriculum',
  severity: 'error',
  description: 'Module ids are unique across every curriculum folder',
  check({modules, report}) {
    const byId = new Map<string, SessionModule[]>()
    for (const module of modules) {
      const id = module.meta?.id
      if (id) byId.set(id, [...(byId.get(id) ?? []), module])
    }
    for (const [id, same] of byId) {
      if (same.length < 2) continue
      for (const module of same) {
        const others = same.filter((m) => m !== module).map((m) => '`' + m.file.path + '`').join(', ')
        report(module, `Unexpected duplicate id \`${id}\`, expected a unique id (also used in ${others})`, module.frontmatter?.place(['id']))
      }
    }
  }
}
