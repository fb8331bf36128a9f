/**
 * The site's static scripts: MiniSearch's browser build (from the installed
 * package, so the site ships the version the index was built with), the
 * catalogue's search and filters, and, in the preview only, live reload.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {templatesDir} from '../render/page.js'

const require = createRequire(import.meta.url)

/**
 * The script files under `assets/`.
 *
 * @param options `preview`: add `reload.js`.
 * @returns Relative path to JavaScript source.
 */
export function siteAssets(options: {preview?: boolean} = {}): Map<string, string> {
  const read = (name: string) => readFileSync(new URL(`site/${name}`, templatesDir), 'utf8')
  const files = new Map<string, string>()
  // The package exports no path to it: found beside its CommonJS entry (dist/cjs, dist/umd).
  // The UMD build defines `globalThis.MiniSearch` for a classic <script src>.
  files.set('assets/minisearch.js', readFileSync(path.join(path.dirname(require.resolve('minisearch')), '../umd/index.js'), 'utf8'))
  files.set('assets/catalogue.js', read('catalogue.js'))
  if (options.preview) files.set('assets/reload.js', read('reload.js'))
  return files
}
