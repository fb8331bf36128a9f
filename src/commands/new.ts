/** `iop new <group>/<id>`: start a module from templates/module.md. */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {canonicalGroups} from '../config/defaults.js'
import {templatesDir} from '../render/page.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {checkSafeSegment} from '../util/safe-path.js'
import {writeFileAtomic} from '../util/write-file.js'
import {loadConfig} from '../config/curriculum-config.js'
import {suchAs} from '../util/closest.js'

/** Options of `iop new`. */
export interface NewOptions {
  dir?: string
  title?: string
}

/**
 * Write a new module file from the template.
 *
 * @returns The exit code.
 * @throws {UserError} For a bad name or group, or when the module file already exists.
 */
export function newCommand(io: Io, reference: string, options: NewOptions): number {
  const match = /^([^/]+)\/([^/]+?)(?:\.md)?$/.exec(reference)
  if (!match) throw new UserError(`Unexpected \`${reference}\`, expected <group>/<id>, e.g. relapse-prevention/coping-with-cravings`)
  const [, group, id] = match
  checkSafeSegment(group, 'group')
  checkSafeSegment(id, 'module id')
  const root = path.resolve(io.cwd, options.dir ?? 'curriculum')
  const groups = loadConfig([root]).groups.map((g) => g.id)
  if (!groups.includes(group)) {
    throw new UserError(`Unexpected group \`${group}\`, expected one of the group types${suchAs(group, groups.length > 0 ? groups : [...canonicalGroups]) || ' in docs/authoring.md'} (or declare it in iop.config.yaml)`)
  }
  const title = options.title ?? id.split('-').map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ')
  let text = readFileSync(new URL('module.md', templatesDir), 'utf8')
    .replaceAll('{{id}}', id)
    .replaceAll('{{group}}', group)
    .replaceAll('{{title}}', title.replace(/["\\]/g, ''))
  const file = path.join(root, group, `${id}.md`)
  text = schemaComment(text, io.cwd, path.dirname(file))
  // No --force: an existing module holds an author's work, which iop never replaces.
  if (existsSync(file)) throw new UserError(`${path.relative(io.cwd, file) || file}: Unexpected existing module, expected a new id (iop new never replaces a module; rename or remove it yourself)`)
  writeFileAtomic(file, text)
  io.stdout(`Created ${path.relative(io.cwd, file)}\nNext: fill in each section, then run \`iop lint ${path.relative(io.cwd, file)}\`.\n`)
  return 0
}

/**
 * Point the template's `yaml-language-server` schema comment at a schema
 * that exists (the project's `schema/`, or the installed package's), or
 * leave the comment out: a comment that cannot resolve only misleads.
 */
function schemaComment(text: string, cwd: string, dir: string): string {
  const line = /^# yaml-language-server: \$schema=.*\n/m
  const schema = [path.join(cwd, 'schema', 'module.schema.json'), path.join(cwd, 'node_modules', 'iop-curriculum', 'schema', 'module.schema.json')].find((candidate) => existsSync(candidate))
  if (!schema) return text.replace(line, '')
  return text.replace(line, `# yaml-language-server: $schema=${path.relative(dir, schema).split(path.sep).join('/')}\n`)
}
