/**
 * Markdown output (`--format md`) of guides and handouts, stringified with
 * remark-stringify from a new mdast. Author raw HTML is left out of Markdown
 * output: it cannot be sanitized there, and Markdown readers would run it.
 */
import type {BlockContent, Nodes, Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {clientView} from '../module/facilitator.js'
import type {ModuleMeta} from '../module/frontmatter-schema.js'
import type {SessionModule} from '../module/parse-module.js'
import {agenda} from '../module/agenda.js'
import {sectionNames} from '../module/sections.js'
import {creditLines} from './credits.js'
import {clock} from './guide-html.js'
import {plainObjective} from './handout-html.js'
import {readScale, scaleLine} from '../module/scale.js'
import {clampLines} from './prepare-nodes.js'
import {handoutLanguages, languageName} from '../translation/handout-languages.js'

const text = (value: string) => ({type: 'text' as const, value})
const paragraph = (...children: RootContent[]) => ({type: 'paragraph', children}) as BlockContent
const strong = (value: string) => ({type: 'strong', children: [text(value)]}) as RootContent
const list = (items: string[], ordered = false) =>
  ({type: 'list', ordered, spread: false, children: items.map((item) => ({type: 'listItem', spread: false, children: [paragraph(text(item))]}))}) as BlockContent
const heading = (depth: 1 | 2 | 3, value: string) => ({type: 'heading', depth, children: [text(value)]}) as BlockContent

/** Nodes for Markdown output, for one audience (client views drop facilitator material). */
export function mdNodes(nodes: readonly RootContent[], audience: 'facilitator' | 'client', source: string): RootContent[] {
  const copy = structuredClone(audience === 'client' ? clientView(nodes) : nodes) as RootContent[]
  const root = {type: 'root', children: copy} as Root
  visit(root, (node: Nodes, index, parent) => {
    if (!parent || index === undefined) return
    if (node.type === 'html') {
      parent.children.splice(index, 1)
      return index
    }
    // The HTML path sanitizes URLs; Markdown readers follow them as written.
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !safeUrl(node.url)) {
      if (node.type === 'definition') node.url = '#'
      else parent.children.splice(index, 1, ...(node.type === 'link' ? (node.children as RootContent[]) : node.alt ? [text(node.alt)] : []))
      return index
    }
    if (node.type === 'containerDirective') {
      const children = node.children.filter((c) => !(c.type === 'paragraph' && (c.data as {directiveLabel?: boolean} | undefined)?.directiveLabel))
      parent.children.splice(index, 1, {type: 'blockquote', children: [paragraph(strong('Facilitator only:')), ...(children as BlockContent[])]} as never)
      return index
    }
    if (node.type === 'leafDirective' && node.name === 'scale') {
      // A plain line; the labels are author text, escaped by the serializer.
      parent.children.splice(index, 1, paragraph(text(scaleLine(readScale(node.attributes)))) as RootContent)
      return index + 1
    }
    if (node.type === 'leafDirective') {
      const lines = node.name === 'lines' ? Array.from({length: clampLines(node.attributes?.n)}, () => '\\_'.repeat(40)).join('\\\n') : ''
      // Our own underscores, pre-escaped: emitted as-is through an html node.
      parent.children.splice(index, 1, ...(lines ? [{type: 'html', value: lines} as RootContent] : []))
      return index + (lines ? 1 : 0)
    }
    if (node.type === 'textDirective') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      parent.children.splice(index, 1, text(start !== undefined && end !== undefined ? source.slice(start, end) : ':' + node.name) as never)
      return index + 1
    }
    return undefined
  })
  return root.children
}

const serializer = unified().use(remarkGfm).use(remarkStringify, {bullet: '-', rule: '-'}).freeze()

/**
 * Whether a URL is safe to print in Markdown: relative, or http(s), mailto, tel.
 *
 * @param url A link or image URL.
 * @returns True when it may be kept.
 */
