/**
 * What a lint rule is: an id, a default severity, and a check that reports
 * problems through a context. Rules never throw for a module's mistakes.
 */
import type {Point, Position} from 'unist'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Translation} from '../translation/parse-translation.js'

/** Where a message points: a position, a point, or nothing (start of file). */
export type Place = Position | Point | undefined

/** Context a per-module rule receives. */
export interface ModuleRuleContext {
  module: SessionModule
  config: CurriculumConfig
  /** Options from the config's `rules` entry, merged over the rule's defaults. */
  options: Record<string, unknown>
  /** Report a problem; `level` can lower one message to a warning. */
  report(reason: string, place: Place, level?: Level): void
}

/** Severity of one message; the configured severity caps it. */
export type Level = 'warn' | 'error'

/** Context a curriculum-wide rule receives. */
export interface CurriculumRuleContext {
  modules: readonly SessionModule[]
  /** For a `perModule` rule: the one module to check now (its reports are all that are kept). */
  only?: SessionModule
  config: CurriculumConfig
  options: Record<string, unknown>
  report(module: SessionModule, reason: string, place: Place, level?: Level): void
}

interface RuleBase {
  /** Kebab-case id, as in docs/rules.md. */
  id: string
  /** Severity when the config says nothing; it caps every message's level. */
  severity: 'warn' | 'error'
  /** One line on what it checks. */
  description: string
  /** Default options. */
  defaults?: Record<string, unknown>
  /**
   * A client-safety rule: it keeps facilitator text off client pages, so it
   * always runs as `error`; config that lowers it is refused.
   */
  clientSafety?: boolean
}

/** A rule that checks one module at a time. */
export interface ModuleRule extends RuleBase {
  scope: 'module'
  check(context: ModuleRuleContext): void
}

/** A rule that needs the whole curriculum (ids, requires). */
export interface CurriculumRule extends RuleBase {
  scope: 'curriculum'
  /**
   * Reports only on the module named by `only`, from that module and the
   * other modules' metadata: the engine then runs it per module rather than
   * once per curriculum, and never needs another module's tree.
   */
  perModule?: boolean
  check(context: CurriculumRuleContext): void
}

/** Context a translation rule receives. */
export interface TranslationRuleContext {
  translation: Translation
  /** The English module it translates (`undefined` when none has its id). */
  module: SessionModule | undefined
  config: CurriculumConfig
  options: Record<string, unknown>
  report(reason: string, place: Place, level?: Level): void
}

/** A rule that checks one translation file (`<id>.<lang>.md`) against its module. */
export interface TranslationRule extends RuleBase {
  scope: 'translation'
  check(context: TranslationRuleContext): void
}

export type Rule = ModuleRule | CurriculumRule | TranslationRule
