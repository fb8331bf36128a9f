/**
 * A module's page on the site: what a facilitator needs to choose and print
 * a session (title, group, phase, length, audience, objectives, materials,
 * agenda), the links to print its guide and handouts, and its Markdown
 * source. In the preview, a draft or a module with lint errors shows its
 * messages at the top, and a module with errors gets no guide or handouts.
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {languageName} from '../translation/handout-languages.js'
import type {SessionModule} from '../module/parse-module.js'
import {agenda} from '../module/agenda.js'
import {clock} from '../render/guide-html.js'
import type {ModuleEntry} from './module-entry.js'
import {renderSitePage} from './site-page.js'

/** How the page is made. */
export interface ModulePageOptions {
  /** The preview: live reload, and the guide and handouts shown in frames. */
  preview?: boolean
  /** Languages with translated handouts (`handouts.<lang>.html`), e.g. `es`. */
  languages?: readonly string[]
}

/**
 * The page of a module that builds (no lint errors).
 *
 * @param module The module.
 * @param entry Its catalogue entry.
 * @param options Preview or not.
 * @returns The HTML of `modules/<id>/index.html`.
 */
export function modulePage(module: SessionModule, entry: ModuleEntry, options: ModulePageOptions = {}): string {
  const meta = module.meta!
  const facts: Array<[string, string]> = [
    ['Group type', entry.groupTitle],
    ['Phase', meta.phase],
    ['Length', `${meta.minutes} min`],
    ['Audience', meta.audience.join(', ')],
    ['Approaches', meta.approaches.join(', ')],
    ['Topics', meta.tags.join(', ') || 'none'],
    ['Prerequisites', meta.requires.join(', ') || 'none'],
    ['Version', meta.version]
  ]
  const body: ElementContent[] = [
    breadcrumb(entry),
    h('h1', meta.title),
    ...(entry.draft ? [h('p.draft-banner', {role: 'note'}, 'Draft: this module is being written (draft: true). It is left out of the published site and of every schedule.')] : []),
    h('section.print-box', {'aria-labelledby': 'print-heading'}, [
      h('h2#print-heading', 'Print this session'),
      h('ul.print-links', [
        h('li', h('a', {href: 'guide.html'}, 'Facilitator guide')),
        h('li', h('a', {href: 'handouts.html'}, 'Client handouts')),
        ...(options.languages ?? []).map((lang) => h('li', h('a', {href: `handouts.${lang}.html`, hrefLang: lang}, [`Client handouts in ${languageName(lang)}`])))
      ]),
      h('p.hint', 'Each opens a page ready to print: press Ctrl+P (Command+P on a Mac), or choose "Save as PDF" in the print window. Handouts print one per page, with crisis resources on every page.')
    ]),
    h('dl.facts', facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])),
    h('p', ['For authors: ', h('a', {href: 'source.html'}, 'the Markdown source'), ' of this module.']),
    h('h2', 'Objectives'),
    h('p', 'Participants will be able to:'),
    h('ol', meta.objectives.map((objective) => h('li', objective))),
    h('h2', 'Materials'),
    meta.materials.length > 0 ? h('ul', meta.materials.map((item) => h('li', item))) : h('p', 'None.'),
    h('h2', 'Agenda'),
    h('table', [
      h('thead', h('tr', [h('th', {scope: 'col'}, 'Start'), h('th', {scope: 'col'}, 'Part'), h('th', {scope: 'col'}, 'Minutes')])),
      h('tbody', agenda(module.sections).map((item) => h('tr', [h('td', clock(item.start)), h('td', item.label), h('td', `${item.minutes} min`)])))
    ]),
    ...(options.preview ? previewFrames() : [])
  ]
  return renderSitePage({title: `${meta.title} · IOP curriculum`, root: '../../', body, ...previewPolicy(options)})
}

/**
 * The preview's page of a module with lint errors: shown as a draft with
 * its messages and its source, never with a guide or client handouts.
 *
 * @param module The module (its lint messages on `module.file`).
 * @param id The page's id (the module's, else its file name).
 * @param file The file's path as shown in messages.
 * @returns The HTML of `modules/<id>/index.html`.
 */
export function brokenModulePage(module: SessionModule, id: string, file: string): string {
  const data = module.frontmatter?.data as {title?: unknown} | undefined
  const title = module.meta?.title ?? (typeof data?.title === 'string' ? data.title : id)
  const body: ElementContent[] = [
    h('p.breadcrumb', [h('a', {href: '../../index.html'}, 'All sessions'), ' › ', id]),
    h('h1', title),
    h('div.draft-banner', {role: 'alert'}, [
      h('p', h('strong', 'Draft with lint errors: no guide or handouts are built until they are fixed.')),
      h('ul.lint-messages', module.file.messages.map((message) => h('li', `${file}:${message.line ?? 1}:${message.column ?? 1}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}${message.ruleId ? ` (${message.ruleId})` : ''}`)))
    ]),
    h('h2', 'Markdown source'),
    h('pre.source', module.source)
  ]
  return renderSitePage({title: `Draft: ${title} · IOP curriculum`, root: '../../', body, ...previewPolicy({preview: true})})
}

/**
 * The page showing a module's Markdown source.
 *
 * @param module The module.
 * @param id Its id.
 * @param title Its title.
 * @param options Preview or not.
 * @returns The HTML of `modules/<id>/source.html`.
 */
export function sourcePage(module: SessionModule, id: string, title: string, options: ModulePageOptions = {}): string {
  const body: ElementContent[] = [
    h('p.breadcrumb', [h('a', {href: '../../index.html'}, 'All sessions'), ' › ', h('a', {href: 'index.html'}, title), ' › source']),
    h('h1', `Markdown source: ${title}`),
    h('p', ['The file as written, facilitator notes included (staff only). ', h('a', {href: `${id}.md`, download: `${id}.md`}, `Download ${id}.md`), '.']),
    h('pre.source', module.source)
  ]
  return renderSitePage({title: `Source: ${title} · IOP curriculum`, root: '../../', body, ...previewPolicy(options)})
}

function breadcrumb(entry: ModuleEntry): ElementContent {
  return h('p.breadcrumb', [h('a', {href: '../../index.html'}, 'All sessions'), ' › ', h('a', {href: `../../groups/${entry.group}.html`}, entry.groupTitle), ' › ', entry.title])
}

function previewFrames(): ElementContent[] {
  return [
    h('h2', 'Facilitator guide (live)'),
    h('iframe.preview-frame', {src: 'guide.html', title: 'Facilitator guide'}),
    h('h2', 'Client handouts (live)'),
    h('iframe.preview-frame', {src: 'handouts.html', title: 'Client handouts'})
  ]
}

/**
 * Scripts and policy of a page in the preview: the live-reload script and its events.
 *
 * @param options Preview or not.
 * @returns Options for renderSitePage.
 */
export function previewPolicy(options: ModulePageOptions): {scripts?: string[]; connect?: boolean; frames?: boolean} {
  return options.preview ? {scripts: ['assets/reload.js'], connect: true, frames: true} : {}
}
