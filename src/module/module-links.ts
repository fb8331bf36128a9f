/**
 * The links a module's Markdown holds (URL and position): all the `links`
 * rule needs from a tree. A lint cache or a worker thread that has them
 * already presets them, so checking links against the curriculum's ids does
 * not parse the module again.
 */
import type {Link} from 'mdast'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import type {SessionModule} from './parse-module.js'

/** A link of a module: its URL and where it is. */
export interface ModuleLink {
  url: string
  position?: Position
}

const known = new WeakMap<SessionModule, ModuleLink[]>()

/**
 * The links of a module, in document order.
 *
 * @param module A module.
 * @returns Its links (from the tree, or as preset).
 */
export function moduleLinks(module: SessionModule): ModuleLink[] {
  let links = known.get(module)
  if (!links) {
    const found: ModuleLink[] = []
    visit(module.tree, 'link', (node: Link) => {
      found.push(node.position ? {url: node.url, position: node.position} : {url: node.url})
    })
    known.set(module, (links = found))
  }
  return links
}

/**
 * Record the links of a module read elsewhere (cache, worker).
 *
 * @param module A module.
 * @param links Its links, as {@link moduleLinks} gave them for the same text.
 */
export function presetLinks(module: SessionModule, links: ModuleLink[]): void {
  known.set(module, links)
}
