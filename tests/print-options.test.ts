/**
 * The print layer without a browser: finding Chromium (and the exit-2
 * message without one), the format from -o, paper sizes, the CSS that sets
 * the paper under the page's CSP, our header and footer templates, fixed
 * PDF dates, the session agenda in clock time across modules, weekday
 * beside dates in the binder, and the manifest naming added PDFs.
 */
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {outputFormat, paperOption} from '../src/commands/output-format.js'
import {bundledCurriculumDir} from '../src/curriculum/load-curriculum.js'
import {findChromium, requireChromium} from '../src/print/find-chromium.js'
import {footerTemplate, headerTemplate} from '../src/print/header-footer.js'
import {dayPacketJob} from '../src/print/day-packet.js'
import {sessionAgenda} from '../src/print/packet-html.js'
import {fixDates, fixedPdfDate} from '../src/print/pdf-renderer.js'
import {pdfPageCount} from '../src/print/pdf-pages.js'
import {contentSecurityPolicy, renderPage} from '../src/render/page.js'
import {buildGuide} from '../src/render/build.js'
import {addBinderFiles, sessionFolder} from '../src/schedule/build-binder.js'
import {parseProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import {UserError} from '../src/util/user-error.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {libraryGroups} from './helpers/library-groups.js'
import {twoWeekProgram} from './helpers/program-text.js'
import {run} from './helpers/run-cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'iop-print-options-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
const curriculum = bundledLibrary()

describe('finding Chromium', () => {
  it('takes IOP_CHROMIUM first, then chromium, chromium-browser, google-chrome on PATH', () => {
    const bin = path.join(dir, 'bin')
    const fake = (name: string) => {
      writeFileSync(path.join(bin, name), '#!/bin/sh\n')
      chmodSync(path.join(bin, name), 0o755)
    }
    rmSync(bin, {recursive: true, force: true})
    writeFileSync(path.join(dir, 'not-executable'), '')
    expect(findChromium({PATH: ''})).toBeUndefined()
    mkdirSync(bin)
    fake('google-chrome')
    expect(findChromium({PATH: bin})).toBe(path.join(bin, 'google-chrome'))
    fake('chromium-browser')
    expect(findChromium({PATH: bin})).toBe(path.join(bin, 'chromium-browser'))
    fake('chromium')
    expect(findChromium({PATH: `/nowhere${path.delimiter}${bin}`})).toBe(path.join(bin, 'chromium'))
    expect(findChromium({PATH: bin, IOP_CHROMIUM: path.join(bin, 'google-chrome')})).toBe(path.join(bin, 'google-chrome'))
    expect(findChromium({PATH: bin, IOP_CHROMIUM: path.join(dir, 'not-executable')})).toBeUndefined()
  })

  it('without a browser: a user error that says how to install one', () => {
    expect(() => requireChromium({PATH: ''})).toThrow(UserError)
    expect(() => requireChromium({PATH: ''})).toThrow(/apt-get install chromium/)
    expect(() => requireChromium({PATH: '', IOP_CHROMIUM: '/no/such/chromium'})).toThrow(/IOP_CHROMIUM=\/no\/such\/chromium/)
  })

  it('iop guide -o x.pdf and iop assemble --pdf exit 2 without a browser, writing nothing', async () => {
    const saved = process.env.IOP_CHROMIUM
    process.env.IOP_CHROMIUM = '/no/such/chromium'
    try {
      // The relapse-prevention modules alone: `iop guide` loads its whole curriculum before it looks for a browser.
      const curriculum = libraryGroups('relapse-prevention')
      const guide = await run(['guide', 'coping-with-cravings', '-o', path.join(dir, 'g.pdf'), '--curriculum', curriculum])
      expect(guide.code).toBe(2)
      expect(guide.err).toContain('IOP_CHROMIUM')
      expect(existsSync(path.join(dir, 'g.pdf'))).toBe(false)
      writeFileSync(path.join(dir, 'p.yaml'), twoWeekProgram('No Browser'))
      const assemble = await run(['assemble', '--program', path.join(dir, 'p.yaml'), '--out', path.join(dir, 'out'), '--pdf'])
      expect(assemble.code).toBe(2)
      expect(existsSync(path.join(dir, 'out'))).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.IOP_CHROMIUM
      else process.env.IOP_CHROMIUM = saved
    }
  })
})

describe('format and paper options', () => {
  const all = ['html', 'md', 'pdf'] as const
  it('follows the -o extension when --format is not given', () => {
    expect(outputFormat(undefined, 'guide.pdf', all)).toBe('pdf')
    expect(outputFormat(undefined, 'Guide.PDF', all)).toBe('pdf')
    expect(outputFormat(undefined, 'guide.md', all)).toBe('md')
    expect(outputFormat(undefined, 'guide.html', all)).toBe('html')
    expect(outputFormat(undefined, 'guide', all)).toBe('html')
    expect(outputFormat(undefined, undefined, all)).toBe('html')
    expect(outputFormat('md', 'guide.pdf', all)).toBe('md')
  })
  it('refuses PDF to the terminal and formats a command does not write', () => {
    expect(() => outputFormat('pdf', undefined, all)).toThrow(/expected -o FILE\.pdf/)
    expect(() => outputFormat('docx', 'x', all)).toThrow(/Unexpected --format docx, expected `html`, `md` or `pdf`/)
    expect(() => outputFormat(undefined, 'day.md', ['html', 'pdf'])).toThrow(UserError)
  })
  it('takes letter or a4 in any case', () => {
    expect(paperOption(undefined)).toBe('letter')
    expect(paperOption('A4')).toBe('a4')
    expect(() => paperOption('b5')).toThrow(/Unexpected --paper b5, expected `letter` or `a4`/)
  })
  it('iop.config.yaml may set the paper; --paper wins', async () => {
    const curriculumDir = path.join(dir, 'a4-curriculum')
    mkdirSync(path.join(curriculumDir, 'relapse-prevention'), {recursive: true})
    writeFileSync(path.join(curriculumDir, 'iop.config.yaml'), 'paper: a4\n')
    writeFileSync(path.join(curriculumDir, 'relapse-prevention', 'coping-with-cravings.md'), readFileSync(path.join(bundledCurriculumDir, 'relapse-prevention', 'coping-with-cravings.md')))
    const a4 = await run(['handout', 'coping-with-cravings', '--curriculum', curriculumDir])
    expect(a4.code, a4.err).toBe(0)
    expect(a4.out).toContain('@page { size: A4; }')
    const letter = await run(['handout', 'coping-with-cravings', '--curriculum', curriculumDir, '--paper', 'letter'])
    expect(letter.out).not.toContain('@page { size: A4; }')
    writeFileSync(path.join(curriculumDir, 'iop.config.yaml'), 'paper: b5\n')
    const bad = await run(['handout', 'coping-with-cravings', '--curriculum', curriculumDir])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/iop\.config\.yaml:1:8: Unexpected value at `paper`/)
  })

  it('sets the paper in the page CSS, which the page CSP allows by hash', () => {
    const letter = renderPage({title: 't', kind: 'guide', body: []})
    const a4 = renderPage({title: 't', kind: 'guide', body: [], paper: 'a4'})
    expect(letter).toContain('@page { size: letter;')
    expect(letter).not.toContain('@page { size: A4; }')
    expect(a4).toContain('@page { size: A4; }')
    const css = /<style>([\s\S]*)<\/style>/.exec(a4)![1]
    expect(a4).toContain(contentSecurityPolicy(css).replace(/'/g, '&#39;'))
  })
})

describe('header, footer and PDF bytes', () => {
  it('header and footer are ours: escaped text, page N of M, never a URL', () => {
    const header = headerTemplate('Evening <IOP> & "friends"')
    expect(header).toContain('Evening &lt;IOP&gt; &amp; &quot;friends&quot;')
    expect(headerTemplate(undefined)).toBe('<span></span>')
    expect(footerTemplate(true)).toMatch(/page <span class='pageNumber'><\/span> of <span class='totalPages'><\/span>/)
    expect(footerTemplate(false)).toBe('<span></span>')
    for (const template of [header, footerTemplate(true)]) expect(template).not.toMatch(/url|title|date|file:/i)
  })
  it('fixDates replaces the creation and modification dates byte for byte', () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <</CreationDate (D:20261201143010+00'00')\n/ModDate (D:20261201143010-05'00')>>\n<</Type /Pages\n/Count 3\n/Kids []>>")
    const fixed = Buffer.from(fixDates(pdf)).toString('latin1')
    expect(fixed.length).toBe(pdf.length)
    expect(fixed).toContain(`/CreationDate (${fixedPdfDate})`)
    expect(fixed).toContain(`/ModDate (${fixedPdfDate})`)
    expect(pdfPageCount(pdf)).toBe(3)
  })
})

describe('session packets and the binder', () => {
  const assembly = runAssembly(parseProgram(twoWeekProgram('Packet Program').replace('minutes: 90', 'minutes: 180'), 'p.yaml'), curriculum, {})
  const session = assembly.schedule.sessions.find((s) => s.modules.length > 1)!

  it('one agenda in clock time: the second module continues where the first ends', () => {
    expect(session.start).toBe('18:00')
    const rows = sessionAgenda(session)
    const [first, second] = session.modules
    expect(rows[0]).toMatchObject({time: '18:00', module: first.meta!.title, part: 'Check-in'})
    const secondStart = rows.find((row) => row.module === second.meta!.title)!
    const end = 18 * 60 + first.meta!.minutes
    expect(secondStart).toMatchObject({time: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`, part: 'Check-in'})
    // Each row starts where the one before ended.
    for (let i = 1; i < rows.length; i++) {
      const [h, m] = rows[i - 1].time.split(':').map(Number)
      const next = h * 60 + m + rows[i - 1].minutes
      expect(rows[i].time, rows[i].part).toBe(`${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`)
    }
  })

  it('the packet page: cover facts, each guide in clock time, handout masters with crisis lines, no 0:00 agenda', () => {
    const html = dayPacketJob(assembly.schedule, session.date, {crisis: curriculum.config.crisis}).html
    expect(html).toContain('<dt>Date</dt><dd class="date">Monday 2027-01-04</dd>')
    expect(html).toContain('<dt>Time</dt><dd class="date">18:00-21:00</dd>')
    expect(html).not.toContain('<td>0:00</td>')
    const handouts = session.modules.reduce((n, m) => n + (m.sections.byKind.handouts?.parts.length ?? 0), 0)
    expect(html.match(/<section class="handout">/g)).toHaveLength(handouts)
    expect(html.match(/<footer class="crisis"[^>]*>[^<]*988/g)).toHaveLength(handouts)
    expect(() => dayPacketJob(assembly.schedule, '2027-01-05', {crisis: ''})).toThrow(/Unexpected --date 2027-01-05: no session of Packet Program meets that day, expected a meeting date such as `2027-01-06`/)
    expect(() => dayPacketJob(assembly.schedule, session.date, {crisis: '', group: 'family'})).toThrow(/expected one of the groups meeting that day: `relapse-prevention`/)
  })

  it("the binder's session guide shows its agenda in clock time, the second module continuing from the first", () => {
    const html = assembly.files.get(`${sessionFolder(assembly.schedule)(session.number)}/guide.html`)!
    const end = 18 * 60 + session.modules[0].meta!.minutes
    const second = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`
    expect(html).toContain('<tr><td>18:00</td><td>Check-in</td>')
    expect(html).toContain(`<tr><td>${second}</td><td>Check-in</td>`)
    expect(html).not.toContain('<td>0:00</td>')
    // Alone, a guide has no clock: its agenda counts from 0:00.
    expect(buildGuide([session.modules[0]])).toContain('<tr><td>0:00</td><td>Check-in</td>')
  })

  it('binder tables: weekday beside the date, a week as one block', () => {
    const html = assembly.files.get('index.html')!
    expect(html).toContain('<td class="date">Mon 2027-01-04</td><td class="date">18:00-21:00</td>')
    expect(html).toContain('<section class="week"><h3>Week 1</h3><table class="calendar">')
  })

  it('added PDFs are listed in curriculum.json', () => {
    const files = addBinderFiles(assembly.files, new Map([['binder.pdf', new Uint8Array([37])], ['sessions/01-2027-01-04/packet.pdf', new Uint8Array([37])]]))
    const manifest = JSON.parse(files.get('curriculum.json') as string) as {files: string[]}
    expect(manifest.files).toContain('binder.pdf')
    expect(manifest.files).toContain('sessions/01-2027-01-04/packet.pdf')
    expect(manifest.files).toEqual([...manifest.files].sort())
    expect(files.get('binder.pdf')).toEqual(new Uint8Array([37]))
  })
})
