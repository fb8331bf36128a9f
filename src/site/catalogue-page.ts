/**
 * The site's home page: a search box and filters (group type, phase,
 * audience, approach, topic, length) over the list of every session. The
 * list is plain HTML, so it can be read and browsed with no script; search
 * and filters appear only once their script runs.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ModuleEntry} from './module-entry.js'
import {renderSitePage} from './site-page.js'

/** The filters: a `data-*` attribute of each card, and its label. */
const filters: Array<{key: 'group' | 'phase' | 'audience' | 'approach' | 'tag' | 'minutes'; label: string}> = [
  {key: 'group', label: 'Group type'},
  {key: 'phase', label: 'Phase'},
  {key: 'audience', label: 'Audience'},
  {key: 'approach', label: 'Approach'},
  {key: 'tag', label: 'Topic'},
  {key: 'minutes', label: 'Length'}
]

/** The values of one filter on one entry. */
function values(entry: ModuleEntry, key: (typeof filters)[number]['key']): string[] {
  if (key === 'group') return [entry.group]
  if (key === 'phase') return [entry.phase]
  if (key === 'audience') return entry.audience
  if (key === 'approach') return entry.approaches
  if (key === 'tag') return entry.tags
  return [String(entry.minutes)]
}

/**
 * One module as a card, linking its page.
 *
 * @param entry The module.
 * @param root Path from the page to the site root.
 * @returns An `li` carrying the filter values as `data-*` attributes.
 */
export function moduleCard(entry: ModuleEntry, root: string): Element {
  const data = Object.fromEntries(filters.map(({key}) => [`data-${key}`, values(entry, key).join(' ')]))
  return h('li', {'data-id': entry.id, ...data}, [
    h('a.card-title', {href: `${root}modules/${entry.id}/index.html`}, entry.title + (entry.draft ? ' (draft)' : '')),
    h('p.card-facts', `${entry.groupTitle} · ${entry.phase} · ${entry.minutes} min · for ${entry.audience.join(', ')}`),
    h('p.card-facts', entry.objectives[0] ?? '')
  ])
}

/**
 * The home page.
 *
 * @param entries Every module listed, in catalogue order.
 * @param options `preview`: load the live-reload script too; `problems`: ids of
 *   modules whose frontmatter is too broken to list (the preview links their pages).
 * @returns The HTML of `index.html`.
 */
export function cataloguePage(entries: readonly ModuleEntry[], options: {preview?: boolean; problems?: readonly string[]} = {}): string {
  const groupTitles = new Map(entries.map((e) => [e.group, e.groupTitle]))
  const select = ({key, label}: (typeof filters)[number]) => {
    const found = [...new Set(entries.flatMap((e) => values(e, key)))].sort(key === 'minutes' ? (a, b) => Number(a) - Number(b) : undefined)
    const text = (value: string) => (key === 'group' ? groupTitles.get(value) ?? value : key === 'minutes' ? `${value} min` : value.replace(/-/g, ' '))
    return h('div', [
      h('label', {for: `filter-${key}`}, label),
      h('select', {id: `filter-${key}`, 'data-filter': key}, [h('option', {value: ''}, 'Any'), ...found.map((value) => h('option', {value}, text(value)))])
    ])
  }
  const problems = options.problems ?? []
  const body: ElementContent[] = [
    h('h1', 'Find a session'),
    ...(problems.length > 0 ? [h('div.draft-banner', {role: 'note'}, [h('p', 'Modules with errors in their frontmatter (shown as drafts):'), h('ul', problems.map((id) => h('li', h('a', {href: `modules/${id}/index.html`}, id))))])] : []),
    h('p', `${entries.length} group sessions. Search by a word, or choose a group type, phase or length, then open a session to print its facilitator guide and client handouts.`),
    h('p#search-off.hint', ['Search and filters need JavaScript, which is off or blocked here. Every session is listed below; you can also browse by ', h('a', {href: 'groups/index.html'}, 'group type'), ' or by ', h('a', {href: 'phases/index.html'}, 'phase'), '. (The command iop preview serves this site with search.)']),
    h('div#search-area', {role: 'search', hidden: true}, [
      h('div.search', [h('label', {for: 'search'}, 'Search sessions'), h('input', {id: 'search', type: 'search', autocomplete: 'off', 'aria-describedby': 'search-help'}), h('p#search-help.hint', 'For example: cravings, sleep, family, anger. Words in titles, objectives, topics and handouts are searched.')]),
      h('div.filters', filters.map(select))
    ]),
    h('p#status.status', {role: 'status', 'aria-live': 'polite'}, `${entries.length} sessions shown`),
    h('ul#modules.cards', {'aria-label': 'Sessions'}, entries.map((e) => moduleCard(e, '')))
  ]
  const scripts = ['assets/minisearch.js', 'assets/search-index.js', 'assets/catalogue.js', ...(options.preview ? ['assets/reload.js'] : [])]
  return renderSitePage({title: 'Find a session · IOP curriculum', root: '', body, scripts, connect: options.preview})
}
