// Synthetic curricula for the benchmark: the bundled modules
// (curriculum/<group>/<id>.md, not the <id>.<lang>.md translations) copied
// under new ids, as many as asked. Copy c renames every module <id>-c<c> and
// rewrites, inside that copy, the `id:`, every id in `requires` and every
// `module:<id>` link, so each copy lints clean on its own. Modules are taken
// in dependency order, so a partial last copy (or a size under one copy)
// still holds everything its modules require or link to.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {bundledCurriculumDir} from '../../dist/index.js'
import {findModuleFiles} from '../../dist/curriculum/load-curriculum.js'

/**
 * The bundled modules, each with its id, group, text and the ids it needs
 * (requires and module: links), in an order where needs come first.
 */
export function bundledSources() {
  const sources = findModuleFiles(bundledCurriculumDir).map((file) => {
    const text = readFileSync(file, 'utf8')
    const meta = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)[1])
    const links = [...text.matchAll(/\]\(module:([a-z0-9-]+)\)/g)].map((match) => match[1])
    return {id: meta.id, group: meta.group, draft: meta.draft === true, text, needs: [...(meta.requires ?? []), ...links]}
  })
  const byId = new Map(sources.filter((s) => !s.draft).map((s) => [s.id, s]))
  const ordered = []
  const seen = new Set()
  const visit = (source) => {
    if (seen.has(source.id)) return
    seen.add(source.id)
    for (const need of source.needs) if (byId.has(need)) visit(byId.get(need))
    ordered.push(source)
  }
  for (const source of byId.values()) visit(source)
  return ordered
}

/** A module's text with every id of its copy renamed by `rename`. */
function renamed(text, rename) {
  const end = text.indexOf('\n---', 4)
  let head = text.slice(0, end)
  const body = text.slice(end)
  head = head.replace(/^id: *(\S+)/m, (_, id) => `id: ${rename(id)}`)
  // requires: [a, b]   or   requires:\n  - a\n  - b
  head = head.replace(/^requires: *\[([^\]]*)\]/m, (_, list) => `requires: [${list.split(',').map((r) => r.trim()).filter(Boolean).map(rename).join(', ')}]`)
  head = head.replace(/^requires: *\n((?: +- *\S+\n?)+)/m, (all) => all.replace(/(- *)(\S+)/g, (_, dash, id) => dash + rename(id)))
  return head + body.replace(/\]\(module:([a-z0-9-]+)\)/g, (_, id) => `](module:${rename(id)})`)
}

/**
 * Write a curriculum of `count` modules under `dir`.
 *
 * @param sources From {@link bundledSources}.
 * @param count How many modules.
 * @param dir An empty folder.
 * @returns The paths written, in order.
 */
export function writeSynthetic(sources, count, dir) {
  const files = []
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]
    const copy = Math.floor(i / sources.length)
    const rename = (id) => `${id}-c${copy}`
    const file = path.join(dir, source.group, `${rename(source.id)}.md`)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, renamed(source.text, rename))
    files.push(file)
  }
  return files
}
