/**
 * `links`: relative links resolve to files, and `module:<id>` references
 * name a module in the curriculum.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {Link} from 'mdast'
import {visit} from 'unist-util-visit'
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
  check({modules, report}) {
    const ids = modules.flatMap((m) => (m.meta ? [m.meta.id] : []))
    const known = new Set(ids)
    for (const module of modules) {
      visit(module.tree, 'link', (node: Link) => {
        const url = node.url
        if (url.startsWith('module:')) {
          const id = url.slice('module:'.length)
          if (!known.has(id)) {
            report(module, `Unexpected reference to unknown module \`${id}\`, expected an existing id${suchAs(id, ids) || ' (see `iop list`)'}`, node.position)
          }
          return
        }
        if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//') || !module.file.path) return
        const target = decodePath(url.split('#')[0].split('?')[0])
        if (target === undefined) {
          report(module, `Unexpected malformed percent-escape in link \`${url.length > 80 ? url.slice(0, 79) + '…' : url}\`, expected \`%\` followed by two hex digits of UTF-8 (write a literal % as \`%25\`)`, node.position)
          return
        }
        if (!target) return
        const resolved = path.resolve(path.dirname(module.file.path), target)
        if (!existsSync(resolved)) {
          report(module, `Unexpected broken link to \`${url}\`, expected a file that exists relative to this module`, node.position)
        }
      })
    }
  }
}
