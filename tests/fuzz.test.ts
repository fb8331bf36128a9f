/**
 * Fuzzing: random Markdown and YAML made of the characters that matter to
 * the parser (headings, directives, frontmatter fences, tables, quotes,
 * lists, links, HTML, entities) go through parseModule, lintModules and,
 * when lint finds no error, every build. No exception may escape.
 *
 * `FUZZ_RUNS` sets the runs per property (default 300; `npm run fuzz` uses
 * 20000). A failure prints fast-check's seed and shrunk counterexample.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/curriculum-config.js'
import {hasErrors, lintModules} from '../src/lint/lint.js'
import {parseModule} from '../src/module/parse-module.js'
import {buildGuide, buildHandout} from '../src/render/build.js'
import {defaultBody, frontmatterYaml, defaultFields, modulePath, moduleText} from './helpers/module-text.js'

const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '300', 10) || 300
/**
 * `npm test` is reproducible: a fixed seed unless FUZZ_SEED is set. The long
 * `npm run fuzz` (FUZZ_RUNS set) explores new inputs with a random seed.
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261125
const settings = {numRuns: runs, ...(seed === undefined ? {} : {seed})}
/** Per-test timeout that grows with FUZZ_RUNS (about 5 ms a run, measured; 30 ms allowed). */
const timeout = Math.max(120_000, runs * 30)

/** Pieces that steer the Markdown and YAML parsers into their interesting states. */
const pieces = [
  '#', '## ', '### ', '\n## Handouts\n', '\n## Facilitator notes\n', '\n### Handout (5 min)\n',
  ':::', ':::facilitator', '::::facilitator', ':::facilitater', '::lines{n=3}', '::lines{n=99}', ':facilitator[x]', '::',
  '---', '***', '|', '|---|---|', '| a | b |', '>', '> ', '-', '- ', '* ', '1. ', '- [ ] ', '+',
  '[', ']', '(', ')', '[x](javascript:alert(1))', '![a](b)', '<', '>', '&', '&amp;', '&#106;', '&#x0;',
  '<div>', '</div>', '<details>', '<!--', '-->', '<script>', '<img src=x onerror=alert(1)>',
  '`', '```', '~~~', '    ', '\t', ' ', '  ', '\n', '\n\n', '\r\n', '\\', '*', '_', '~',
  'key: value', 'title: x', 'id: a', 'minutes: 90', 'objectives:', '  - Name one', '&a', '*a', '!!str', '{', '}', '"', "'",
  'Check-in (15 min)', 'Topic', 'word', 'SECRET', 'é', '\u0000', '\uFEFF', '\u2028', '😀'
]

const piece = fc.oneof({arbitrary: fc.constantFrom(...pieces), weight: 5}, {arbitrary: fc.string({maxLength: 6}), weight: 1})
const markdown = (maxLength: number) => fc.array(piece, {maxLength}).map((parts) => parts.join(''))

/** Parse, lint and, when clean, build everything. Throws only on a bug. */
function exercise(value: string | Uint8Array): 'built' | 'refused' {
  const module = parseModule({path: modulePath(), value})
  lintModules([module], defaultConfig())
  if (hasErrors(module)) return 'refused'
  for (const format of ['html', 'md'] as const) {
    expect(typeof buildGuide([module], {format})).toBe('string')
    expect(typeof buildHandout([module], {format})).toBe('string')
  }
  return 'built'
}

describe('fuzz: no exception escapes parse, lint or build', () => {
  it(`random documents, with or without frontmatter (${runs} runs)`, () => {
    fc.assert(
      fc.property(fc.boolean(), markdown(12), markdown(40), (fence, yaml, body) => {
        exercise(fence ? `---\n${yaml}\n---\n${body}` : yaml + body)
      }),
      settings
    )
  }, timeout)

  it(`a valid module with random text in each section (${runs} runs)`, () => {
    let built = 0
    const section = markdown(10)
    fc.assert(
      fc.property(
        fc.record({checkIn: section, topic: section, exercise: section, checkOut: section, handout: section, notes: section, title: fc.string({minLength: 1, maxLength: 30})}),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        (parts, eol) => {
          const text = moduleText({
            eol,
            title: parts.title,
            checkIn: `${defaultBody.checkIn}\n\n${parts.checkIn}`,
            topic: `${defaultBody.topic}\n\n${parts.topic}`,
            exercises: `### Trigger map (20 min)\n\n1. Hand out the map.\n\n${parts.exercise}\n\n### Planning (15 min)\n\n1. Ask each person to write one plan.`,
            checkOut: `${defaultBody.checkOut}\n\n${parts.checkOut}`,
            handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use. Write your top three.\n\n${parts.handout}\n\n::lines{n=2}`,
            facilitatorNotes: `${defaultBody.facilitatorNotes}\n\n${parts.notes}`
          })
          if (exercise(text) === 'built') built++
        }
      ),
      settings
    )
    // The build path is exercised, not only parse and lint.
    expect(built).toBeGreaterThan(runs / 20)
  }, timeout)

  it(`random YAML in the frontmatter of an otherwise valid module (${runs} runs)`, () => {
    fc.assert(
      fc.property(markdown(20), fc.boolean(), (yaml, keepValid) => {
        const base = frontmatterYaml(defaultFields)
        exercise(moduleText({frontmatter: keepValid ? `${base}\n${yaml}` : yaml}))
      }),
      settings
    )
  }, timeout)

  it(`random bytes around a valid module (${runs} runs)`, () => {
    const valid = Buffer.from(moduleText())
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 8}), fc.nat(valid.length), (bytes, at) => {
        exercise(Buffer.concat([valid.subarray(0, at), Buffer.from(bytes), valid.subarray(at)]))
      }),
      settings
    )
  }, timeout)
})
