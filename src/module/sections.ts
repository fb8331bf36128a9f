/**
 * Splits a module's mdast into its H2 sections (check-in, topic, exercises,
 * check-out, handouts, facilitator notes) and their H3 parts, and records
 * every structural problem with its place. Pure: no I/O, no unified.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'

/** The kinds of H2 section, in the order a module must have them. */
export const sectionOrder = [
  'check-in',
  'topic',
  'exercises',
  'check-out',
  'handouts',
  'facilitator-notes'
] as const

export type SectionKind = (typeof sectionOrder)[number]

/** Display names of the sections, exactly as authors write them. */
export const sectionNames: Record<SectionKind, string> = {
  'check-in': 'Check-in',
  topic: 'Topic',
  exercises: 'Exercises',
  'check-out': 'Check-out',
  handouts: 'Handouts',
  'facilitator-notes': 'Facilitator notes'
}

/** Sections whose heading carries `(N min)`. */
const timedSections = new Set<SectionKind>(['check-in', 'topic', 'check-out'])

/** An H3 part: an exercise or a handout. */
export interface Part {
  heading: Heading
  /** Heading text without the `(N min)` suffix. */
  title: string
  minutes: number | undefined
  children: RootContent[]
}

/** An H2 section and what stands under it. */
export interface Section {
  kind: SectionKind
  heading: Heading
  minutes: number | undefined
  /** Content before the first H3. */
  intro: RootContent[]
  parts: Part[]
}

/** A structural problem found while splitting. */
export interface StructureProblem {
  reason: string
  place: Position | undefined
}

/** Result of splitting a module body. */
export interface ModuleSections {
  list: Section[]
  byKind: Partial<Record<SectionKind, Section>>
  problems: StructureProblem[]
}

// No leading `\s*`: unanchored, it would rescan a long run of spaces from
// every position (quadratic); titles are trimmed after the suffix is cut.
const minutesSuffix = /\((\d+)\s*min\)\s*$/i

/**
 * Split a module tree into sections.
 *
 * @param tree The whole module tree (frontmatter node included).
 * @returns Sections in file order, an index by kind, and problems.
 */
export function splitSections(tree: Root): ModuleSections {
  const list: Section[] = []
  const byKind: Partial<Record<SectionKind, Section>> = {}
  const problems: StructureProblem[] = []
  let current: Section | undefined
  let part: Part | undefined
  let lastRank = -1
  // Content under an unknown H2 belongs to it; it was reported once already.
  let inUnknown = false

  for (const node of tree.children) {
    if (node.type === 'yaml') continue

    if (node.type === 'heading' && node.depth <= 2) {
      part = undefined
      current = undefined
      inUnknown = true
      const text = toString(node).trim()
      const minutes = readMinutes(text)
      const name = text.replace(minutesSuffix, '').trim()
      const kind = sectionOrder.find(
        (k) => sectionNames[k].toLowerCase() === name.toLowerCase()
      )

      if (node.depth === 1) {
        problems.push({
          reason: `Unexpected H1 \`${text}\`, expected H2 sections only (the title comes from the frontmatter)`,
          place: node.position
        })
        continue
      }

      if (!kind) {
        problems.push({
          reason: `Unexpected section \`${text}\`, expected one of ${sectionOrder.map((k) => '`' + sectionNames[k] + '`').join(', ')}`,
          place: node.position
        })
        continue
      }

      if (byKind[kind]) {
        problems.push({reason: `Unexpected second \`${sectionNames[kind]}\` section, expected it once`, place: node.position})
        continue
      }

      const rank = sectionOrder.indexOf(kind)
      if (rank < lastRank) {
        problems.push({
          reason: `Unexpected \`${sectionNames[kind]}\` after \`${sectionNames[sectionOrder[lastRank]]}\`, expected the order ${sectionOrder.map((k) => sectionNames[k]).join(', ')}`,
          place: node.position
        })
      }

      lastRank = Math.max(lastRank, rank)

      if (timedSections.has(kind) && minutes === undefined) {
        problems.push({
          reason: `Unexpected \`${text}\` without a length, expected \`${sectionNames[kind]} (N min)\``,
          place: node.position
        })
      }

      inUnknown = false
      current = {kind, heading: node, minutes: timedSections.has(kind) ? minutes : undefined, intro: [], parts: []}
      byKind[kind] = current
      list.push(current)
      continue
    }

    if (!current) {
      if (inUnknown) continue
      problems.push({reason: 'Unexpected content before the first section, expected `## Check-in (N min)` first', place: node.position})
      continue
    }

    if (node.type === 'heading' && node.depth === 3 && current.kind !== 'facilitator-notes') {
      const text = toString(node).trim()
      part = {
        heading: node,
        title: text.replace(minutesSuffix, '').trim(),
        minutes: current.kind === 'exercises' ? readMinutes(text) : undefined,
        children: []
      }
      current.parts.push(part)
      if (current.kind === 'exercises' && part.minutes === undefined) {
        problems.push({reason: `Unexpected exercise \`${text}\` without a length, expected \`### Name (N min)\``, place: node.position})
      }
      continue
    }

    if (part) part.children.push(node)
    else current.intro.push(node)
  }

  for (const kind of sectionOrder) {
    if (!byKind[kind]) {
      problems.push({
        reason: `Missing \`${sectionNames[kind]}\` section, expected \`## ${sectionNames[kind]}${timedSections.has(kind) ? ' (N min)' : ''}\``,
        place: undefined
      })
    }
  }

  if (byKind.exercises && byKind.exercises.parts.length === 0) {
    problems.push({reason: 'Missing exercise, expected at least one `### Name (N min)` under `Exercises`', place: byKind.exercises.heading.position})
  }

  return {list, byKind, problems}
}

function readMinutes(text: string): number | undefined {
  const match = minutesSuffix.exec(text)
  return match ? Number.parseInt(match[1], 10) : undefined
}
