/**
 * Public form builders: the fidelity checklist, the group-note template and
 * the sign-in sheet of one module, and every form of a scheduled session.
 * They take modules, a schedule and form settings only; options are checked
 * strictly, so there is no way to hand them a client's name or record.
 */
import {groupTitle} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import {checkBuildable} from '../render/build.js'
import type {Schedule, Session} from '../schedule/assemble.js'
import {UserError} from '../util/user-error.js'
import {fidelityChecklistHtml, fidelityChecklistMarkdown} from './fidelity-checklist.js'
import {formSettings, type FormOptions} from './form-options.js'
import {moduleSession, scheduledSession} from './form-session.js'
import {groupNoteHtml, groupNoteText} from './group-note.js'
import {signInSheetHtml} from './sign-in-sheet.js'

/** The kinds of form. */
export type FormKind = 'fidelity' | 'note' | 'sign-in'

/** File names of a session's forms in a binder folder. */
export const sessionFormFiles = {fidelity: 'fidelity.html', note: 'note.html', noteText: 'note.txt', signIn: 'sign-in.html'} as const

/**
 * One form for one module, outside a schedule (date and time left blank).
 *
 * @param kind `fidelity`, `note` or `sign-in`.
 * @param module A valid module.
 * @param options Form settings, `format` (`md` for the checklist, `text` for the note) and `groupTitle` (optional).
 * @returns The form as text.
 * @throws {UserError} For an unknown option, a format the form does not have, or a module that cannot be built.
 */
export function buildForm(kind: FormKind, module: SessionModule, options: FormOptions = {}): string {
  const settings = formSettings(options)
  checkBuildable([module])
  const session = moduleSession(module, settings.groupTitle ?? groupTitle(module.meta!.group))
  const format = settings.format ?? 'html'
  if (kind === 'fidelity' && format !== 'text') return format === 'md' ? fidelityChecklistMarkdown(session) : fidelityChecklistHtml(session)
  if (kind === 'note' && format !== 'md') return format === 'text' ? groupNoteText(session, settings.noteFormat) : groupNoteHtml(session, settings.noteFormat, settings.noteMembers)
  if (kind === 'sign-in' && format === 'html') return signInSheetHtml(session, settings.signInRows)
  throw new UserError(`Unexpected format \`${format}\` for the ${kind} form, expected ${kind === 'fidelity' ? 'html or md' : kind === 'note' ? 'html or text' : 'html'}`)
}

/**
 * Every form of a scheduled session: fidelity checklist, note template (HTML
 * and text) and sign-in sheet. A session without modules has none.
 *
 * @param schedule The schedule.
 * @param session One of its sessions (its modules already checked buildable).
 * @param options Form settings (optional).
 * @returns File name to contents (see {@link sessionFormFiles}).
 */
export function sessionForms(schedule: Schedule, session: Session, options: FormOptions = {}): Map<string, string> {
  const settings = formSettings(options)
  const forms = new Map<string, string>()
  if (session.modules.length === 0) return forms
  const view = scheduledSession(schedule, session)
  forms.set(sessionFormFiles.fidelity, fidelityChecklistHtml(view))
  forms.set(sessionFormFiles.note, groupNoteHtml(view, settings.noteFormat, settings.noteMembers))
  forms.set(sessionFormFiles.noteText, groupNoteText(view, settings.noteFormat))
  forms.set(sessionFormFiles.signIn, signInSheetHtml(view, settings.signInRows))
  return forms
}
