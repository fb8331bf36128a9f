/**
 * Builds the staff site in memory: a page per module (with its guide,
 * handouts and source), the catalogue with its search index, the group,
 * phase and program pages, the scripts, and a `curriculum.json` listing
 * every file so `iop site` can replace exactly its own files next time.
 * Modules are built one at a time ({@link siteModuleFiles}) so the preview
 * can rebuild only the module that changed.
 */
import path from 'node:path'
import {groupTitle} from '../config/curriculum-config.js'
import type {Curriculum} from '../curriculum/load-curriculum.js'
import {hasErrors, isLinted, lintModules} from '../lint/lint.js'
import type {SessionModule} from '../module/parse-module.js'
import {buildGuide, buildHandout} from '../render/build.js'
import {buildTranslatedHandout} from '../render/translated-handout.js'
import {lintTranslations, translationHasErrors} from '../lint/lint-translations.js'
import type {Translation} from '../translation/parse-translation.js'
import {manifestName} from '../schedule/manifest.js'
import type {Assembly} from '../schedule/run-assembly.js'
import {cataloguePage} from './catalogue-page.js'
import {listingPages, programsIndexPage} from './listing-pages.js'
import {moduleEntry, searchDocument, type ModuleEntry, type SearchDocument} from './module-entry.js'
import {brokenModulePage, modulePage, sourcePage} from './module-page.js'
import {programPage} from './program-page.js'
import {searchIndexScript} from './search-index.js'
import {siteAssets} from './site-assets.js'

/** How a site is built. */
export interface SiteOptions {
  /** The preview: drafts and modules with lint errors shown as drafts, live reload (default false). */
  preview?: boolean
  /** Assembled programs, a page each. */
  programs?: readonly Assembly[]
  /** Paper of the guides' and handouts' `@page` (default `letter`). */
  paper?: 'letter' | 'a4'
  /** Folder that file paths in lint messages are shown relative to (default: shown as loaded). */
  cwd?: string
}

/** What one module contributes to the site. */
export interface SiteModule {
  /** Page id: the module's id, else (a module with invalid frontmatter) its file name. */
  id: string
  /** Catalogue entry and search words; absent for a module the site leaves out or cannot describe. */
  entry?: ModuleEntry
  document?: SearchDocument
  /** Its files, relative to the site root. */
  files: Map<string, string>
}

/** A built site. */
export interface Site {
  files: Map<string, string>
  /** Files of modules left out for lint errors (`iop site` only). */
  excluded: string[]
  /** Files of modules left out because they are drafts (`iop site` only). */
  drafts: string[]
  /** Each listed module's part, by its file path (the preview rebuilds these one at a time). */
  parts: Map<string, SiteModule>
}

/**
 * The page id of a module.
 *
 * @param module A parsed module.
 * @returns Its id, else its file name without `.md`.
 */
export function sitePageId(module: SessionModule): string {
  return module.meta?.id ?? (module.file.stem || 'module').toLowerCase().replace(/[^a-z0-9-]+/g, '-')
}

/**
 * One module's part of the site. The module must have been linted.
 *
 * @param module The module.
 * @param curriculum The curriculum (config: group titles, crisis text).
 * @param options Preview and paper.
 * @returns Its files, or `undefined` when `iop site` leaves it out (a draft or lint errors).
 */
export function siteModuleFiles(module: SessionModule, curriculum: Pick<Curriculum, 'config'> & {translations?: readonly Translation[]}, options: SiteOptions = {}): SiteModule | undefined {
  const id = sitePageId(module)
  const broken = hasErrors(module) || !module.meta
  if (!options.preview && (broken || module.meta?.draft === true)) return undefined
  const files = new Map<string, string>()
  const dir = `modules/${id}`
  if (broken) {
    // Never a guide or client handout: only the messages and the source.
    files.set(`${dir}/index.html`, brokenModulePage(module, id, options.cwd ? path.relative(options.cwd, module.file.path) : module.file.path))
    return {id, entry: module.meta ? moduleEntry(module, titleOf(curriculum, module.meta.group), true) : undefined, files}
  }
  const meta = module.meta!
  const entry = moduleEntry(module, titleOf(curriculum, meta.group))
  // Translated handouts that pass their rules, each as `handouts.<lang>.html`
  // (built by the same client-safe renderer; a translation with errors is left out).
  const translations = (curriculum.translations ?? []).filter((t) => t.name.id === meta.id && t.meta && curriculum.config.crisisByLanguage[t.name.lang])
  lintTranslations(translations, [module], curriculum.config)
  const languages: string[] = []
  for (const translation of translations.filter((t) => !translationHasErrors(t))) {
    const lang = translation.name.lang
    files.set(`${dir}/handouts.${lang}.html`, buildTranslatedHandout([{module, translation}], {crisis: curriculum.config.crisisByLanguage[lang], paper: options.paper, config: curriculum.config}))
    languages.push(lang)
  }
  files.set(`${dir}/index.html`, modulePage(module, entry, {...options, languages}))
  files.set(`${dir}/guide.html`, buildGuide([module], {paper: options.paper}))
  files.set(`${dir}/handouts.html`, buildHandout([module], {crisis: curriculum.config.crisis, paper: options.paper}))
  files.set(`${dir}/source.html`, sourcePage(module, id, meta.title, options))
  files.set(`${dir}/${id}.md`, module.source)
  return {id, entry, document: searchDocument(module), files}
}

