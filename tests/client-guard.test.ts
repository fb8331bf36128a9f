/**
 * The client-safety guard (module/facilitator.ts): every spelling of a
 * facilitator fence and every hiding HTML wrapper is refused, or its text is
 * absent from every client output; no configuration can lower the guard.
 *
 * The property test takes `FUZZ_RUNS` (default 300, `npm run fuzz` 20000) and
 * a fixed seed in `npm test` (FUZZ_SEED overrides; `npm run fuzz` is random).
 */
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {defaultConfig, loadConfig, type CurriculumConfig} from '../src/config/curriculum-config.js'
import {hasErrors, lintModules} from '../src/lint/lint.js'
import {rules} from '../src/lint/rules/index.js'
import {parseModule, type SessionModule} from '../src/module/parse-module.js'
import {buildGuide, buildHandout} from '../src/render/build.js'
import {UserError} from '../src/util/user-error.js'
import {defaultBody, modulePath, moduleText} from './helpers/module-text.js'
import {lintTranslations, translationHasErrors} from '../src/lint/lint-translations.js'
import {buildTranslatedHandout} from '../src/render/translated-handout.js'
import {translationFromParse, type Translation} from '../src/translation/parse-translation.js'

const runs = Number.parseInt(process.env.FUZZ_RUNS ?? '300', 10) || 300
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261201
const settings = {numRuns: runs, ...(seed === undefined ? {} : {seed})}
const timeout = Math.max(120_000, runs * 30)

const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, {recursive: true, force: true})
})

const handoutWith = (block: string) => `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${block}\n\nWrite your top three.\n\n::lines{n=2}`

function lint(text: string, config: CurriculumConfig = defaultConfig()): SessionModule {
  const module = parseModule({path: modulePath(), value: text})
  lintModules([module], config)
  return module
}

/** Every client output of a module: HTML and Markdown handouts. */
const clientOutputs = (module: SessionModule) => [buildHandout([module]), buildHandout([module], {format: 'md'})]

/** The constructs of the issue: each must be refused, or its secret absent from every client output. */
const constructs: Record<string, string> = {
  'pandoc div `::: {.facilitator}`': '::: {.facilitator}\nSECRET1\n:::',
  'pandoc div `:::{.facilitator}`': ':::{.facilitator}\nSECRET1\n:::',
  'pandoc div with id `::: {#note .facilitator}`': '::: {#note .facilitator}\nSECRET1\n:::',
  'brackets `:::[facilitator]`': ':::[facilitator]\nSECRET1\n:::',
  'emphasis `:::*facilitator*`': ':::*facilitator*\nSECRET1\n:::',
  'underscore `:::_facilitator`': ':::_facilitator\nSECRET1\n:::',
  'fullwidth colons `：：：facilitator`': '：：：facilitator\nSECRET1\n：：：',
  'zero-width space in the fence': ':\u200b::facilitator\nSECRET1\n:::',
  'Cyrillic a in the name': ':::f\u0430cilitator\nSECRET1\n:::',
  'ratio signs `∶∶∶facilitator`': '\u2236\u2236\u2236facilitator\nSECRET1\n\u2236\u2236\u2236',
  'two colons in a table cell': '| a | b |\n|---|---|\n| ::facilitator SECRET1 :: | x |',
  '`<aside class="facilitator">`': '<aside class="facilitator">\nSECRET1\n</aside>',
  '`<div class="facilitator">` with blank lines': '<div class="facilitator">\n\nSECRET1\n\n</div>',
  '`<span class="facilitator">` inline': 'Say <span class="facilitator">SECRET1</span> now.',
  '`<div data-audience="facilitator">`': '<div data-audience="facilitator">\n\nSECRET1\n\n</div>',
  '`hidden` attribute': '<p hidden>SECRET1</p>',
  '`hidden` on an inline span': 'Say <span hidden>SECRET1</span> now.',
  '`<details>` block': '<details><summary>More</summary>\n\nSECRET1\n\n</details>',
  '`style="display:none"`': '<div style="display:none">\n\nSECRET1\n\n</div>',
  '`aria-hidden`': '<span aria-hidden="true">SECRET1</span>'
}

