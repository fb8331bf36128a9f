/**
 * The preview's site, kept in memory and rebuilt piece by piece: a saved
 * module re-reads and re-lints that one file (against the whole curriculum,
 * so ids and `requires` are checked), rebuilds its own pages, then the
 * catalogue, listings and search index. Anything else that changes (a
 * config file, a folder) rebuilds everything.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {loadCurriculum, readModuleFile, type Curriculum} from '../curriculum/load-curriculum.js'
import {lintModules} from '../lint/lint.js'
import {manifestName} from '../schedule/manifest.js'
import {buildSite, catalogueOrder, siteIndexFiles, siteModuleFiles, type SiteModule, type SiteOptions} from './build-site.js'

/** Where the preview's modules come from. */
export interface PreviewSource {
  /** Curriculum folders. */
  dirs: string[]
  /** The project's config file (optional). */
  configFile?: string
  /** Folder that paths in lint messages are shown relative to (optional). */
  cwd?: string
}

/** A site in memory that follows its curriculum. */
export class PreviewSite {
  /** Every file, by `/`-separated path from the site root. */
  files = new Map<string, string>()
  private curriculum!: Curriculum
  private parts = new Map<string, SiteModule>()
  private readonly options: SiteOptions

  /**
   * Build the whole site once.
   *
   * @param source Folders, config file and working folder.
   */
  constructor(private readonly source: PreviewSource) {
    this.options = {preview: true, cwd: source.cwd}
    this.rebuildAll()
  }

  /**
   * Rebuild everything (a config file or a folder changed).
   *
   * @returns Paths of the pages whose contents changed, as `/<path>`.
   */
  rebuildAll(): string[] {
    this.curriculum = loadCurriculum(this.source.dirs, {configFile: this.source.configFile})
    const site = buildSite(this.curriculum, this.options)
    // Nothing is written, so nothing needs a manifest.
    site.files.delete(manifestName)
    this.parts = site.parts
    return this.replace(site.files)
  }

  /**
   * Follow changes to module files: re-read, re-lint and rebuild only those.
   *
   * @param files Absolute paths of module files that were added, changed or removed.
   * @returns Paths of the pages whose contents changed, as `/<path>`.
   */
  update(files: readonly string[]): string[] {
    for (const file of files) {
      const index = this.curriculum.modules.findIndex((m) => m.file.path === file)
      if (index !== -1) this.curriculum.modules.splice(index, 1)
      this.parts.delete(file)
      if (!existsSync(file)) continue
      const module = readModuleFile(file)
      this.curriculum.modules.push(module)
      this.curriculum.modules.sort((a, b) => a.file.path.localeCompare(b.file.path))
    }
    this.curriculum.byId = new Map(this.curriculum.modules.flatMap((m) => (m.meta ? [[m.meta.id, m] as const] : [])).reverse())
    const changed = this.curriculum.modules.filter((m) => files.includes(m.file.path))
    if (changed.length > 0) lintModules(this.curriculum.modules, this.curriculum.config, new Set(changed))
    for (const module of changed) {
      const part = siteModuleFiles(module, this.curriculum, this.options)
      if (part) this.parts.set(module.file.path, part)
    }
    const next = new Map<string, string>()
    for (const [name, text] of this.files) if (!name.startsWith('modules/')) next.set(name, text)
    for (const part of this.parts.values()) for (const [name, text] of part.files) next.set(name, text)
    for (const [name, text] of siteIndexFiles([...this.parts.values()].sort(catalogueOrder), [], this.options)) next.set(name, text)
    return this.replace(next)
  }

  /**
   * Whether a path is a module file of the preview's folders.
   *
   * @param file An absolute path.
   * @returns True for a `.md` file below a curriculum folder (READMEs and licences aside).
   */
  isModuleFile(file: string): boolean {
    return file.endsWith('.md') && !/^(readme|license|contributing|changelog)\.md$/i.test(path.basename(file)) && this.source.dirs.some((dir) => path.dirname(file) !== dir && file.startsWith(dir + path.sep))
  }

  private replace(next: Map<string, string>): string[] {
    const changed = [...new Set([...this.files.keys(), ...next.keys()])].filter((name) => this.files.get(name) !== next.get(name))
    this.files = next
    return changed.map((name) => `/${name}`).sort()
  }
}