export function safeUrl(url: string): boolean {
  // Browsers ignore tabs, newlines and leading control characters in schemes.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020]/g, '')
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(cleaned)
  return !scheme || ['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase())
}

/** Markdown text of some nodes. */
export function stringify(children: RootContent[]): string {
  return serializer.stringify({type: 'root', children} as Root)
}

/**
 * One module's facilitator guide as mdast children.
 *
 * @param module A valid, linted module.
 * @returns Nodes of the guide.
 */
export function guideMarkdownNodes(module: SessionModule): RootContent[] {
  const meta = module.meta as ModuleMeta
  const out: RootContent[] = [
    heading(1, meta.title),
    paragraph(strong('Facilitator guide')),
    list([
      `Group: ${meta.group}`,
      `Phase: ${meta.phase}`,
      `Length: ${meta.minutes} min`,
      `Audience: ${meta.audience.join(', ')}`,
      `Approaches: ${meta.approaches.join(', ')}`,
      `Materials: ${meta.materials.join('; ') || 'none'}`,
      `Prerequisites: ${meta.requires.join(', ') || 'none'}`,
      `Version: ${meta.version}`,
      ...(handoutLanguages(module).length > 1 ? [`Handouts in: ${handoutLanguages(module).map(languageName).join(', ')}`] : [])
    ]),
    heading(2, 'Objectives'),
    paragraph(text('Participants will be able to:')),
    list(meta.objectives, true),
    // Credits are for staff and reviewers: the guide only, never a handout.
    ...(creditLines(meta).length ? [heading(2, 'Credits'), list(creditLines(meta))] : []),
    heading(2, 'Agenda'),
    {
      type: 'table',
      align: ['left', 'left', 'right'],
      children: [['Start', 'Part', 'Minutes'], ...agenda(module.sections).map((i) => [clock(i.start), i.label, `${i.minutes} min`])].map((row) => ({
        type: 'tableRow',
        children: row.map((cell) => ({type: 'tableCell', children: [text(cell)]}))
      }))
    } as RootContent
  ]
  for (const section of module.sections.list) {
    const title =
      section.kind === 'handouts'
        ? 'Handouts: what clients receive'
        : section.kind === 'facilitator-notes'
          ? 'Facilitator notes (facilitator only)'
          : sectionNames[section.kind] + (section.minutes === undefined ? '' : ` (${section.minutes} min)`)
    out.push(heading(2, title), ...mdNodes(section.intro, 'facilitator', module.source))
    for (const part of section.parts) out.push(...mdNodes([part.heading, ...part.children], 'facilitator', module.source))
  }
  return out
}

/**
 * Guides of one or more modules as Markdown.
 *
 * @param modules Valid, linted modules.
 * @returns Markdown text.
 */
export function guideMarkdown(modules: readonly SessionModule[]): string {
  return stringify(modules.flatMap((module, index) => [...(index > 0 ? [{type: 'thematicBreak'} as RootContent] : []), ...guideMarkdownNodes(module)]))
}

/**
 * Handouts of one or more modules as Markdown, a rule between handouts.
 *
 * @param modules Valid, linted modules.
 * @param crisis Crisis resources text.
 * @returns Markdown text.
 */
export function handoutMarkdown(modules: readonly SessionModule[], crisis: string): string {
  const out: RootContent[] = []
  for (const module of modules) {
    const meta = module.meta as ModuleMeta
    for (const part of module.sections.byKind.handouts?.parts ?? []) {
      if (out.length > 0) out.push({type: 'thematicBreak'})
      out.push(
        ...mdNodes([{...part.heading, depth: 1}], 'client', module.source),
        paragraph(strong(meta.title)),
        paragraph(text('In this session you will:')),
        list(meta.objectives.map(plainObjective)),
        ...mdNodes(part.children, 'client', module.source),
        {type: 'blockquote', children: [paragraph(strong(crisis))]} as RootContent
      )
    }
  }
  return stringify(out)
}
