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
  // `>` needs no space after it (`>>>>` is four quotes); list markers do.
  const prefix = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/.exec(text)?.[0] ?? ''
  const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length
  return markers + Math.floor(prefix.replace(/>/g, '').replace(/\t/g, '    ').length / 4)
}

const containerPrefix = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/
const directiveOpen = /^:{3,}[A-Za-z]/
const directiveClose = /^:{3,}[ \t]*$/

/**
 * Where container directives (`:::name` … `:::`) first nest deeper than
 * {@link maxNesting}, counted on lines before parsing: each opening fence
 * adds a level and each bare `:::` closes one.
 *
 * @param lines The module's lines.
 * @returns The depth and 1-based line where it passed the limit, or `undefined`.
 */
export function directiveTooDeep(lines: readonly string[]): {depth: number; line: number} | undefined {
  let depth = 0
  let found: {depth: number; line: number} | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (!line.includes(':::')) continue
    const rest = line.slice(containerPrefix.exec(line)?.[0].length ?? 0)
    if (directiveOpen.test(rest)) depth++
    else if (directiveClose.test(rest)) depth = Math.max(0, depth - 1)
    if (depth > maxNesting && !found) found = {depth, line: index + 1}
    if (found && depth > found.depth) found.depth = depth
  }
  return found
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

