/**
 * A small curriculum for the site tests: bundled modules copied into a
 * temporary folder, one with a facilitator-only word, plus a draft and a
 * module with a lint error.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {bundledCurriculumDir} from '../../src/curriculum/load-curriculum.js'

/** A word only a facilitator block holds. */
export const facilitatorSecret = 'zqxfacilitatorsecret'

/** Bundled modules the test curriculum copies (group/id). */
export const copied = [
  'relapse-prevention/coping-with-cravings',
  'relapse-prevention/anger-and-resentment',
  'support/joining-the-group',
  'support/grief-and-loss',
  'stress-management/understanding-stress',
  'family/family-roles',
  'wellness/movement-and-exercise'
]

/**
 * Write the test curriculum.
 *
 * @returns The folder (a curriculum root: `<group>/<id>.md`).
 */
export function siteCurriculum(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-site-curriculum-'))
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  for (const name of copied) {
    let text = readFileSync(path.join(bundledCurriculumDir, `${name}.md`), 'utf8')
    if (name.endsWith('coping-with-cravings')) text = text.replace(/^## Topic.*$/m, (heading) => `${heading}\n\n:::facilitator\nWatch for ${facilitatorSecret} in the room.\n:::\n`)
    write(`${name}.md`, text)
  }
  // Spanish handouts for two of them (the translation hashes only the handouts and objectives).
  for (const name of ['relapse-prevention/coping-with-cravings', 'support/joining-the-group']) write(`${name}.es.md`, readFileSync(path.join(bundledCurriculumDir, `${name}.es.md`), 'utf8'))
  const source = readFileSync(path.join(bundledCurriculumDir, 'support/joining-the-group.md'), 'utf8')
  write('support/draft-session.md', source.replace(/^id: .*$/m, 'id: draft-session').replace(/^title: .*$/m, 'title: A Draft Session').replace(/^---\n/, '---\ndraft: true\n'))
  write('support/broken-session.md', source.replace(/^id: .*$/m, 'id: broken-session').replace(/^title: .*$/m, 'title: A Broken Session').replace(/^minutes: .*$/m, 'minutes: 7'))
  return dir
}
