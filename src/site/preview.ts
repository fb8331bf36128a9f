/**
 * `iop preview` as a library call: build the site of the working curriculum
 * in memory, serve it on 127.0.0.1, and on each save rebuild what changed
 * and tell the open pages to reload.
 */
import {existsSync} from 'node:fs'
import {siteAssets} from './site-assets.js'
import {PreviewSite, type PreviewSource} from './preview-site.js'
import {startPreviewServer} from './preview-server.js'
import {watchCurriculum} from './watch-curriculum.js'

/** A running preview. */
export interface Preview {
  /** `http://127.0.0.1:<port>/`. */
  url: string
  /** The site as now built. */
  site: PreviewSite
  /** Resolves once the watcher has scanned the folders. */
  ready: Promise<void>
  /** Stop the watcher and the server. */
  close(): Promise<void>
}

/** Options of a preview. */
export interface PreviewOptions extends PreviewSource {
  /** Port on 127.0.0.1 (0: any free port). */
  port: number
  /** Told after each rebuild: the pages that changed, and a failure if the rebuild failed (optional). */
  onRebuild?: (pages: string[], error?: Error) => void
}

/**
 * Start a preview.
 *
 * @param options Folders, config file, port and a rebuild callback.
 * @returns The running preview.
 * @throws {UserError} When the port is taken or a folder is missing.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const site = new PreviewSite(options)
  // Assets come from the package, not the curriculum: served as built.
  const assets = siteAssets({preview: true})
  const server = await startPreviewServer((name) => site.files.get(name) ?? assets.get(name), options.port)
  const watched = [...options.dirs, ...(options.configFile && existsSync(options.configFile) ? [options.configFile] : [])]
  const watcher = watchCurriculum(watched, (files) => {
    try {
      const modules = files.filter((file) => site.isModuleFile(file))
      // A config file or a folder changed: everything may have.
      const pages = modules.length === files.length ? site.update(modules) : site.rebuildAll()
      server.broadcast(pages)
      options.onRebuild?.(pages)
    } catch (error) {
      options.onRebuild?.([], error as Error)
    }
  })
  return {
    url: server.url,
    site,
    ready: watcher.ready,
    close: async () => {
      await watcher.close()
      await server.close()
    }
  }
}

