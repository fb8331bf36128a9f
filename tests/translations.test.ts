/**
 * Issue 16's "Done when", end to end through the CLI on a scratch
 * curriculum: translations lint clean; one changed English sentence makes
 * `translation-drift` warn naming the handout; a missing handout or a
 * facilitator block is an error; `--mark` writes only the source hashes;
 * `--status`; `iop handout --lang es` with the Spanish crisis box and no
 * facilitator text; translation files stay out of `iop list`.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import preset from '../src/remark-preset.js'
import {defaultCrisisText, defaultCrisisTexts} from '../src/config/defaults.js'
import {lintTranslations} from '../src/lint/lint-translations.js'
import {buildTranslatedHandout} from '../src/render/translated-handout.js'
import {easeToGrade, fernandezHuerta, spanishSyllables} from '../src/lint/spanish-readability.js'
import {markedText} from '../src/translation/mark-translation.js'
import {facilitatorSentences} from './helpers/facilitator-text.js'
import {twoWeekProgram} from './helpers/program-text.js'
import type {LanguageReport} from '../src/schedule/binder-translations.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {libraryGroups} from './helpers/library-groups.js'
import {root, run} from './helpers/run-cli.js'

const library = path.join(root, 'curriculum')
const translated = [
  ['relapse-prevention', 'coping-with-cravings'],
  ['early-recovery-skills', 'welcome-to-iop']
] as const

/** A scratch project whose curriculum holds two modules and their Spanish translations. */
function project(): {dir: string; curriculum: string; english: string; spanish: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-translations-'))
  const curriculum = path.join(dir, 'curriculum')
  for (const [group, id] of translated) {
    mkdirSync(path.join(curriculum, group), {recursive: true})
    for (const name of [`${id}.md`, `${id}.es.md`]) copyFileSync(path.join(library, group, name), path.join(curriculum, group, name))
  }
  return {
    dir,
    curriculum,
    english: path.join(curriculum, 'relapse-prevention', 'coping-with-cravings.md'),
    spanish: path.join(curriculum, 'relapse-prevention', 'coping-with-cravings.es.md')
  }
}

const lint = (p: ReturnType<typeof project>, ...args: string[]) => run(['lint', '--curriculum', p.curriculum, '--format', 'compact', ...args], p.dir)

describe('translations lint with their modules', () => {
  it('the bundled translations pass with no warning, and every one is marked and up to date', async () => {
    const result = await run(['lint', '--max-warnings', '0'])
    expect(result.code).toBe(0)
    const status = await run(['translate', '--status', 'es', '--json'])
    const rows = JSON.parse(status.out) as Array<{id: string; state: string}>
    const present = rows.filter((r) => r.state !== 'missing')
    expect(present.length).toBeGreaterThanOrEqual(2)
    expect(present.filter((r) => r.state !== 'up to date')).toEqual([])
  })

  it('changing one sentence of an English handout makes translation-drift warn, naming that handout', async () => {
    const p = project()
    expect((await lint(p, '--max-warnings', '0')).code).toBe(0)
    const text = readFileSync(p.english, 'utf8')
    writeFileSync(p.english, text.replace('You do\nnot have to act on it.', 'You never\nhave to act on it.'))
    const result = await lint(p, '--max-warnings', '0')
    expect(result.code).toBe(1)
    expect(result.out).toContain(`${p.spanish}:20:1  warning  Unexpected change in the English handout \`Riding the Wave\` since this translation was marked, expected the translation to follow it: update the translation, then run \`iop translate --mark coping-with-cravings es\`  translation-drift`)
    // Only that handout and only that translation.
    expect(result.out.match(/translation-drift/g)).toHaveLength(1)
    const status = await run(['translate', '--status', '--curriculum', p.curriculum], p.dir)
    expect(status.out).toMatch(/coping-with-cravings +es {2}drifted: `Riding the Wave`\n/)
    expect(status.out).toMatch(/welcome-to-iop +es {2}up to date\n/)
    // Marking again clears it.
    expect((await run(['translate', '--mark', 'coping-with-cravings', 'es', '--curriculum', p.curriculum], p.dir)).code).toBe(0)
    expect((await lint(p, '--max-warnings', '0')).code).toBe(0)
  })

  it('a translation with a missing handout is an error', async () => {
    const p = project()
    const text = readFileSync(p.spanish, 'utf8')
    writeFileSync(p.spanish, text.slice(0, text.indexOf('### Mi plan para las ganas de consumir')))
    const result = await lint(p)
    expect(result.code).toBe(1)
    expect(result.out).toContain(`${p.spanish}:18:1  error  Missing handout for \`My Craving Plan\` (English handout 2 of 2), expected one \`### <title>\` per English handout, in order  translation-structure`)
    expect((await run(['handout', 'coping-with-cravings', '--lang', 'es', '--curriculum', p.curriculum], p.dir)).code).toBe(1)
  })

  it('a translation with a facilitator block is an error, and its handout is not built', async () => {
    const p = project()
    const text = readFileSync(p.spanish, 'utf8')
    writeFileSync(p.spanish, text.replace('Pasos para montar una ola:', ':::facilitator\nSECRETO-DEL-EQUIPO\n:::\n\nPasos para montar una ola:'))
    const result = await lint(p)
    expect(result.code).toBe(1)
    expect(result.out).toContain(`${p.spanish}:41:1  error  Unexpected \`:::facilitator\` block in a translation, expected client text only (facilitator notes stay in the English module)  translation-client-safety`)
    const built = await run(['handout', 'coping-with-cravings', '--lang', 'es', '--curriculum', p.curriculum], p.dir)
    expect(built.code).toBe(1)
    expect(built.out).toBe('')
    expect(built.err).toContain('not building handout')
  })

  it('a translation whose module does not exist is an error; translations are not modules for list', async () => {
    const p = project()
    writeFileSync(path.join(p.curriculum, 'relapse-prevention', 'no-such-module.es.md'), readFileSync(p.spanish, 'utf8').replace('translation_of: coping-with-cravings', 'translation_of: no-such-module'))
    const result = await lint(p)
    expect(result.code).toBe(1)
    expect(result.out).toContain('no-such-module.es.md:1:1  error  Unexpected translation of `no-such-module`, expected a module with that id in the curriculum (the file sits beside `no-such-module.md`)  translation-structure')
    const list = await run(['list', '--json', '--curriculum', p.curriculum], p.dir)
    expect((JSON.parse(list.out) as Array<{path: string}>).map((row) => row.path).sort()).toEqual(['early-recovery-skills/welcome-to-iop.md', 'relapse-prevention/coping-with-cravings.md'])
  })
})