/**
 * The pages that list modules: catalogue, search index, group, phase and program pages.
 *
 * @param modules Every module's part, in catalogue order.
 * @param programPages Each program's page (from programPage).
 * @param options Preview.
 * @returns Relative path to contents.
 */
export function siteIndexFiles(modules: readonly SiteModule[], programPages: ReadonlyArray<ReturnType<typeof programPage>>, options: SiteOptions = {}): Map<string, string> {
  const entries = modules.flatMap((m) => (m.entry ? [m.entry] : []))
  const files = new Map<string, string>()
  const problems = modules.filter((m) => !m.entry).map((m) => m.id)
  files.set('index.html', cataloguePage(entries, {preview: options.preview, problems}))
  files.set('assets/search-index.js', searchIndexScript(modules.flatMap((m) => (m.document ? [m.document] : []))))
  for (const kind of ['groups', 'phases'] as const) for (const [name, text] of listingPages(kind, entries, options)) files.set(name, text)
  files.set('programs/index.html', programsIndexPage(programPages, options))
  for (const page of programPages) for (const [name, text] of page.files) files.set(name, text)
  return files
}

/**
 * Catalogue order: by group title, then title, then id.
 *
 * @returns A comparator of module parts.
 */
export function catalogueOrder(a: SiteModule, b: SiteModule): number {
  const key = (m: SiteModule) => [m.entry?.groupTitle ?? '~', m.entry?.title ?? m.id, m.id]
  const [x, y] = [key(a), key(b)]
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i].localeCompare(y[i])
  return 0
}

/**
 * Build the whole site.
 *
 * @param curriculum The curriculum (linted here, unless a program's assembly already did).
 * @param options Preview, programs and paper.
 * @returns Every file, and the modules left out.
 */
export function buildSite(curriculum: Curriculum, options: SiteOptions = {}): Site {
  // Lint once: a second run would repeat every message.
  const unlinted = curriculum.modules.filter((m) => !isLinted(m))
  if (unlinted.length > 0) lintModules(curriculum.modules, curriculum.config, new Set(unlinted))
  const byFile = new Map(curriculum.modules.flatMap((m) => {
    const part = siteModuleFiles(m, curriculum, options)
    return part ? [[m.file.path, part] as const] : []
  }))
  const parts = [...byFile.values()].sort(catalogueOrder)
  const listed = new Set(parts.filter((p) => p.document).map((p) => p.id))
  const programPages = (options.programs ?? []).map((assembly) => programPage(assembly, listed, options))
  const files = new Map<string, string>()
  for (const part of parts) for (const [name, text] of part.files) files.set(name, text)
  for (const [name, text] of siteIndexFiles(parts, programPages, options)) files.set(name, text)
  for (const [name, text] of siteAssets(options)) files.set(name, text)
  const excluded = options.preview ? [] : curriculum.modules.filter((m) => hasErrors(m) || !m.meta).map((m) => m.file.path).sort()
  const drafts = options.preview ? [] : curriculum.modules.filter((m) => m.meta?.draft === true && !hasErrors(m)).map((m) => m.file.path).sort()
  files.set(manifestName, siteManifest(curriculum.modules.filter((m) => listed.has(sitePageId(m))), programPages, [...files.keys()]))
  return {files, excluded, drafts, parts: byFile}
}

/**
 * The site's `curriculum.json`: marks the folder as iop's and lists every
 * file, so the next `iop site` replaces exactly these and keeps anything else.
 *
 * @returns JSON text with a final newline.
 */
function siteManifest(modules: readonly SessionModule[], programs: ReadonlyArray<{name: string; headline: string}>, files: readonly string[]): string {
  const record = {
    tool: 'iop-curriculum',
    manifestVersion: 2,
    kind: 'site',
    files: [...new Set([...files, manifestName])].sort(),
    modules: modules.map((m) => ({id: m.meta!.id, version: m.meta!.version, hash: m.hash})).sort((a, b) => a.id.localeCompare(b.id)),
    programs: programs.map((p) => ({name: p.name, verdict: p.headline}))
  }
  return JSON.stringify(record, null, 2) + '\n'
}

function titleOf(curriculum: Pick<Curriculum, 'config'>, group: string): string {
  return curriculum.config.groups.find((g) => g.id === group)?.title ?? groupTitle(group)
}
