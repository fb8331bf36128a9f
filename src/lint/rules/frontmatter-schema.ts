/**
 * `frontmatter-schema`: YAML syntax, required keys, types and enums, and a
 * known group; one message per problem, at its YAML line.
 */
import type {ModuleRule} from '../rule.js'
import {closest} from '../../util/closest.js'
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
        const near = closest(data.group, ids)
        report(
          `Unexpected group \`${data.group}\`, expected a group type such as ${near.map((id) => '`' + id + '`').join(' or ')}, or one declared in iop.config.yaml`,
          frontmatter.place(['group'])
        )
      }
    }
  }
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