describe('the remark preset (an editor) on a translation', () => {
  it('reports the translation rules, and no module rule, at their lines', async () => {
    const remark = () => unified().use(remarkParse).use(remarkStringify)
    const file = path.join(library, 'relapse-prevention', 'coping-with-cravings.es.md')
    const clean = new VFile({path: file, value: readFileSync(file, 'utf8')})
    await remark().use(preset).process(clean)
    expect(clean.messages).toEqual([])
    const broken = new VFile({path: file, value: readFileSync(file, 'utf8').replace('::lines{n=3}', '::lines{n=2}')})
    await remark().use(preset).process(broken)
    expect(broken.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['60:1 translation-structure'])
  })
})

describe('iop translate --mark', () => {
  it('writes only the source hashes, and the same inputs give the same bytes', async () => {
    const p = project()
    const before = readFileSync(p.spanish, 'utf8')
    const unmarked = before.replace(/^source:\n(?: {2}.*\n)+/m, '')
    writeFileSync(p.spanish, unmarked)
    expect((await run(['translate', '--mark', 'coping-with-cravings', 'es', '--curriculum', p.curriculum], p.dir)).code).toBe(0)
    const marked = readFileSync(p.spanish, 'utf8')
    expect(marked).toBe(before)
    // Everything but the source block is byte for byte the file as written.
    expect(marked.replace(/^source:\n(?: {2}.*\n)+/m, '')).toBe(unmarked)
    await run(['translate', '--mark', 'coping-with-cravings', 'es', '--curriculum', p.curriculum], p.dir)
    expect(readFileSync(p.spanish, 'utf8')).toBe(marked)
    // No other file was touched or added.
    expect(readdirSync(path.dirname(p.spanish)).sort()).toEqual(['coping-with-cravings.es.md', 'coping-with-cravings.md'])
    expect(readFileSync(p.english, 'utf8')).toBe(readFileSync(path.join(library, 'relapse-prevention', 'coping-with-cravings.md'), 'utf8'))
  })

  it('keeps CRLF line ends and replaces a source block wherever it stood', () => {
    const source = {objectives: 'aaaaaaaaaaaa', handouts: {'Riding the Wave': 'bbbbbbbbbbbb'}}
    const crlf = '---\r\ntranslation_of: x\r\nsource:\r\n  objectives: 000000000000\r\n  handouts: {}\r\nlang: es\r\n---\r\n\r\n## Handouts\r\n'
    expect(markedText(crlf, source, 'x.es.md')).toBe('---\r\ntranslation_of: x\r\nlang: es\r\nsource:\r\n  objectives: aaaaaaaaaaaa\r\n  handouts:\r\n    Riding the Wave: bbbbbbbbbbbb\r\n---\r\n\r\n## Handouts\r\n')
  })

  it('refuses a translation with errors, and a module or file that does not exist', async () => {
    const p = project()
    writeFileSync(p.spanish, readFileSync(p.spanish, 'utf8').replace('::lines{n=3}', '::lines{n=2}'))
    const refused = await run(['translate', '--mark', 'coping-with-cravings', 'es', '--curriculum', p.curriculum], p.dir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('expected `::lines{n=3}` as in the English')
    expect((await run(['translate', '--mark', 'nothing-here', 'es', '--curriculum', p.curriculum], p.dir)).code).toBe(2)
    const missing = await run(['translate', '--mark', 'coping-with-cravings', 'fr', '--curriculum', p.curriculum], p.dir)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('coping-with-cravings.fr.md: Unexpected missing translation')
  })
})

describe('iop handout --lang es', () => {
  it('prints the Spanish handouts with lang="es", the Spanish crisis box and no facilitator text (every translation)', async () => {
    const curriculum = bundledLibrary()
    lintTranslations(curriculum.translations, curriculum.modules, curriculum.config)
    for (const translation of curriculum.translations) {
      const module = curriculum.byId.get(translation.name.id)!
      const items = [{module, translation}]
      const crisis = curriculum.config.crisisByLanguage.es
      const html = buildTranslatedHandout(items, {crisis})
      const md = buildTranslatedHandout(items, {crisis, format: 'md'})
      expect(html).toContain('<html lang="es">')
      for (const output of [html, md]) {
        expect(output).toContain(defaultCrisisTexts.es.slice(0, 60))
        expect(output).not.toContain(defaultCrisisText.slice(0, 40))
        expect(output).toContain(translation.meta!.title)
        for (const sentence of facilitatorSentences(module)) expect(output).not.toContain(sentence.slice(0, 40))
      }
      expect(md).not.toMatch(/facilitator/i)
      // One crisis box per handout page.
      expect(html.match(/<footer class="crisis"/g)).toHaveLength(translation.handouts.length)
    }
    // And through the CLI, once.
    const cli = await run(['handout', 'coping-with-cravings', '--lang', 'es'])
    expect(cli.code, cli.err).toBe(0)
    expect(cli.out).toContain('<html lang="es">')
    expect(cli.out).toContain('Montar la ola')
  })

  it('takes the crisis text per language from iop.config.yaml', async () => {
    const p = project()
    writeFileSync(path.join(p.dir, 'iop.config.yaml'), 'crisis:\n  en: Call the clinic at 555-0100.\n  es: Llame a la clínica al 555-0100.\n')
    const es = await run(['handout', 'coping-with-cravings', '--lang', 'es', '--curriculum', p.curriculum], p.dir)
    const en = await run(['handout', 'coping-with-cravings', '--curriculum', p.curriculum], p.dir)
    expect(es.out).toContain('Llame a la clínica al 555-0100.')
    expect(en.out).toContain('Call the clinic at 555-0100.')
  })

  // The two modules' groups alone (one translated module, one not): each run loads its whole curriculum.
  const groups = () => ['--curriculum', libraryGroups('relapse-prevention', 'psychoeducation')]

  it('says what is missing: a translation, a language code, --lang on a guide', async () => {
    const none = await run(['handout', 'stages-of-change', '--lang', 'es', ...groups()])
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/Missing es translation of `stages-of-change`, expected .*stages-of-change\.es\.md/)
    expect((await run(['handout', 'coping-with-cravings', '--lang', 'spanish', ...groups()])).code).toBe(2)
    expect((await run(['guide', 'coping-with-cravings', '--lang', 'es', ...groups()])).code).toBe(2)
  })

  it('the facilitator guide lists the languages its handouts exist in', async () => {
    const curriculum = groups()
    const guide = await run(['guide', 'coping-with-cravings', '--format', 'md', ...curriculum])
    expect(guide.out).toContain('Handouts in: English, Spanish (español)')
    const untranslated = await run(['guide', 'stages-of-change', '--format', 'md', ...curriculum])
    expect(untranslated.out).not.toContain('Handouts in')
  })
})

