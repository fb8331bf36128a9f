/**
 * Hashes of the English text a translation follows: the objectives, and each
 * handout by its English title, so drift can name the handout that changed.
 * Whitespace at line ends and line-ending style do not count as changes.
 */
import {createHash} from 'node:crypto'
import type {ModuleMeta} from '../module/frontmatter-schema.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Part} from '../module/sections.js'
import type {TranslationSource} from './translation-schema.js'

/** Hex characters kept of each SHA-256: enough to tell versions of one handout apart. */
const hashLength = 12

function shortHash(text: string): string {
  const normal = text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
  return createHash('sha256').update(normal).digest('hex').slice(0, hashLength)
}

/**
 * The English source text of one handout: from its H3 to its last node.
 *
 * @param module The English module.
 * @param part One of its handouts.
 * @returns The handout's Markdown, as written.
 */
export function handoutSource(module: SessionModule, part: Part): string {
  const start = part.heading.position?.start.offset ?? 0
  const last = part.children.at(-1) ?? part.heading
  const end = last.position?.end.offset ?? start
  return module.source.slice(start, end)
}

/**
 * The hashes `iop translate --mark` records for a module.
 *
 * @param module A valid English module.
 * @returns Objectives hash and one hash per handout, by English title.
 */
export function sourceHashes(module: SessionModule): TranslationSource {
  const meta = module.meta as ModuleMeta
  const handouts: Record<string, string> = {}
  for (const part of module.sections.byKind.handouts?.parts ?? []) handouts[part.title] = shortHash(handoutSource(module, part))
  return {objectives: shortHash(meta.objectives.join('\n')), handouts}
}
