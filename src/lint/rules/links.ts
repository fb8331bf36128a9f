/**
 * `links`: relative links resolve to files, and `module:<id>` references
 * name a module in the curriculum.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {moduleLinks} from '../../module/module-links.js'
import type {SessionModule} from '../../module/parse-module.js'
import {suchAs} from '../../util/closest.js'
import type {CurriculumRule} from '../rule.js'

/** A link path with its percent-escapes decoded, or `undefined` when one is malformed (`%E0%A4%A`, `%zz`). */
function decodePath(value: string): string | undefined {
  try {
    return decodeURI(value)
  } catch {
    return undefined
  }
}

export const links: CurriculumRule = {
  id: 'links',
  scope: 'curriculum',
  severity: 'error',
  description: 'Relative links and `module:` references resolve',
  // Each module's links against the curriculum's ids: the linted module
  // alone when the engine names it, so other modules' trees are not needed.
  perModule: true,
  check({modules, only, report}) {
    const {ids, known} = idsOf(modules)
    for (const module of only ? [only] : modules) {
      for (const node of moduleLinks(module)) {
        const url = node.url
        if (url.startsWith('module:')) {
          const id = url.slice('module:'.length)
          if (!known.has(id)) {
            report(module, `Unexpected reference to unknown module \`${id}\`, expected an existing id${suchAs(id, ids) || ' (see `iop list`)'}`, node.position)
          }
          continue
        }
        if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//') || !module.file.path) continue
        const target = decodePath(url.split('#')[0].split('?')[0])
        if (target === undefined) {
          report(module, `Unexpected malformed percent-escape in link \`${url.length > 80 ? url.slice(0, 79) + '…' : url}\`, expected \`%\` followed by two hex digits of UTF-8 (write a literal % as \`%25\`)`, node.position)
          continue
        }
        if (!target) continue
        const resolved = path.resolve(path.dirname(module.file.path), target)
        if (!existsSync(resolved)) {
          report(module, `Unexpected broken link to \`${url}\`, expected a file that exists relative to this module`, node.position)
        }
      }
    }
  }
}

/** The ids of a curriculum index, worked out once per index (not once per module). */
const idSets = new WeakMap<readonly SessionModule[], {ids: string[]; known: Set<string>}>()

function idsOf(modules: readonly SessionModule[]): {ids: string[]; known: Set<string>} {
  let found = idSets.get(modules)
  if (!found) {
    const ids = modules.flatMap((m) => (m.meta ? [m.meta.id] : []))
    idSets.set(modules, (found = {ids, known: new Set(ids)}))
  }
  return found
}
