/** `iop site`: the staff site of the curriculum (and of any programs given), written like a binder. */
import path from 'node:path'
import {readProgram} from '../schedule/read-program.js'
import {runAssembly} from '../schedule/run-assembly.js'
import {checkBinderPlace, checkBinderTarget} from '../schedule/binder-target.js'
import {recoverBinder, writeBinder} from '../schedule/write-binder.js'
import {buildSite} from '../site/build-site.js'
import {withFolderLock} from '../util/folder-lock.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumDirsFor, projectConfigFile} from './curriculum-option.js'
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import {paperOption} from './output-format.js'

/** Options of `iop site`. */
export interface SiteCommandOptions {
  out?: string
  curriculum?: string[]
  /** Program files, a page each. */
  program?: string[]
  paper?: string
  force?: boolean
}

/**
 * Build and write the site.
 *
 * @returns 0, or 1 when a module was left out for lint errors (the site is still written).
 * @throws {UserError} For a missing --out, a refused folder, a bad program file.
 */
export function siteCommand(io: Io, options: SiteCommandOptions): number {
  if (!options.out) throw new UserError('Missing --out DIR, expected the folder to write the site into')
  const out = path.resolve(io.cwd, options.out)
  const curriculumDirs = curriculumDirsFor(io, options.curriculum)
  const guard = {cwd: io.cwd, curriculumDirs}
  checkBinderPlace(out, guard)
  paperOption(options.paper)
  // Another run writing this folder turns this one away now, before any work.
  withFolderLock(out, () => {})
  const started = performance.now()
  const curriculum = loadCurriculum(curriculumDirs, {configFile: projectConfigFile(io)})
  return withFolderLock(out, () => {
    if (recoverBinder(out)) io.stderr(`iop: restored ${path.relative(io.cwd, out) || out} from a run that was interrupted\n`)
    const kept = checkBinderTarget(out, {...guard, force: options.force})
    const paper = paperOption(options.paper, curriculum.config.paper)
    const groups = curriculum.config.groups.map((g) => g.id)
    const programs = (options.program ?? []).map((file) => runAssembly(readProgram(path.resolve(io.cwd, file), {groups}), curriculum, {program: path.basename(file)}, {paper}))
    const site = buildSite(curriculum, {programs, paper})
    writeBinder(out, site.files, options.force, guard)
    const pages = [...site.files.keys()].filter((name) => name.endsWith('.html')).length
    const modules = [...site.files.keys()].filter((name) => /^modules\/[^/]+\/index\.html$/.test(name)).length
    for (const file of site.excluded) io.stderr(`iop: left out (lint errors; run \`iop lint ${file}\`): ${file}\n`)
    for (const file of site.drafts) io.stderr(`iop: left out (draft: true): ${file}\n`)
    if (kept.length > 0) io.stderr(`iop: kept ${kept.length} ${kept.length === 1 ? 'entry' : 'entries'} iop did not write in ${path.relative(io.cwd, out) || out} (--force)\n`)
    const shown = path.relative(io.cwd, out).startsWith('..') ? out : path.relative(io.cwd, out) || '.'
    io.stdout(`site: ${path.join(shown, 'index.html')} (${modules} modules, ${pages} pages${programs.length > 0 ? `, ${programs.length} program${programs.length === 1 ? '' : 's'}` : ''})\n`)
    io.stderr(`iop: built the site in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return site.excluded.length > 0 ? 1 : 0
  })
}
