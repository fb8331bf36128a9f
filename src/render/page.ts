/**
 * Standalone HTML pages from templates/: the body is rendered hast, the CSS
 * is inlined, and a strict Content-Security-Policy allows only that exact
 * stylesheet (by hash): no script, no remote loads, so pages work offline.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Root, RootContent} from 'hast'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'

/** Folder of the HTML templates and stylesheets. */
export const templatesDir = new URL('../../templates/', import.meta.url)

const serializer = unified().use(rehypeStringify).freeze()

const cache = new Map<string, string>()
function template(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(new URL(name, templatesDir), 'utf8')
    cache.set(name, text)
  }
  return text
}

/** The kinds of page, each with its own stylesheet. */
export type PageKind = 'guide' | 'handout' | 'binder' | 'form' | 'packet' | 'book'

// A packet holds guides and handouts, so it takes both their stylesheets;
// a book (binder.pdf) holds the binder's overview and every packet.
const stylesheets: Record<PageKind, string[]> = {guide: ['guide'], handout: ['handout'], binder: ['binder'], form: ['form'], packet: ['guide', 'handout', 'packet'], book: ['binder', 'guide', 'handout', 'packet']}

/**
 * The Content-Security-Policy for a page whose only active content is `css`.
 *
 * @param css The inline stylesheet.
 * @returns The policy string.
 */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css).digest('base64')
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`
}

const escapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c])

/**
 * Render a whole page.
 *
 * @param options Title (plain text), kind, body nodes, paper (default
 *   Letter; `a4` for A4) and language (default `en`).
 * @returns A complete HTML document.
 */
export function renderPage(options: {title: string; kind: PageKind; body: RootContent[]; paper?: 'letter' | 'a4'; lang?: string}): string {
  // print.css last: its `@page` and break rules hold for every kind; A4 replaces its Letter.
  const css = template('styles/base.css') + stylesheets[options.kind].map((name) => template(`styles/${name}.css`)).join('') + template('styles/print.css') + (options.paper === 'a4' ? '@page { size: A4; }\n' : '')
  const body = serializer.stringify({type: 'root', children: options.body} as Root)
  const slots: Record<string, string> = {
    csp: escape(contentSecurityPolicy(css)),
    title: escape(options.title),
    kind: escape(options.kind),
    // The page's language, so screen readers and hyphenation read it right (`en` unless a translation).
    lang: escape(options.lang ?? 'en'),
    css,
    body
  }
  // {{{raw}}} slots take trusted output (our CSS, rendered hast); {{text}} is escaped.
  return template('page.html').replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (_, raw: string, text: string) => slots[raw ?? text] ?? '')
}
