/**
 * mdast to hast for module content, the unified way: remark-rehype keeps
 * raw HTML so rehype-raw can parse it, then rehype-sanitize (GitHub's schema,
 * plus only the class names this project emits) removes anything executable.
 */
import type {ElementContent, Root as HastRoot} from 'hast'
import type {Root, RootContent} from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import rehypeLabelCheckboxes from './rehype-label-checkboxes.js'
import {unified} from 'unified'
import {visit, EXIT} from 'unist-util-visit'

/** GitHub's schema, plus the few elements and classes the renderer adds. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside'],
  attributes: {
    ...defaultSchema.attributes,
    aside: [['className', 'facilitator']],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'fill-lines', 'facilitator-label', 'scale', 'scale-boxes', 'scale-labels']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'fill-line', 'scale-box', 'scale-low', 'scale-high']]
  }
}

const processor = unified()
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeLabelCheckboxes)
  .freeze()

// rehype-raw re-parses the whole tree with parse5 to place raw HTML; with no
// raw HTML in the nodes there is nothing to place, so that pass is skipped.
// Sanitizing still runs on every tree.
const withoutRaw = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeLabelCheckboxes)
  .freeze()

/**
 * Convert prepared mdast nodes to sanitized hast nodes.
 *
 * @param nodes mdast nodes (already a copy; see prepare-nodes.ts).
 * @returns Sanitized hast children.
 */
export function toSafeHast(nodes: RootContent[]): ElementContent[] {
  const root = {type: 'root', children: nodes} as Root
  const tree = (hasRawHtml(root) ? processor : withoutRaw).runSync(root) as HastRoot
  return tree.children as ElementContent[]
}

function hasRawHtml(root: Root): boolean {
  let found = false
  visit(root, 'html', () => {
    found = true
    return EXIT
  })
  return found
}
