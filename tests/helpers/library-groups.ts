/**
 * Some group folders of the bundled curriculum, copied into a temporary
 * curriculum, for command-line tests about flags, files, locks and reports
 * rather than about the library itself. Every command loads its whole
 * curriculum first, and with the default one (the bundled library plus
 * ./curriculum) each run reads and parses about 190 files; a one-group
 * curriculum is a few. Each group's `requires` stay inside the group, so a
 * group's binder is the one the full library gives.
 * (tests/browser/print-cli.test.ts set the pattern.)
 */
import {cpSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {bundledCurriculumDir} from '../../src/curriculum/load-curriculum.js'

/**
 * Copy group folders of the bundled curriculum (modules and translations).
 *
 * @param groups Group ids, such as `support`.
 * @returns A new curriculum folder (`<group>/<id>.md`), for `--curriculum`.
 */
export function libraryGroups(...groups: string[]): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'iop-library-groups-')), 'curriculum')
  for (const group of groups) cpSync(path.join(bundledCurriculumDir, group), path.join(dir, group), {recursive: true})
  return dir
}
