/**
 * The PDF commands end to end, in-process, with the real Chromium: the
 * format follows `-o`, guides number their pages under our own running
 * header, `--paper a4` prints A4, `iop packet` prints a day in clock time,
 * and `iop assemble --pdf` adds binder.pdf (with an outline by week and
 * session) and a packet per session, all listed in curriculum.json.
 * No PDF names a file:// path.
 */
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, expect, it} from 'vitest'
import {describeBrowser, pdfInfo, pdfPages} from '../helpers/browser.js'
import {twoWeekProgram} from '../helpers/program-text.js'
import {root, run} from '../helpers/run-cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'iop-print-cli-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
const at = (name: string) => path.join(dir, name)
// One group's modules: every command lints its whole curriculum, and a small one keeps the file quick.
cpSync(path.join(root, 'curriculum', 'relapse-prevention'), at('curriculum/relapse-prevention'), {recursive: true})
const iop = (args: string[]) => run([...args, '--curriculum', at('curriculum')])
const bytes = (name: string) => readFileSync(at(name))
const noFileUrl = (file: string) => {
  expect(readFileSync(file).toString('latin1')).not.toContain('file://')
  expect(pdfPages(file).join(' ')).not.toContain('file://')
}

describeBrowser('PDF from the command line', () => {
  it('iop guide -o guide.pdf: a PDF whose every page says "page N of M" under the guide\'s title', async () => {
    const result = await iop(['guide', 'coping-with-cravings', '-o', at('guide.pdf')])
    expect(result.code, result.err).toBe(0)
    expect(bytes('guide.pdf').subarray(0, 5).toString()).toBe('%PDF-')
    const {pages, size} = pdfInfo(at('guide.pdf'))
    expect(size).toContain('letter')
    expect(pages).toBeGreaterThan(1)
    const texts = pdfPages(at('guide.pdf'))
    texts.forEach((text, index) => {
      expect(text).toContain(`page ${index + 1} of ${pages}`)
      expect(text).toContain('Facilitator guide: Coping with Cravings')
    })
    noFileUrl(at('guide.pdf'))
  })

  it('the format follows -o: .md is Markdown, .html is HTML', async () => {
    expect((await iop(['guide', 'coping-with-cravings', '-o', at('guide.md')])).code).toBe(0)
    expect(readFileSync(at('guide.md'), 'utf8')).toMatch(/^# /m)
    expect((await iop(['handout', 'coping-with-cravings', '-o', at('h.html')])).code).toBe(0)
    expect(readFileSync(at('h.html'), 'utf8')).toMatch(/^<!doctype html>/)
  })

  it('iop handout --format pdf --paper a4 (--format wins over -o): A4, one page per handout, crisis line on each, no page numbers', async () => {
    const result = await iop(['handout', 'coping-with-cravings', '-o', at('handout.txt'), '--format', 'pdf', '--paper', 'a4'])
    expect(result.code, result.err).toBe(0)
    expect(bytes('handout.txt').subarray(0, 5).toString()).toBe('%PDF-')
    const {pages, size} = pdfInfo(at('handout.txt'))
    expect(size).toContain('A4')
    const texts = pdfPages(at('handout.txt'))
    expect(texts.length).toBe(pages)
    expect(pages).toBe(2)
    for (const text of texts) {
      expect(text).toContain('988')
      expect(text).not.toMatch(/page \d+ of \d+/)
    }
    noFileUrl(at('handout.txt'))
  })

  it('iop packet: one day in clock time, cover facts, guides, then handout masters', async () => {
    writeFileSync(at('program.yaml'), twoWeekProgram('Packet Program').replace('      - {group: relapse-prevention, minutes: 90}', '      - {group: relapse-prevention, minutes: 90, room: Room 2, facilitator: Lead counselor}'))
    const result = await iop(['packet', '--program', at('program.yaml'), '--date', '2027-01-06', '-o', at('day.pdf')])
    expect(result.code, result.err).toBe(0)
    const texts = pdfPages(at('day.pdf'))
    const cover = texts[0]
    expect(cover).toMatch(/session packet: facilitator copy/i)
    for (const fact of ['Packet Program', 'Wednesday 2027-01-06', '18:00-19:30', 'Relapse Prevention', 'Room 2', 'Lead counselor', '18:00 ']) expect(cover).toContain(fact)
    texts.forEach((text, index) => expect(text).toContain(`page ${index + 1} of ${texts.length}`))
    // The last page is a handout master with its crisis line.
    expect(texts.at(-1)).toContain('988')
    noFileUrl(at('day.pdf'))
  })

  it('iop assemble --pdf: binder.pdf with an outline by week and session, a packet per session, all in curriculum.json', async () => {
    writeFileSync(at('two-weeks.yaml'), twoWeekProgram('Binder Program'))
    const result = await iop(['assemble', '--program', at('two-weeks.yaml'), '--out', at('binder'), '--pdf'])
    expect(result.code, result.err).toBeLessThanOrEqual(1)
    expect(result.err).toMatch(/wrote binder\.pdf \(\d+ pages, Letter\) and 4 session packets/)
    const manifest = JSON.parse(readFileSync(at('binder/curriculum.json'), 'utf8')) as {files: string[]}
    const sessions = readdirSync(at('binder/sessions')).sort()
    expect(sessions.length).toBe(4)
    for (const session of sessions) {
      expect(manifest.files).toContain(`sessions/${session}/packet.pdf`)
      noFileUrl(at(`binder/sessions/${session}/packet.pdf`))
    }
    expect(manifest.files).toContain('binder.pdf')
    const binder = readFileSync(at('binder/binder.pdf')).toString('latin1')
    expect(binder).toContain('/Type /Outlines')
    // Outline entries (Chromium writes ASCII titles as literals, others as UTF-16 hex).
    const titles = [...binder.matchAll(/\/Title (?:\(([^)]*)\)|<FEFF([0-9A-F]*)>)/g)].map((m) => m[1] ?? Buffer.from(m[2], 'hex').swap16().toString('utf16le'))
    expect(titles).toEqual(expect.arrayContaining(['Week 1', 'Week 2', 'Session 1 · Monday 2027-01-04 · 18:00-19:30 · Relapse Prevention', 'Session 4 · Wednesday 2027-01-13 · 18:00-19:30 · Relapse Prevention']))
    const texts = pdfPages(at('binder/binder.pdf'))
    expect(texts[0]).toContain('Binder Program')
    expect(texts.join(' ')).toContain('Session 4 · Wednesday 2027-01-13 · 18:00-19:30 · Relapse Prevention')
    noFileUrl(at('binder/binder.pdf'))
  })
})

describeBrowser('forms as PDF', () => {
  it.each([
    ['fidelity', 'Fidelity checklist', 'Deviations'],
    ['note', 'Group note', 'Client identifier'],
    ['sign-in', 'Sign-in sheet', '42 CFR Part 2']
  ])('iop %s -o form.pdf: a numbered PDF of the blank form, nothing filled in', async (kind, title, words) => {
    const file = at(`${kind}.pdf`)
    const result = await iop([kind, 'coping-with-cravings', '-o', file])
    expect(result.code, result.err).toBe(0)
    expect(bytes(`${kind}.pdf`).subarray(0, 5).toString()).toBe('%PDF-')
    const {pages} = pdfInfo(file)
    const texts = pdfPages(file)
    texts.forEach((text, index) => {
      expect(text).toContain(`page ${index + 1} of ${pages}`)
      expect(text).toContain(`${title}: Coping with Cravings`)
    })
    expect(texts.join(' ').replace(/\s+/g, ' ')).toContain(words)
    noFileUrl(file)
    // An earlier output is refused before a browser starts, and kept.
    const again = await iop([kind, 'coping-with-cravings', '-o', file])
    expect(again.code).toBe(2)
    expect(again.err).toContain('Unexpected existing file')
  })
})
