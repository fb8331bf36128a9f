/**
 * Domain defaults (see shared/domain.md): group types, phases, audiences, the
 * crisis text and the ASAM hour bands. Every number here is a default a
 * program can override in `iop.config.yaml` or its program file; logic reads
 * them from a config object, never from this file directly.
 */

/** Canonical IOP group types, in the order programs usually list them. */
export const canonicalGroups = [
  'early-recovery-skills',
  'relapse-prevention',
  'psychoeducation',
  'skills-development',
  'stress-management',
  'support',
  'family',
  'co-occurring',
  'twelve-step-facilitation',
  'aftercare',
  'wellness',
  'individual-counseling'
] as const

/** Phases of outpatient treatment (TIP 47), in treatment order. */
export const phases = [
  'engagement',
  'early-recovery',
  'maintenance',
  'community-integration',
  'any'
] as const

export type Phase = (typeof phases)[number]

/** Audiences a module can be written for. */
export const audiences = ['adult', 'adolescent', 'family'] as const

/** Default crisis resources printed on every client page (US). */
export const defaultCrisisText =
  'If you are in crisis or thinking about hurting yourself, call or text 988 ' +
  '(Suicide & Crisis Lifeline), any time, day or night. In an emergency, call 911.'

/**
 * Default crisis text per language of a translation (docs/translations.md).
 * The 988 Lifeline answers in Spanish: press 2 when calling, or ask by text.
 */
export const defaultCrisisTexts: Readonly<Record<string, string>> = {
  es:
    'Si estás en crisis o piensas en hacerte daño, llama o envía un mensaje de texto al 988 ' +
    '(Línea de Prevención del Suicidio y Crisis), a cualquier hora, de día o de noche, y pide ' +
    'atención en español (por teléfono, marca el 2). En una emergencia, llama al 911.'
}

/** Order of a phase for sorting; `any` sorts with the earliest. */
export function phaseRank(phase: string): number {
  const index = phases.indexOf(phase as Phase)
  return phase === 'any' || index === -1 ? 0 : index
}

/** ASAM weekly-hour bands (ASAM Criteria); a program may override them. */
export interface HourBands {
  /** Minimum hours a week for level 2.1, adults. */
  adultMin: number
  /** Minimum hours a week for level 2.1, adolescents. */
  adolescentMin: number
  /** At or above this a week is level 2.5 (partial hospitalization). */
  partialHospitalization: number
  /** Minimum program length in days (NIDA). */
  minDays: number
}

export const defaultHourBands: HourBands = {
  adultMin: 9,
  adolescentMin: 6,
  partialHospitalization: 20,
  minDays: 90
}
