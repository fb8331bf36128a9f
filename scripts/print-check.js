// Print check, not a test: prints every bundled module's handouts to PDF with
// headless Chromium and counts pages, so we know each handout fits one sheet.
// Needs `chromium` and `pdfinfo` (Debian: chromium, poppler-utils). Run:
//   npm run build && node scripts/print-check.js
import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {buildHandout, bundledCurriculumDir, lintModules, loadCurriculum} from '../dist/index.js'

const dir = mkdtempSync(path.join(tmpdir(), 'iop-print-'))
const curriculum = loadCurriculum([bundledCurriculumDir])
lintModules(curriculum.modules, curriculum.config)
let fit = 0
for (const module of curriculum.modules) {
  const id = module.meta.id
  const html = path.join(dir, `${id}.html`)
  const pdf = path.join(dir, `${id}.pdf`)
  writeFileSync(html, buildHandout([module], {crisis: curriculum.config.crisis}))
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${html}`], {stdio: 'ignore'})
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], {encoding: 'utf8'}))[1])
  const handouts = module.sections.byKind.handouts.parts.length
  if (pages === handouts) fit++
  else console.log(`${id}: ${handouts} handouts on ${pages} pages`)
}
console.log(`${fit} of ${curriculum.modules.length} modules print one page per handout`)
