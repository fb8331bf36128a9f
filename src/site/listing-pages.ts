/**
 * The browsing pages that need no script: group types and phases, each an
 * index of its values and a page per value listing its sessions, and the
 * list of programs.
 */
import {h} from 'hastscript'
import {moduleCard} from './catalogue-page.js'
import type {ModuleEntry} from './module-entry.js'
import {renderSitePage} from './site-page.js'

/** Phases in the order of treatment (TIP 47), then `any`. */
const phaseOrder = ['engagement', 'early-recovery', 'maintenance', 'community-integration', 'any']

/**
 * The pages of one listing: `<kind>/index.html` and `<kind>/<value>.html`.
 *
 * @param kind `groups` or `phases`.
 * @param entries Every module listed.
 * @param options `preview`: live reload.
 * @returns Relative path to HTML.
 */
export function listingPages(kind: 'groups' | 'phases', entries: readonly ModuleEntry[], options: {preview?: boolean} = {}): Map<string, string> {
  const keyOf = (e: ModuleEntry) => (kind === 'groups' ? e.group : e.phase)
  const titleOf = (value: string) => (kind === 'groups' ? entries.find((e) => e.group === value)?.groupTitle ?? value : value.replace(/-/g, ' '))
  const found = [...new Set(entries.map(keyOf))]
  const sorted = kind === 'phases' ? found.sort((a, b) => rank(a) - rank(b)) : found.sort((a, b) => titleOf(a).localeCompare(titleOf(b)))
  const scripts = options.preview ? {scripts: ['assets/reload.js'], connect: true} : {}
  const noun = kind === 'groups' ? 'Group types' : 'Phases'
  const pages = new Map<string, string>()
  pages.set(`${kind}/index.html`, renderSitePage({
    title: `${noun} · IOP curriculum`,
    root: '../',
    ...scripts,
    body: [
      h('h1', noun),
      h('ul', sorted.map((value) => h('li', [h('a', {href: `${value}.html`}, titleOf(value)), ` (${entries.filter((e) => keyOf(e) === value).length} sessions)`])))
    ]
  }))
  for (const value of sorted) {
    const members = entries.filter((e) => keyOf(e) === value)
    pages.set(`${kind}/${value}.html`, renderSitePage({
      title: `${titleOf(value)} · IOP curriculum`,
      root: '../',
      ...scripts,
      body: [
        h('p.breadcrumb', [h('a', {href: '../index.html'}, 'All sessions'), ' › ', h('a', {href: 'index.html'}, noun), ' › ', titleOf(value)]),
        h('h1', `${kind === 'groups' ? 'Group type' : 'Phase'}: ${titleOf(value)}`),
        h('p', `${members.length} sessions.`),
        h('ul.cards', members.map((e) => moduleCard(e, '../')))
      ]
    }))
  }
  return pages
}

function rank(phase: string): number {
  const index = phaseOrder.indexOf(phase)
  return index === -1 ? phaseOrder.length : index
}

/**
 * The list of programs.
 *
 * @param programs Each program's page file name and name.
 * @param options `preview`: live reload.
 * @returns The HTML of `programs/index.html`.
 */
export function programsIndexPage(programs: ReadonlyArray<{file: string; name: string; headline: string}>, options: {preview?: boolean} = {}): string {
  return renderSitePage({
    title: 'Programs · IOP curriculum',
    root: '../',
    ...(options.preview ? {scripts: ['assets/reload.js'], connect: true} : {}),
    body: [
      h('h1', 'Programs'),
      programs.length === 0
        ? h('p', 'No program was given. `iop site --program FILE` adds a page per program: its verdict, hours per week and calendar.')
        : h('ul', programs.map((p) => h('li', [h('a', {href: p.file}, p.name), `: ${p.headline}`])))
    ]
  })
}
