/**
 * Public build functions: facilitator guides and client handouts, as HTML
 * or Markdown, for one or more modules (a binder session may hold several).
 * Modules with lint errors are refused: a malformed facilitator block must
 * stop a build, never reach a client. The client-safety guard runs here
 * itself, so no lint setting or skipped lint run can let one through.
 */
import {defaultCrisisText} from '../config/defaults.js'
import {defaultConfig} from '../config/curriculum-config.js'
import {hasErrors, isLinted, lintModules} from '../lint/lint.js'
import {clientSafetyProblems} from '../module/facilitator.js'
import type {SessionModule} from '../module/parse-module.js'
import {UserError} from '../util/user-error.js'
import {clockTime, guideArticle} from './guide-html.js'
import {moduleStarts} from '../module/agenda.js'
import {handoutSections} from './handout-html.js'
import {guideMarkdown, handoutMarkdown} from './markdown.js'
import {renderPage} from './page.js'

/** Output format. */
export type Format = 'html' | 'md'

/** Options for builds. */
export interface BuildOptions {
  /** `html` (default) or `md`. */
  format?: Format
  /** Crisis resources text (default: the config's, else the US default). */
  crisis?: string
  /** Page title for several modules (default: joined module titles). */
  title?: string
  /** Paper of the HTML's `@page` (default `letter`). */
  paper?: 'letter' | 'a4'
  /**
   * The session's clock start (`HH:MM`, optional): guide agendas then show
   * clock times that run on from one module to the next, not 0:00 each.
   */
  startsAt?: string
  /** Handouts in large print (about 16 pt) for clients with low vision; HTML only. */
  largePrint?: boolean
}

/**
 * Refuse modules that must not be built: any client-safety problem, any
 * lint error (modules not yet linted are linted here).
 *
 * @param modules Modules about to be rendered.
 * @throws {UserError} On an empty list or a module that must not be built.
 */
export function checkBuildable(modules: readonly SessionModule[]): void {
  if (modules.length === 0) throw new UserError('Unexpected empty list of modules, expected at least one')
  for (const module of modules) {
    const unsafe = clientSafetyProblems(module)[0]
    if (unsafe) {
      throw new UserError(`${module.file.path}:${unsafe.place.line}:${unsafe.place.column}: ${unsafe.reason} (${unsafe.ruleId}); a module with lint errors is not built, so no facilitator text can reach a client`)
    }
    // A caller that skipped lint still gets the module-level checks: the
    // facilitator-block checks are what keep a malformed block from a client.
    if (!isLinted(module)) lintModules([module], defaultConfig())
    if (!module.meta || hasErrors(module)) {
      throw new UserError(`${module.file.path}: Unexpected module with lint errors, expected a valid module (run \`iop lint ${module.file.path}\`)`)
    }
  }
}

/**
 * Build a facilitator guide.
 *
 * @param modules Linted modules, in session order.
 * @param options Format and title (optional).
 * @returns The guide as text.
 */
export function buildGuide(modules: readonly SessionModule[], options: BuildOptions = {}): string {
  checkBuildable(modules)
  if (options.format === 'md') return guideMarkdown(modules)
  const title = options.title ?? modules.map((m) => m.meta!.title).join(' + ')
  const starts = moduleStarts(modules)
  const articles = modules.map((module, index) => guideArticle(module, options.startsAt ? {startsAt: clockTime(options.startsAt, starts[index])} : {}))
  return renderPage({title: `Facilitator guide: ${title}`, kind: 'guide', body: articles, paper: options.paper})
}

/**
 * Build client handouts.
 *
 * @param modules Linted modules, in session order.
 * @param options Format, crisis text and title (optional).
 * @returns The handouts as text.
 */
export function buildHandout(modules: readonly SessionModule[], options: BuildOptions = {}): string {
  checkBuildable(modules)
  const crisis = options.crisis ?? defaultCrisisText
  if (options.format === 'md') return handoutMarkdown(modules, crisis)
  const title = options.title ?? modules.map((m) => m.meta!.title).join(' + ')
  return renderPage({title: `Handouts: ${title}`, kind: 'handout', body: modules.flatMap((m) => handoutSections(m, crisis, {largePrint: options.largePrint})), paper: options.paper})
}
