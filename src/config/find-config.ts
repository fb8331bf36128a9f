/**
 * The project's `iop.config.yaml`: found from the working folder upward (as
 * ESLint and remark find theirs) or named with `--config`. Besides what a
 * curriculum folder's config may say, it can list the curricula to combine:
 * `curriculum: [bundled, ./curriculum]`.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {packageCurriculumDir} from '../curriculum/package-curriculum.js'
import {readYaml} from '../util/read-yaml.js'
import {UserError} from '../util/user-error.js'
import {configFileName} from './curriculum-config.js'

/** The word that stands for the curriculum bundled with the package. */
export const bundledKeyword = 'bundled'

/**
 * The nearest `iop.config.yaml` in a folder or any folder above it.
 *
 * @param cwd The working folder.
 * @returns Its absolute path, or `undefined`.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, configFileName)
    if (existsSync(file) && statSync(file).isFile()) return file
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * The curricula a config file lists under `curriculum:`, resolved against the
 * file's folder; `bundled` is the package's own library.
 *
 * @param file A config file.
 * @param bundledDir The bundled curriculum folder.
 * @returns Absolute folders, or `undefined` when the file lists none.
 * @throws {UserError} When the list is malformed or names a folder that does not exist.
 */
export function configCurricula(file: string, bundledDir: string): string[] | undefined {
  const yaml = readYaml(readFileSync(file, 'utf8'))
  // Syntax and schema errors are reported by loadConfig with the rest of the file.
  if (yaml.errors.length > 0 || !yaml.data || typeof yaml.data !== 'object') return undefined
  const list = (yaml.data as Record<string, unknown>).curriculum
  if (list === undefined) return undefined
  if (!Array.isArray(list) || list.length === 0 || list.some((entry) => typeof entry !== 'string' || entry === '')) {
    const at = yaml.place(['curriculum']).start
    throw new UserError(`${file}:${at.line}:${at.column}: Unexpected value at \`curriculum\`, expected a list of folders such as [${bundledKeyword}, ./curriculum]`)
  }
  return (list as string[]).map((entry, index) => {
    if (entry === bundledKeyword) return bundledDir
    const dir = existsSync(path.resolve(path.dirname(file), entry)) ? path.resolve(path.dirname(file), entry) : packageCurriculumDir(entry, path.dirname(file)) ?? path.resolve(path.dirname(file), entry)
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      const at = yaml.place(['curriculum', index]).start
      throw new UserError(`${file}:${at.line}:${at.column}: Unexpected missing folder \`${entry}\` in \`curriculum\`, expected a curriculum folder, an installed package or \`${bundledKeyword}\``)
    }
    return dir
  })
}
