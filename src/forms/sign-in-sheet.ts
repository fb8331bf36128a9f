/**
 * The sign-in sheet of a session: program, date, time and group, a numbered
 * table of blank rows, and a short confidentiality notice naming 42 CFR
 * Part 2. Rows are always blank: iop never fills in who attended.
 */
import {h} from 'hastscript'
import {renderPage} from '../render/page.js'
import {factsTable} from './form-parts.js'
import {sessionFacts, type FormSession} from './form-session.js'

/** Columns of the sign-in table after the row number. */
export const signInColumns = ['Name or initials (as your program asks)', 'Time in', 'Time out', 'Signature'] as const

/** The confidentiality notice, in plain words (not legal advice). */
export const confidentialityNotice =
  'Confidential. This sheet shows who came to a substance use treatment group. Federal rules on the privacy of substance use treatment records (42 CFR Part 2) protect it. Staff keep it with protected records. Do not copy it, photograph it or share what you see on it.'

/**
 * The sheet as a standalone HTML page.
 *
 * @param session The session.
 * @param rows How many blank rows.
 * @returns A complete HTML document.
 */
export function signInSheetHtml(session: FormSession, rows: number): string {
  const facts = sessionFacts(session).filter(([label]) => label !== 'Length')
  const title = `Sign-in sheet: ${session.group}${session.date ? ` (${session.date})` : ''}`
  return renderPage({
    title,
    kind: 'form',
    body: [
      h('h1', title),
      h('p.notice', {role: 'note'}, confidentialityNotice),
      factsTable([...facts, ['Topic', session.modules.map((m) => m.meta!.title).join(' + ')]]),
      h('table.sign-in', [
        h('thead', h('tr', [h('th', '#'), ...signInColumns.map((column) => h('th', column))])),
        h('tbody', Array.from({length: rows}, (_, i) => h('tr', [h('td.number', String(i + 1)), ...signInColumns.map(() => h('td'))])))
      ])
    ]
  })
}
