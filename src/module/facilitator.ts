/**
 * What is facilitator-only, and the client view of a tree: the one place that
 * decides what a client may see. Client views are built by filtering a copy
 * of the parsed tree, never by editing it, so one parse serves every output.
 */
import type {Nodes, Parent, RootContent} from 'mdast'
import {filter} from 'unist-util-filter'

/** Name of the container directive that marks facilitator-only material. */
export const facilitatorName = 'facilitator'

/**
 * Whether a node is a facilitator-only block, or any container directive at
 * all: a misspelled one (`:::facilitater`) is treated as facilitator-only, so
 * a typo can hide text from clients but never show it.
 *
 * @param node Any mdast node.
 * @returns True when the node must not reach a client.
 */
export function isFacilitatorOnly(node: Nodes): boolean {
  return node.type === 'containerDirective'
}

/**
 * A client-safe copy of some nodes: facilitator blocks and every container
 * directive are dropped, everything else is copied.
 *
 * @param nodes Nodes from a handout.
 * @returns New nodes; the input is untouched.
 */
export function clientView(nodes: readonly RootContent[]): RootContent[] {
  const wrapper = {type: 'root', children: nodes} as unknown as Parent
  const kept = filter(wrapper, {cascade: false}, (node) => !isFacilitatorOnly(node as Nodes))
  return kept ? (kept.children as RootContent[]) : []
}
