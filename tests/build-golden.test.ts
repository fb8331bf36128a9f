/**
 * Golden files for both outputs in both formats. `UPDATE=1 npm test`
 * rewrites the expected files; review the diff before committing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/curriculum-config.js'
import {lintModules} from '../src/lint/lint.js'
import {parseModule} from '../src/module/parse-module.js'
import {buildGuide, buildHandout} from '../src/render/build.js'

const root = path.join(import.meta.dirname, 'fixtures', 'build')

describe('golden outputs', () => {
  for (const name of readdirSync(root).sort()) {
    const folder = path.join(root, name)
    // The path carries the case name, so `id-matches-file` holds for `<case>/input.md`.
    const module = parseModule({path: path.join(folder, `${name}.md`), value: readFileSync(path.join(folder, 'input.md'))})
    lintModules([module], defaultConfig())

    const outputs: Record<string, () => string> = {
      'guide.html': () => buildGuide([module]),
      'guide.md': () => buildGuide([module], {format: 'md'}),
      'handout.html': () => buildHandout([module]),
      'handout.md': () => buildHandout([module], {format: 'md'})
    }

    for (const [file, build] of Object.entries(outputs)) {
      it(`${name}: ${file}`, () => {
        const actual = build()
        const expectedPath = path.join(folder, file)
        if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, actual)
        expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
      })
    }
  }
})