describe('the guard refuses every construct that could carry facilitator text', () => {
  it.each(Object.entries(constructs))('%s: lint error, build refused, nothing leaks', (_label, block) => {
    const text = moduleText({handouts: handoutWith(block)})
    const module = lint(text)
    const errors = module.file.messages.filter((m) => m.fatal)
    expect(errors.map((m) => m.ruleId).filter((id) => id === 'facilitator-directive' || id === 'client-html').length).toBeGreaterThan(0)
    // The message points at a line of the construct itself.
    const first = text.split('\n').findIndex((l) => l.includes(block.split('\n')[0])) + 1
    const last = first + block.split('\n').length - 1
    expect(errors.some((m) => m.line! >= first && m.line! <= last)).toBe(true)
    expect(() => buildHandout([module])).toThrow(UserError)
    expect(() => buildHandout([module], {format: 'md'})).toThrow(UserError)
  })

  it.each(Object.entries(constructs))('%s: refused through the API even with the rules switched off and no lint run', (_label, block) => {
    const text = moduleText({handouts: handoutWith(block)})
    const off: CurriculumConfig = {...defaultConfig(), rules: {'facilitator-directive': 'off', 'client-html': 'off'}}
    expect(hasErrors(lint(text, off))).toBe(true)
    const unlinted = parseModule({path: modulePath(), value: text})
    expect(() => buildHandout([unlinted])).toThrow(/:\d+:\d+: Unexpected/)
  })

  it('control: a well-formed block in the same place builds, and its text is only in the guide', () => {
    const module = lint(moduleText({handouts: handoutWith(':::facilitator\nSECRET1\n:::')}))
    expect(module.file.messages.filter((m) => m.fatal)).toEqual([])
    for (const output of clientOutputs(module)) expect(output).not.toContain('SECRET1')
    expect(buildGuide([module])).toContain('SECRET1')
  })

  it('ordinary prose with colons and the word facilitator is not refused', () => {
    const module = lint(moduleText({handouts: handoutWith('Your facilitator: Facilitator Sam. Time: 10:30. Ratio 1:2.\n\n![A facilitator smiling](https://example.org/a.png)')}))
    expect(module.file.messages.filter((m) => m.fatal)).toEqual([])
  })
})

describe('`::scale` is a known leaf directive; the guard stays closed for every other name', () => {
  const scale = '::scale{from=0 to=10 low="none" high="strongest"}'

  it('a well-formed `::scale` lints clean and builds in HTML and Markdown', () => {
    const module = lint(moduleText({handouts: handoutWith(`How strong was it? Circle one.\n\n${scale}`)}))
    expect(module.file.messages).toEqual([])
    const [html, md] = clientOutputs(module)
    expect(html).toContain('<div class="scale"><div class="scale-boxes"><span class="scale-box">0</span>')
    expect(html).toContain('<span class="scale-low">0 = none</span><span class="scale-high">10 = strongest</span>')
    expect(md).toContain('0  1  2  3  4  5  6  7  8  9  10   (0 = none, 10 = strongest)')
    expect(buildGuide([module])).toContain('class="scale-box"')
  })

  it('a scale of words (`choices`) lints clean and prints each word in a box, and as a plain line in Markdown', () => {
    const module = lint(moduleText({handouts: handoutWith('How much? Circle one.\n\n::scale{choices="Not at all|A little|A lot"}')}))
    expect(module.file.messages).toEqual([])
    const [html, md] = clientOutputs(module)
    expect(html).toContain('<div class="scale"><div class="scale-boxes"><span class="scale-box">Not at all</span><span class="scale-box">A little</span><span class="scale-box">A lot</span></div></div>')
    expect(md).toContain('Not at all  /  A little  /  A lot')
  })

  it.each(['::scael{from=0 to=10 low="none" high="strongest"}', '::Scale{from=0 to=10}', '::scales', '::facilitator-scale{SECRET1}'])('%s is still refused', (block) => {
    const module = lint(moduleText({handouts: handoutWith(`Circle one.\n\n${block}`)}))
    expect(module.file.messages.some((m) => m.fatal && m.ruleId === 'facilitator-directive')).toBe(true)
    expect(() => buildHandout([module])).toThrow(UserError)
  })

  it('labels are author text: markup in them prints as text, never as HTML', () => {
    const module = lint(moduleText({handouts: handoutWith('Circle one.\n\n::scale{from=1 to=5 low="<b>x</b>" high="a & b"}')}))
    expect(module.file.messages.filter((m) => m.fatal)).toEqual([])
    const [html, md] = clientOutputs(module)
    expect(html).toContain('1 = &#x3C;b>x&#x3C;/b>')
    expect(html).not.toContain('<b>x</b>')
    expect(md).toContain('1  2  3  4  5   (1 = \\<b>x\\</b>, 5 = a & b)')
  })
})

