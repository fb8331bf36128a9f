/**
 * Blank group-note templates in four formats (DAP, BIRP, SOAP, GIRP). The
 * session part is filled from the program and modules: program, date, time,
 * length, group, facilitator, topic, objectives, interventions (from
 * `approaches`) and ASAM dimensions (from `asam_dimensions`). Each member's
 * part is blank with the format's prompts, under an empty "Client identifier
 * (per your EHR)" line. As HTML to print, and as plain text to paste into an
 * EHR's note field (one member part, pasted once per member).
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {renderPage} from '../render/page.js'
import {approachPhrase, asamDimension} from './approach-words.js'
import {blank, factsTable, ruledLines, signatureLines} from './form-parts.js'
import type {NoteFormat} from './form-options.js'
import {sessionFacts, type FormSession} from './form-session.js'

/** A member-part heading and its prompt. */
export interface NotePrompt {
  label: string
  prompt: string
}

/** Each format's member-part headings, in order, with the prompt under each. */
export const notePrompts: Readonly<Record<NoteFormat, readonly NotePrompt[]>> = Object.freeze({
  dap: [
    {label: 'Data', prompt: 'What the member said and did in group: reports, participation, observed mood and behavior.'},
    {label: 'Assessment', prompt: 'Your clinical view of the member\'s participation and progress toward treatment-plan goals, by ASAM dimension where it applies.'},
    {label: 'Plan', prompt: 'Next steps: practice between sessions, next group, referrals, changes to the treatment plan.'}
  ],
  birp: [
    {label: 'Behavior', prompt: 'How the member presented: mood, participation, what they reported since the last session.'},
    {label: 'Intervention', prompt: 'What you did in group with this member (see the interventions above).'},
    {label: 'Response', prompt: 'How the member responded to the intervention; progress toward treatment-plan goals.'},
    {label: 'Plan', prompt: 'Next steps: practice between sessions, next group, referrals, changes to the treatment plan.'}
  ],
  soap: [
    {label: 'Subjective', prompt: 'What the member reports, in their own words where useful.'},
    {label: 'Objective', prompt: 'What you observed: appearance, affect, participation, behavior in group.'},
    {label: 'Assessment', prompt: 'Your clinical view of progress toward treatment-plan goals, by ASAM dimension where it applies.'},
    {label: 'Plan', prompt: 'Next steps: practice between sessions, next group, referrals, changes to the treatment plan.'}
  ],
  girp: [
    {label: 'Goals', prompt: 'The treatment-plan goal or goals this session addressed for the member.'},
    {label: 'Intervention', prompt: 'What you did in group with this member (see the interventions above).'},
    {label: 'Response', prompt: 'How the member responded; progress toward the goal.'},
    {label: 'Plan', prompt: 'Next steps: practice between sessions, next group, referrals, changes to the treatment plan.'}
  ]
})

/** The line a member part opens with, always left blank. */
export const clientIdentifierLabel = 'Client identifier (per your EHR)'

/** Upper-case name of a format, such as BIRP. */
const formatName = (format: NoteFormat) => format.toUpperCase()

/** What the session part of a note says. */
interface NoteContent {
  topic: string
  objectives: string[]
  interventions: string[]
  dimensions: string[]
}

function noteContent(session: FormSession): NoteContent {
  const metas = session.modules.map((m) => m.meta!)
  const numbers = [...new Set(metas.flatMap((meta) => meta.asam_dimensions ?? []))].sort((a, b) => a - b)
  return {
    topic: metas.map((meta) => meta.title).join(' + '),
    objectives: metas.flatMap((meta) => meta.objectives),
    interventions: [...new Set(metas.flatMap((meta) => meta.approaches.map(approachPhrase)))],
    dimensions: numbers.map(asamDimension)
  }
}

function title(session: FormSession, format: NoteFormat): string {
  return `Group note (${formatName(format)}): ${session.modules.map((m) => m.meta!.title).join(' + ')}${session.date ? ` (${session.date})` : ''}`
}

/**
 * The note template as a standalone HTML page.
 *
 * @param session The session.
 * @param format The note format.
 * @param members How many blank member parts.
 * @returns A complete HTML document.
 */
export function groupNoteHtml(session: FormSession, format: NoteFormat, members: number): string {
  const content = noteContent(session)
  const body: ElementContent[] = [
    h('h1', title(session, format)),
    h('p.form-note', `Blank template. Write or paste one member part per group member into the member's own record; identify the member only as your EHR does. iop stores no client information.`),
    factsTable([...sessionFacts(session), ['Topic', content.topic]]),
    h('h2', 'Session'),
    h('h3', 'Objectives'),
    h('ul', content.objectives.map((objective) => h('li', objective))),
    h('h3', 'Interventions used'),
    h('p', content.interventions.join('; ')),
    h('h3', 'ASAM dimensions addressed'),
    content.dimensions.length > 0 ? h('ul', content.dimensions.map((d) => h('li', d))) : h('p', 'None set in the module.')
  ]
  for (let n = 1; n <= members; n++) {
    body.push(
      h('section.member', [
        h('h2', `Member part ${n} of ${members} (${formatName(format)})`),
        // A page filed in a member's chart still names its session.
        h('p.session-line', [session.group, session.date ?? '', session.start ?? '', content.topic].filter(Boolean).join(' · ')),
        h('p.field', [h('span.label', clientIdentifierLabel), blank()]),
        h('p.field', [h('span.label', 'Attendance'), h('span', ' present for ______ of ' + session.minutes + ' min')]),
        ...notePrompts[format].flatMap((part) => [h('h3', part.label), h('p.prompt', part.prompt), ruledLines(3)]),
        signatureLines(['Staff'])
      ])
    )
  }
  return renderPage({title: title(session, format), kind: 'form', body})
}

/**
 * The note template as plain text for an EHR's note field: the session part
 * filled, and one blank member part (paste once per member).
 *
 * @param session The session.
 * @param format The note format.
 * @returns Text with `\n` line endings.
 */
export function groupNoteText(session: FormSession, format: NoteFormat): string {
  const content = noteContent(session)
  const lines = [
    `GROUP NOTE (${formatName(format)})`,
    ...[...sessionFacts(session), ['Topic', content.topic]].map(([label, value]) => `${label}: ${value}`.trimEnd()),
    '',
    'Objectives:',
    ...content.objectives.map((objective) => `- ${objective}`),
    `Interventions used: ${content.interventions.join('; ')}`,
    `ASAM dimensions addressed: ${content.dimensions.length > 0 ? content.dimensions.join('; ') : 'none set in the module'}`,
    '',
    `${clientIdentifierLabel}:`,
    `Attendance: present for ___ of ${session.minutes} min`,
    ...notePrompts[format].flatMap((part) => ['', `${part.label.toUpperCase()} (${part.prompt})`, '']),
    '',
    'Staff signature and date:'
  ]
  return lines.join('\n') + '\n'
}
