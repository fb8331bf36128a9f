/** `id-matches-file`: the frontmatter id equals the file name. */
import path from 'node:path'
import type {ModuleRule} from '../rule.js'

export const idMatchesFile: ModuleRule = {
  id: 'id-matches-file',
  scope: 'module',
  severity: 'error',
  description: 'The `id` equals the file name without `.md`',
  check({module, report}) {
    const id = module.meta?.id
    if (!id || !module.file.path) return
    const name = path.basename(module.file.path).replace(/\.md$/i, '')
    if (name !== id) {
      report(`Unexpected id \`${id}\` in \`${path.basename(module.file.path)}\`, expected \`${name}\` (or rename the file to \`${id}.md\`)`, module.frontmatter?.place(['id']))
    }
  }
}