describe('client-safety rules cannot be lowered', () => {
  function configError(yaml: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-guard-'))
    temporary.push(dir)
    writeFileSync(path.join(dir, 'iop.config.yaml'), yaml)
    try {
      loadConfig([dir], rules)
    } catch (error) {
      expect(error).toBeInstanceOf(UserError)
      return (error as Error).message
    }
    return ''
  }

  it.each([
    ['facilitator-directive', 'warn'],
    ['facilitator-directive', 'off'],
    ['facilitator-directive', '[warn, {}]'],
    ['client-html', 'off']
  ])('`%s: %s` is a configuration error that names the rule and says why', (id, value) => {
    const message = configError(`rules:\n  ${id}: ${value}\n`)
    expect(message).toMatch(new RegExp(`iop\\.config\\.yaml:2:\\d+: Unexpected \`(warn|off)\` for \`${id}\`, expected \`error\`: it is a client-safety rule`))
  })

  it('other rules may still be lowered (control)', () => {
    expect(configError('rules:\n  words-matter: warn\n  directive-syntax: off\n  facilitator-directive: error\n')).toBe('')
  })

  it('the CLI exits non-zero with the message, and no stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-guard-cli-'))
    temporary.push(dir)
    mkdirSync(path.join(dir, 'curriculum'))
    writeFileSync(path.join(dir, 'curriculum', 'iop.config.yaml'), 'rules:\n  facilitator-directive: off\n')
    let stderr = ''
    const code = await main(['lint'], {stdout: () => {}, stderr: (text: string) => void (stderr += text), cwd: dir})
    expect(code).not.toBe(0)
    expect(stderr).toMatch(/client-safety rule/)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})

// ---------------------------------------------------------------------------
// Property: generated fence spellings and HTML wrappers, in every nesting.
// ---------------------------------------------------------------------------

