/**
 * Builds the text of a session module that passes `iop lint` with the
 * default configuration, with any part replaceable. Security and fuzz tests
 * start from a valid module and change one thing, so a failure points at
 * that one thing.
 */

/** Frontmatter values; strings are emitted as JSON (valid YAML) unless raw. */
export interface ModuleFields {
  id: string
  title: string
  group: string
  phase: string
  minutes: number
  audience: string[]
  objectives: string[]
  tags: string[]
  approaches: string[]
  materials: string[]
  version: string
  authors: string[]
  requires: string[]
}

/** Overridable parts of a module. Each body part is the Markdown under its heading. */
export interface ModuleParts extends Partial<ModuleFields> {
  /** Replace the whole frontmatter YAML (between the `---` lines). */
  frontmatter?: string
  /** Lines appended to the generated frontmatter YAML. */
  extraFrontmatter?: string
  checkIn?: string
  topic?: string
  /** Markdown of the whole Exercises section body (H3s included). */
  exercises?: string
  checkOut?: string
  /** Markdown of the whole Handouts section body (H3s included). */
  handouts?: string
  /** Markdown of the whole Facilitator notes section body (H3s included). */
  facilitatorNotes?: string
  /** Line ending, default `\n`. */
  eol?: '\n' | '\r\n'
}

export const defaultFields: ModuleFields = {
  id: 'test-module',
  title: 'Test Module',
  group: 'relapse-prevention',
  phase: 'engagement',
  minutes: 90,
  audience: ['adult'],
  objectives: ['Name two personal triggers', 'Practice one way to cope with a craving'],
  tags: ['triggers'],
  approaches: ['cbt'],
  materials: ['pens'],
  version: '1.0.0',
  authors: ['test author'],
  requires: []
}

export const defaultBody = {
  checkIn: 'Go around the room. Ask each person how they are doing today.',
  topic: 'Talk about triggers. A trigger is anything that sets off the wish to use.',
  exercises: '### Trigger map (20 min)\n\n1. Hand out the map.\n2. Ask each person to fill it in.\n\n### Planning (15 min)\n\n1. Ask each person to write one plan.',
  checkOut: 'Ask each person to share one thing they will try this week.',
  handouts: '### My Triggers\n\nA trigger is a thing that makes you want to use. Write your top three.\n\n::lines{n=3}',
  facilitatorNotes:
    '### Preparation\n\n- Print the handouts.\n- Know where the site\'s naloxone and AED are.\n\n### Safety\n\n' +
    '- If a participant seems intoxicated: have a co-facilitator walk them out and check on them.\n' +
    '- If a participant discloses thoughts of self-harm or suicide: speak with them privately, consult your supervisor and give 988.\n' +
    '- **If you are facilitating alone:** give the group a short task, step out with the person and call staff by phone.\n\n' +
    '### Adaptations\n\n- Adolescents: use school examples.\n- Co-occurring disorders: add symptoms as triggers.\n- Telehealth: use a shared screen.'
}

/** Check-in 15 + topic 30 + exercises 20 + 15 + check-out 10 = 90. */
export const defaultMinutes = {checkIn: 15, topic: 30, checkOut: 10}

/**
 * YAML for the frontmatter fields.
 *
 * @param fields Full field set.
 * @returns YAML text (no `---` lines).
 */
export function frontmatterYaml(fields: ModuleFields): string {
  const s = (value: string) => JSON.stringify(value)
  const list = (values: string[]) => `[${values.map(s).join(', ')}]`
  return [
    `id: ${s(fields.id)}`,
    `title: ${s(fields.title)}`,
    `group: ${s(fields.group)}`,
    `phase: ${s(fields.phase)}`,
    `minutes: ${fields.minutes}`,
    `audience: ${list(fields.audience)}`,
    'objectives:',
    ...fields.objectives.map((o) => `  - ${s(o)}`),
    `tags: ${list(fields.tags)}`,
    `approaches: ${list(fields.approaches)}`,
    `materials: ${list(fields.materials)}`,
    `version: ${s(fields.version)}`,
    `authors: ${list(fields.authors)}`,
    ...(fields.requires.length > 0 ? [`requires: ${list(fields.requires)}`] : [])
  ].join('\n')
}

/**
 * The text of a module.
 *
 * @param parts Overrides; everything else comes from the valid defaults.
 * @returns Module text.
 */
export function moduleText(parts: ModuleParts = {}): string {
  const fields: ModuleFields = {...defaultFields}
  for (const key of Object.keys(defaultFields) as Array<keyof ModuleFields>) {
    if (parts[key] !== undefined) (fields as unknown as Record<string, unknown>)[key] = parts[key]
  }
  let yaml = parts.frontmatter ?? frontmatterYaml(fields)
  if (parts.extraFrontmatter) yaml += '\n' + parts.extraFrontmatter
  const text = [
    '---',
    yaml,
    '---',
    '',
    `## Check-in (${defaultMinutes.checkIn} min)`,
    '',
    parts.checkIn ?? defaultBody.checkIn,
    '',
    `## Topic (${defaultMinutes.topic} min)`,
    '',
    parts.topic ?? defaultBody.topic,
    '',
    '## Exercises',
    '',
    parts.exercises ?? defaultBody.exercises,
    '',
    `## Check-out (${defaultMinutes.checkOut} min)`,
    '',
    parts.checkOut ?? defaultBody.checkOut,
    '',
    '## Handouts',
    '',
    parts.handouts ?? defaultBody.handouts,
    '',
    '## Facilitator notes',
    '',
    parts.facilitatorNotes ?? defaultBody.facilitatorNotes,
    ''
  ].join('\n')
  return parts.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text
}

/** Path a module with this id would have in a curriculum. */
export function modulePath(id = defaultFields.id, group = defaultFields.group): string {
  return `curriculum/${group}/${id}.md`
}
