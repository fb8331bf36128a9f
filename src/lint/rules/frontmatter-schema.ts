/**
 * `frontmatter-schema`: YAML syntax, required keys, types and enums, and a
 * known group; one message per problem, at its YAML line.
 */
import type {ModuleRule} from '../rule.js'
import type {Yaml} from 'mdast'
import type {Point} from 'unist'
import {frontmatterSchema as schema} from '../../module/frontmatter-schema.js'
import {nearest, suchAs} from '../../util/closest.js'
import {expectation} from '../../util/zod-expectation.js'

export const frontmatterSchema: ModuleRule = {
  id: 'frontmatter-schema',
  scope: 'module',
  severity: 'error',
  description: 'Frontmatter is valid YAML and matches the module schema',
  check({module, config, report}) {
    const {frontmatter} = module
    if (!frontmatter) {
      report('Missing frontmatter, expected YAML between `---` lines at the top of the file', {line: 1, column: 1})
      return
    }

    for (const error of frontmatter.errors) report(error.reason, error.place)

    const data = (frontmatter.data ?? {}) as Record<string, unknown>
    for (const issue of module.schemaIssues) {
      if (issue.code === 'unrecognized_keys') {
        // One message per key, at the key's own line, with a likely fix.
        const known = issue.path.length === 0 ? Object.keys(schema.shape) : issue.path[0] === 'review' ? ['by', 'on'] : []
        for (const [, unknown] of issue.message.matchAll(/"([^"]*)"/g)) {
          const near = nearest(unknown, known)
          const where = issue.path.length === 0 ? 'frontmatter' : `\`${issue.path.map(String).join('.')}\``
          const place = (issue.path.length === 0 && keyLine(module.tree.children[0] as Yaml, unknown)) || frontmatter.place([...issue.path, unknown]).start
          report(`Unexpected key \`${unknown}\` in ${where}, expected ${near ? `a documented key (did you mean \`${near}\`?)` : 'only the keys documented in docs/authoring.md'}`, place)
        }
        continue
      }
      const key = issue.path.map(String).join('.')
      const raw = issue.path.reduce<unknown>(
        (value, part) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined),
        data
      )
      const place = frontmatter.place(issue.path)
      report(describeIssue(issue, key, raw), place)
    }

    if (typeof data.group === 'string' && !module.schemaIssues.some((i) => i.path[0] === 'group')) {
      const ids = config.groups.map((g) => g.id)
      if (!ids.includes(data.group)) {
        report(
          `Unexpected group \`${data.group}\`, expected a group type${suchAs(data.group, ids, ' or ')}, or one declared in iop.config.yaml`,
          frontmatter.place(['group'])
        )
      }
    }
  }
}

/** Where a top-level key is written in the frontmatter block. */
function keyLine(node: Yaml, key: string): Point | undefined {
  const start = node.position?.start.line
  if (start === undefined) return undefined
  const index = node.value.split('\n').findIndex((line) => line.startsWith(key) && /^\s*:/.test(line.slice(key.length)) || line.startsWith(`"${key}"`) || line.startsWith(`'${key}'`))
  return index < 0 ? undefined : {line: start + 1 + index, column: 1}
}

function describeIssue(issue: {code: string; message: string; path: PropertyKey[]}, key: string, raw: unknown): string {
  const what = key ? `\`${key}\`` : 'frontmatter'
  if (issue.code === 'invalid_type' && raw === undefined) {
    return `Missing ${what} in frontmatter, expected ${expectation(issue.message)}`
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = /: (.*)$/.exec(issue.message)?.[1] ?? ''
    return `Unexpected key ${keys} in ${what}, expected only the keys documented in docs/authoring.md`
  }
  return `Unexpected ${describeValue(raw)} for ${what}, expected ${expectation(issue.message)}`
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (typeof value === 'string') return `\`${value.length > 40 ? value.slice(0, 40) + '…' : value}\``
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} \`${String(value)}\``
}
