/**
 * rehype plugin: a task-list checkbox gets its item's text as its
 * accessible name, so a screen reader says what is being ticked (axe-core's
 * `label` rule; GFM renders a bare `<input type="checkbox">`).
 */
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {visitParents} from 'unist-util-visit-parents'

/**
 * Name every checkbox inside a list item after that item's text.
 *
 * @param tree A hast tree (changed in place).
 */
export function labelCheckboxes(tree: Root): void {
  visitParents(tree, 'element', (node: Element, ancestors) => {
    if (node.tagName !== 'input' || node.properties.type !== 'checkbox') return
    const item = [...ancestors].reverse().find((a): a is Element => a.type === 'element' && a.tagName === 'li')
    const text = item ? toString(item).replace(/\s+/g, ' ').trim() : ''
    node.properties.ariaLabel = text || 'checkbox'
  })
}

/** The plugin form of {@link labelCheckboxes}. */
export default function rehypeLabelCheckboxes() {
  return function (tree: Root): undefined {
    labelCheckboxes(tree)
  }
}