describe('a program with languages: [en, es]', () => {
  it('assembles both handouts where a translation exists, and reports the missing ones and the Spanish ease', async () => {
    const p = project()
    const program = path.join(p.dir, 'program.yaml')
    writeFileSync(program, twoWeekProgram('Bilingual RP').replace('level: "2.1"', 'level: "2.1"\nlanguages: [en, es]'))
    // One translated and one untranslated relapse-prevention module.
    copyFileSync(path.join(library, 'relapse-prevention', 'triggers-and-high-risk-situations.md'), path.join(p.curriculum, 'relapse-prevention', 'triggers-and-high-risk-situations.md'))
    const out = path.join(p.dir, 'binder')
    const result = await run(['assemble', '--program', program, '--out', out, '--curriculum', p.curriculum], p.dir)
    expect(result.err).not.toMatch(/internal error/)
    const record = JSON.parse(readFileSync(path.join(out, 'curriculum.json'), 'utf8')) as {files: string[]; sessions: Array<{number: number; modules: Array<{id: string}>}>; languages: LanguageReport[]}
    const withCravings = record.sessions.filter((s) => s.modules.some((m) => m.id === 'coping-with-cravings'))
    expect(withCravings.length).toBeGreaterThan(0)
    for (const session of record.sessions) {
      const folder = record.files.find((f) => f.startsWith('sessions/') && f.endsWith('/handout.html') && f.includes(`/${String(session.number).padStart(2, '0')}-`))!
      expect(folder).toBeDefined()
      const spanish = folder.replace('handout.html', 'handout.es.html')
      const translatedHere = session.modules.some((m) => m.id === 'coping-with-cravings')
      expect(record.files.includes(spanish), spanish).toBe(translatedHere)
      if (translatedHere) {
        const html = readFileSync(path.join(out, spanish), 'utf8')
        expect(html).toContain('<html lang="es">')
        expect(html).toContain('Montar la ola')
        expect(html).toContain(defaultCrisisTexts.es.slice(0, 60))
      }
    }
    const [es] = record.languages
    expect(es.lang).toBe('es')
    expect(es.translated.map((t) => t.id)).toEqual(['coping-with-cravings'])
    expect(es.missing.map((m) => m.id)).toEqual(['triggers-and-high-risk-situations'])
    expect(es.translated[0].ease).toBeGreaterThanOrEqual(70)
    expect(es.missing.length).toBeGreaterThan(0)
    expect(es.missing.every((m) => m.sessions.length > 0)).toBe(true)
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(index).toContain('Handouts in Spanish (español)')
    expect(index).toMatch(/Cómo manejar las ganas de consumir \(coping-with-cravings\): ease \d+\.\d/)
    expect(index).toContain(`Missing: no Spanish (español) handouts for ${es.missing.length} scheduled module`)
    expect(result.out).toContain(`handouts in es: 1 of ${1 + es.missing.length} scheduled modules (coping-with-cravings)`)
  })

  it('a program without languages gets no Spanish files (control)', async () => {
    const p = project()
    const program = path.join(p.dir, 'program.yaml')
    writeFileSync(program, twoWeekProgram('English RP'))
    const out = path.join(p.dir, 'binder')
    await run(['assemble', '--program', program, '--out', out, '--curriculum', p.curriculum], p.dir)
    const record = JSON.parse(readFileSync(path.join(out, 'curriculum.json'), 'utf8')) as {files: string[]; languages?: unknown}
    expect(record.files.filter((f) => f.includes('.es.'))).toEqual([])
    expect(record.languages).toBeUndefined()
  })
})

describe('Spanish readability', () => {
  it('counts syllables by vowel nuclei: diphthongs, hiatus, silent u, final y', () => {
    const cases: Record<string, number> = {agua: 2, ideas: 3, poeta: 3, país: 2, oído: 3, día: 2, recuperación: 5, persona: 3, trastorno: 3, ciudad: 2, que: 1, guerra: 2, pingüino: 3, hoy: 1, y: 1, muy: 1, ahora: 3, cigüeña: 3, 988: 6}
    const actual = Object.fromEntries(Object.keys(cases).map((word) => [word, spanishSyllables(word)]))
    expect(actual).toEqual(cases)
  })

  it('maps Fernández-Huerta ease to grades by its table: 70+ grade 6, 60-70 grades 7-8', () => {
    expect([95, 85, 75, 70, 65, 60, 55].map(easeToGrade)).toEqual([4, 5, 6, 6, 8, 8, 10])
    // 100 words, 200 syllables, 10 sentences: 206.84 - 120 - 10.2.
    expect(fernandezHuerta(100, 200, 10)).toBeCloseTo(76.64, 2)
  })
})
