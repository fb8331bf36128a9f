/**
 * Generated modules with facilitator-only "secrets" hidden in their
 * handouts, for the PDF property test. The pieces are a small copy of the
 * generators in tests/client-guard.test.ts (fence spellings, hiding HTML,
 * nestings), with 1-3 handouts per module.
 */
import fc from 'fast-check'
import {defaultBody, moduleText} from './module-text.js'

const colonLikes = [':', ':', ':', '\uFF1A', '\u2236', '\uFE55']
const invisibles = ['', '', ' ', '\u200B', '\u2060']
const colonsArb = fc.array(fc.tuple(fc.constantFrom(...colonLikes), fc.constantFrom(...invisibles)), {minLength: 2, maxLength: 4}).map((parts) => parts.map(([c, z]) => c + z).join(''))
const nameArb = fc.constantFrom('facilitator', 'Facilitator', 'f\u0430cilitator', 'facil\u200Bitator')
const wrapArb = fc.constantFrom<(name: string) => string>((n) => n, (n) => `{.${n}}`, (n) => `[${n}]`, (n) => `*${n}*`)
const fenceArb = fc.record({open: colonsArb, close: fc.oneof(colonsArb, fc.constant(':::')), name: nameArb, wrap: wrapArb}).map(({open, close, name, wrap}) => ({open: `${open}${wrap(name)}`, close}))
const htmlArb = fc.record({
  tag: fc.constantFrom('div', 'span', 'aside', 'details'),
  attribute: fc.constantFrom('class="facilitator"', 'hidden', 'style="display:none"', 'aria-hidden="true"', 'data-audience="facilitator"')
})

const nestings: Record<string, (lines: string[]) => string> = {
  plain: (lines) => lines.join('\n'),
  listItem: (lines) => `- Step one.\n\n${lines.map((l) => '  ' + l).join('\n')}\n- Step two.`,
  blockquote: (lines) => lines.map((l) => '> ' + l).join('\n'),
  tableCell: (lines) => `| Kind | Note |\n|---|---|\n| x | ${lines.join(' ')} |`,
  inline: (lines) => `Say ${lines.join(' ')} now.`
}

const regionArb = fc.record({
  // Well-formed blocks are printed; malformed fences and hiding HTML are refused.
  kind: fc.constantFrom('block', 'block', 'block', 'fence', 'html'),
  fence: fenceArb,
  html: htmlArb,
  nesting: fc.constantFrom(...Object.keys(nestings)),
  handout: fc.nat(2),
  token: fc.stringMatching(/^[0-9a-f]{8}$/)
})

/** A generated module: its text, the secrets it hides, and how many handouts it has. */
export interface SecretModule {
  text: string
  secrets: string[]
  handouts: number
}

/** Modules with 1-3 short handouts and 1-2 hidden secrets among them. */
export const secretModuleArb: fc.Arbitrary<SecretModule> = fc.record({handouts: fc.integer({min: 1, max: 3}), regions: fc.array(regionArb, {minLength: 1, maxLength: 2})}).map(({handouts, regions}) => {
  const blocks: string[][] = Array.from({length: handouts}, () => [])
  const secrets: string[] = []
  for (const region of regions) {
    const secret = `SECRET${region.token}`
    const lines = region.kind === 'block' ? [':::facilitator', secret, ':::'] : region.kind === 'fence' ? [region.fence.open, secret, region.fence.close] : [`<${region.html.tag} ${region.html.attribute}>`, '', secret, '', `</${region.html.tag}>`]
    // A well-formed block stands on its own lines: in a table cell or inline it is a malformed one.
    const nesting = region.kind === 'block' && (region.nesting === 'tableCell' || region.nesting === 'inline') ? 'plain' : region.nesting
    blocks[region.handout % handouts].push(nestings[nesting](lines))
    secrets.push(secret)
  }
  const titles = ['My Triggers', 'My Plan', 'My People']
  const body = blocks.map((parts, index) => `### ${titles[index]}\n\nWrite one thing you will do this week.\n\n${parts.join('\n\n')}\n\n::lines{n=2}`).join('\n\n')
  return {text: moduleText({topic: defaultBody.topic, handouts: body}), secrets, handouts}
})
