/**
 * One page of the staff site: the shared header (skip link, navigation),
 * a `main` landmark, the site stylesheet inlined and allowed by hash, and a
 * Content-Security-Policy that allows scripts only from the site itself and
 * only on pages that load one (client handouts are built elsewhere, with none).
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import {unified} from 'unified'
import {templatesDir} from '../render/page.js'

const serializer = unified().use(rehypeStringify).freeze()
let stylesheet: string | undefined
function css(): string {
  stylesheet ??= ['styles/base.css', 'styles/site.css'].map((name) => readFileSync(new URL(name, templatesDir), 'utf8')).join('')
  return stylesheet
}

/** What a site page needs. */
export interface SitePageOptions {
  /** Plain-text title (escaped). */
  title: string
  /** Path from the page's folder to the site root: `''`, `'../'` or `'../../'`. */
  root: string
  body: ElementContent[]
  /** Scripts to load, as paths from the site root (default none: no script-src at all). */
  scripts?: readonly string[]
  /** Allow `connect-src 'self'` (the preview's live-reload events). */
  connect?: boolean
  /** Allow `frame-src 'self'` (the preview shows a module's guide and handouts in frames). */
  frames?: boolean
}

/**
 * The Content-Security-Policy of a site page.
 *
 * @param options Which of scripts, events and frames the page uses.
 * @returns The policy: `'self'` only where a page needs it, everything else `'none'`.
 */
export function sitePolicy(options: Pick<SitePageOptions, 'scripts' | 'connect' | 'frames'>): string {
  const hash = createHash('sha256').update(css()).digest('base64')
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    'img-src data:',
    options.scripts?.length ? "script-src 'self'" : undefined,
    options.connect ? "connect-src 'self'" : undefined,
    options.frames ? "frame-src 'self'" : undefined,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].filter(Boolean).join('; ')
}

/**
 * Render a site page.
 *
 * @param options Title, path to the root, body, scripts and policy switches.
 * @returns A complete HTML document.
 */
export function renderSitePage(options: SitePageOptions): string {
  const {root} = options
  const nav: Element = h('header', [
    h('a.skip', {href: '#main'}, 'Skip to the main content'),
    h('nav.site-nav', {'aria-label': 'Site'}, [
      h('a.home', {href: `${root}index.html`}, 'IOP curriculum'),
      h('a', {href: `${root}groups/index.html`}, 'Group types'),
      h('a', {href: `${root}phases/index.html`}, 'Phases'),
      h('a', {href: `${root}programs/index.html`}, 'Programs')
    ])
  ])
  const footer = h('footer', h('p.hint', 'Each module must be reviewed by a licensed clinician before use with clients. Made with iop-curriculum.'))
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: sitePolicy(options)}),
          h('meta', {name: 'generator', content: 'iop-curriculum'}),
          h('title', options.title),
          h('style', css())
        ]),
        h('body.site', [nav, h('main#main', {tabIndex: -1}, options.body), footer, ...(options.scripts ?? []).map((src) => h('script', {src: root + src}))])
      ])
    ]
  }
  return serializer.stringify(tree) + '\n'
}
