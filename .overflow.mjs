import {loadCurriculum, bundledCurriculumDir} from './dist/curriculum/load-curriculum.js'
import {lintModules} from './dist/lint/lint.js'
import {buildHandout} from './dist/render/build.js'
import {openPrinter} from './dist/print/pdf-renderer.js'
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
const dir = process.argv[2] ?? bundledCurriculumDir
const c = loadCurriculum([dir]); lintModules(c.modules, c.config)
const printer = await openPrinter({})
const large = process.argv[3] === 'large'
for (const paper of ['letter','a4']) {
  const bad=[]
  const pdfs = await printer.printAll(c.modules.map(m => ({name: m.meta.id, html: buildHandout([m], {crisis: c.config.crisis, paper, largePrint: large})})))
  c.modules.forEach((m,i)=>{ const f=`/tmp/ov-${i}.pdf`; writeFileSync(f,pdfs[i]); const n=Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo',[f],{encoding:'utf8'}))[1]); const h=m.sections.byKind.handouts?.parts.length??0; if(n!==h) bad.push(`${m.meta.id}:${n}/${h}`)})
  console.log(paper, bad.length, bad.join(' '))
}
await printer.close()
