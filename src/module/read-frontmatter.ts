/**
 * Reads the YAML frontmatter node that remark-frontmatter left in the tree,
 * keeping true file positions (the YAML starts on the line after `---`).
 */
import type {Yaml} from 'mdast'
import {readYaml, type PositionedYaml} from '../util/read-yaml.js'

/** Frontmatter parsed from a module, with a way to locate any key. */
export type Frontmatter = PositionedYaml

/**
 * Parse the YAML of a frontmatter node.
 *
 * @param node The `yaml` node from remark-frontmatter.
 * @returns Parsed frontmatter; never throws for bad YAML.
 */
export function readFrontmatter(node: Yaml): Frontmatter {
  return readYaml(node.value, (node.position?.start.line ?? 1) + 1)
}