const colonLikes = [':', ':', ':', '\uFF1A', '\uFE13', '\uFE55', '\u2236', '\uA789', '\u02D0', '\u02F8', '\u05C3', '\u205A', '\u1361']
const invisibles = ['', '', '', '', ' ', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']
const colonsArb = fc.array(fc.tuple(fc.constantFrom(...colonLikes), fc.constantFrom(...invisibles)), {minLength: 2, maxLength: 5}).map((parts) => parts.map(([c, z]) => c + z).join(''))

/** Spellings of the word: case, lookalike letters, zero-width characters inside. */
const nameArb = fc
  .tuple(
    fc.constantFrom('facilitator', 'Facilitator', 'FACILITATOR', 'facilitater', 'facilitators', 'f\u0430cilitator', 'fac\u0456litator', 'facilitat\u043er', 'facil\u200Bitator', 'ｆａｃｉｌｉｔａｔｏｒ'),
    fc.constantFrom('', '', ' ', '  ', '\t')
  )
  .map(([name, space]) => ({name, space}))
const wrapArb = fc.constantFrom<(name: string) => string>(
  (n) => n,
  (n) => `{.${n}}`,
  (n) => `{ .${n} }`,
  (n) => `{#note .${n}}`,
  (n) => `{#x .tip .${n} key=value}`,
  (n) => `[${n}]`,
  (n) => `*${n}*`,
  (n) => `**${n}**`,
  (n) => `_${n}_`,
  (n) => `(${n})`,
  (n) => `${n}[label]{.tip}`,
  (n) => `${n} {.tip}`
)
const fenceArb = fc.record({open: colonsArb, close: fc.oneof(colonsArb, fc.constant(':::'), fc.constant('')), name: nameArb, wrap: wrapArb}).map(({open, close, name, wrap}) => ({
  open: `${open}${name.space}${wrap(name.name)}`,
  close
}))

const classWords = ['facilitator', 'FACILITATOR', 'x facilitator', 'facilitator-note', 'f\u0430cilitator', 'staff facilitator-only']
const htmlArb = fc
  .record({
    tag: fc.constantFrom('div', 'span', 'p', 'aside', 'section', 'details', 'template', 'noscript', 'small'),
    attribute: fc.oneof(
      fc.constantFrom(...classWords).map((c) => `class="${c}"`),
      fc.constantFrom('hidden', 'hidden=""', 'HIDDEN', "hidden='hidden'", 'style="display:none"', 'style="visibility: hidden"', 'aria-hidden="true"', 'data-audience="facilitator"', 'role="facilitator"'),
      fc.constant('')
    ),
    blank: fc.boolean(),
    summary: fc.boolean()
  })
  .map(({tag, attribute, blank, summary}) => ({
    open: `<${tag}${attribute ? ' ' + attribute : ''}>${tag === 'details' && summary ? '<summary>More</summary>' : ''}`,
    close: `</${tag}>`,
    blank,
    // A bare tag with no hiding attribute hides nothing: its text is meant for clients.
    hides: attribute !== '' || ['details', 'template', 'noscript'].includes(tag)
  }))

/** Every nesting a block can sit in today. */
const nestings: Record<string, (lines: string[]) => string> = {
  plain: (lines) => lines.join('\n'),
  listItem: (lines) => `- Step one.\n\n${lines.map((l) => '  ' + l).join('\n')}\n- Step two.`,
  orderedItem: (lines) => `1. Step one.\n\n${lines.map((l) => '   ' + l).join('\n')}\n2. Step two.`,
  nestedList: (lines) => `- Outer.\n  - Inner.\n\n${lines.map((l) => '    ' + l).join('\n')}`,
  blockquote: (lines) => lines.map((l) => '> ' + l).join('\n'),
  quoteList: (lines) => `> - Item.\n>\n${lines.map((l) => '>   ' + l).join('\n')}`,
  indented: (lines) => lines.map((l) => '  ' + l).join('\n'),
  codeIndent: (lines) => lines.map((l) => '    ' + l).join('\n'),
  htmlAround: (lines) => `<div>\n\n${lines.join('\n')}\n\n</div>`,
  tableCell: (lines) => `| Kind | Note |\n|---|---|\n| x | ${lines.join(' ')} |`,
  inline: (lines) => `Say ${lines.join(' ')} now.`
}

const regionArb = fc.record({
  kind: fc.constantFrom('fence', 'html'),
  fence: fenceArb,
  html: htmlArb,
  nesting: fc.constantFrom(...Object.keys(nestings)),
  slot: fc.constantFrom('handoutStart', 'handoutEnd', 'handout2', 'topic'),
  token: fc.stringMatching(/^[0-9a-f]{8}$/)
})

describe('property: refused by lint, or facilitator-marked text is in no client output', () => {
  it(`generated fences and HTML wrappers in every nesting (${runs} runs)`, () => {
    let refused = 0
    let built = 0
    fc.assert(
      fc.property(fc.array(regionArb, {minLength: 1, maxLength: 3}), (regions) => {
        const at: Record<string, string[]> = {handoutStart: [], handoutEnd: [], handout2: [], topic: []}
        const secrets: string[] = []
        for (const region of regions) {
          const secret = `SECRET${region.token}`
          let lines: string[]
          if (region.kind === 'fence') lines = [region.fence.open, secret, ...(region.fence.close ? [region.fence.close] : [])]
          else {
            lines = region.html.blank ? [region.html.open, '', secret, '', region.html.close] : [region.html.open + secret + region.html.close]
            // Text in a plain wrapper is meant for clients: it is no secret.
            if (!region.html.hides) continue
          }
          at[region.slot].push(nestings[region.nesting](lines))
          secrets.push(secret)
        }
        const join = (slot: string) => at[slot].map((block) => `\n\n${block}\n\n`).join('')
        const text = moduleText({
          topic: defaultBody.topic + join('topic'),
          handouts: `### My Triggers\n\n${join('handoutStart')}\n\nA trigger is a thing that makes you want to use.${join('handoutEnd')}\n\n::lines{n=2}\n\n### My Plan\n\nWrite one thing you will do this week.${join('handout2')}`
        })
        const module = lint(text)
        if (hasErrors(module)) {
          refused++
          expect(() => buildHandout([module])).toThrow(UserError)
          return
        }
        built++
        for (const output of clientOutputs(module)) {
          for (const secret of secrets) expect(output, text).not.toContain(secret)
        }
      }),
      settings
    )
    // Both branches are exercised: the property is not vacuous.
    expect(refused).toBeGreaterThan(runs / 10)
    expect(built).toBeGreaterThan(runs / 50)
    if (process.env.FUZZ_RUNS) console.log(`client guard property: ${runs} modules, ${refused} refused by lint, ${built} built with no secret in any client output`)
  }, timeout)
})

/** A Spanish translation of the two-handout module the property builds, with regions in its slots. */
function translationText(join: (slot: string) => string): string {
  return [
    '---',
    'translation_of: test-module',
    'lang: es',
    'title: Módulo de prueba',
    'objectives: [Nombrar dos disparadores, Practicar una forma de manejar las ganas de consumir]',
    'translators: [prueba]',
    '---',
    join('topic'),
    '## Handouts',
    '',
    '### Mis disparadores',
    join('handoutStart'),
    `Un disparador es algo que te da ganas de consumir.${join('handoutEnd')}`,
    '',
    '::lines{n=2}',
    '',
    '### Mi plan',
    '',
    `Escribe una cosa que vas a hacer esta semana.${join('handout2')}`,
    ''
  ].join('\n')
}

const twoHandouts = moduleText({handouts: '### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n::lines{n=2}\n\n### My Plan\n\nWrite one thing you will do this week.'})

function lintTranslation(text: string): {module: SessionModule; translation: Translation} {
  const module = lint(twoHandouts)
  const translation = translationFromParse(parseModule({path: modulePath().replace(/\.md$/, '.es.md'), value: text}))
  lintTranslations([translation], [module], defaultConfig())
  return {module, translation}
}

describe('property: the same leaks, in translations', () => {
  it('control: the plain translation builds', () => {
    const {module, translation} = lintTranslation(translationText(() => ''))
    expect(translationHasErrors(translation), translation.parse.file.messages.join('\n')).toBe(false)
    expect(buildTranslatedHandout([{module, translation}], {crisis: 'Llama al 988.'})).toContain('Mis disparadores')
  })

  it.each(Object.entries(constructs))('%s: refused in a translation, or absent from its handouts', (_label, block) => {
    const {module, translation} = lintTranslation(translationText((slot) => (slot === 'handoutEnd' ? `\n\n${block}\n\n` : '')))
    const build = (format: 'html' | 'md') => buildTranslatedHandout([{module, translation}], {crisis: 'Llama al 988.', format})
    if (translationHasErrors(translation)) expect(() => build('html')).toThrow(UserError)
    else for (const output of [build('html'), build('md')]) expect(output).not.toMatch(/SECRET/)
  })

  it(`generated fences and HTML wrappers in every nesting (${runs} runs)`, () => {
    let refused = 0
    let built = 0
    fc.assert(
      fc.property(fc.array(regionArb, {minLength: 1, maxLength: 3}), (regions) => {
        const at: Record<string, string[]> = {handoutStart: [], handoutEnd: [], handout2: [], topic: []}
        const secrets: string[] = []
        for (const region of regions) {
          const secret = `SECRET${region.token}`
          let lines: string[]
          if (region.kind === 'fence') lines = [region.fence.open, secret, ...(region.fence.close ? [region.fence.close] : [])]
          else {
            lines = region.html.blank ? [region.html.open, '', secret, '', region.html.close] : [region.html.open + secret + region.html.close]
            if (!region.html.hides) continue
          }
          at[region.slot].push(nestings[region.nesting](lines))
          secrets.push(secret)
        }
        const text = translationText((slot) => at[slot].map((block) => `\n\n${block}\n\n`).join(''))
        const {module, translation} = lintTranslation(text)
        const build = (format: 'html' | 'md') => buildTranslatedHandout([{module, translation}], {crisis: 'Llama al 988.', format})
        if (translationHasErrors(translation)) {
          refused++
          expect(() => build('html')).toThrow(UserError)
          return
        }
        built++
        for (const output of [build('html'), build('md')]) for (const secret of secrets) expect(output, text).not.toContain(secret)
      }),
      settings
    )
    expect(refused).toBeGreaterThan(runs / 10)
    expect(built).toBeGreaterThan(runs / 50)
  }, timeout)
})

describe('the guard is linear on long runs', () => {
  // Sizes at which a quadratic scan would take minutes; the test timeout is the hang guard.
  it.each([
    ['colons', ':'.repeat(60_000), 1],
    ['colons and spaces', ': '.repeat(30_000), 1],
    ['fullwidth colons', '\uFF1A'.repeat(60_000), 1],
    ['colons and zero-width spaces', ':\u200B'.repeat(30_000), 1],
    ['a fence then spaces', ':::' + ' '.repeat(60_000) + 'x', 1],
    ['words and colons', 'a:'.repeat(30_000), 0]
  ])('%s (60 KB in the topic): one message at its line, or none', (_label, run, expected) => {
    const module = lint(moduleText({topic: `${defaultBody.topic}\n\n${run}\n`}))
    const guard = module.file.messages.filter((m) => m.ruleId === 'facilitator-directive')
    expect(guard.length).toBe(expected)
  }, 60_000)
})
