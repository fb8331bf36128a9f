/**
 * How deep lists and quotes nest: measured on each line before parsing (cheap,
 * and safe for any input) and on the parsed tree without recursion. The
 * unified tools recurse per level, so nesting has to be bounded first.
 */
import type {Root} from 'mdast'

/** Deepest nesting of quotes and lists a module may have. */
export const maxNesting = 100

/** Container markers (`>`, `-`, `*`, `+`, `1.`) and indentation at the start of a line. */
export function lineDepth(text: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/.exec(text)?.[0] ?? ''
  const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length
  return markers + Math.floor(prefix.replace(/\t/g, '    ').length / 4)
}

/** Depth of a tree, without recursion. */
export function treeDepth(tree: Root): number {
  let deepest = 0
  const stack: Array<[{children?: unknown[]}, number]> = [[tree, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    for (const child of (node.children ?? []) as Array<{children?: unknown[]}>) stack.push([child, depth + 1])
  }
  return deepest
}

