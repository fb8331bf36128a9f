/**
 * What the site knows of one module: its facts for cards and filters, and
 * the words search finds it by. Handout and topic words come from the client
 * view only, so the search index (shipped to every browser that opens the
 * site) carries no facilitator-only text.
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {SessionModule} from '../module/parse-module.js'
import {prepareNodes} from '../render/prepare-nodes.js'

/** A module as the catalogue lists it. */
export interface ModuleEntry {
  id: string
  title: string
  group: string
  groupTitle: string
  phase: string
  minutes: number
  audience: string[]
  approaches: string[]
  tags: string[]
  objectives: string[]
  /** `draft: true`, or (in the preview) a module with lint errors. */
  draft: boolean
}

/** The words of a module that search reads. */
export interface SearchDocument {
  id: string
  title: string
  objectives: string
  /** Tags and the Topic section, as clients read it. */
  topics: string
  /** Every handout, as clients receive it. */
  handouts: string
}

/**
 * The catalogue entry of a valid module.
 *
 * @param module A module with metadata.
 * @param groupTitle The group type's display title.
 * @param draft Whether to show it as a draft (default: its `draft` flag).
 * @returns The entry.
 */
export function moduleEntry(module: SessionModule, groupTitle: string, draft = module.meta?.draft === true): ModuleEntry {
  const meta = module.meta!
  return {
    id: meta.id,
    title: meta.title,
    group: meta.group,
    groupTitle,
    phase: meta.phase,
    minutes: meta.minutes,
    audience: [...meta.audience],
    approaches: [...meta.approaches],
    tags: [...meta.tags],
    objectives: [...meta.objectives],
    draft
  }
}

/**
 * The search document of a valid module.
 *
 * @param module A module with metadata.
 * @returns Its searchable words.
 */
export function searchDocument(module: SessionModule): SearchDocument {
  const meta = module.meta!
  const client = (nodes: readonly RootContent[]) => toString({type: 'root', children: prepareNodes(nodes, 'client', module.source)}, {includeHtml: false})
  const topic = module.sections.byKind.topic
  const topicText = topic ? client([topic.heading, ...topic.intro, ...topic.parts.flatMap((part) => [part.heading, ...part.children])]) : ''
  const handouts = (module.sections.byKind.handouts?.parts ?? []).map((part) => client([part.heading, ...part.children])).join('\n')
  return {
    id: meta.id,
    title: meta.title,
    objectives: meta.objectives.join('\n'),
    topics: [...meta.tags.map((tag) => tag.replace(/-/g, ' ')), topicText].join('\n'),
    handouts
  }
}
