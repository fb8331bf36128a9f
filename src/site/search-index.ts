/**
 * The site's search index, built once at site time with MiniSearch and
 * shipped as a static script (`assets/search-index.js`) that sets
 * `globalThis.iopSearch`. A script, not JSON fetched at run time: browsers
 * refuse `fetch` from file://, and a `<script src>` loads from disk too.
 */
import MiniSearch, {type Options} from 'minisearch'
import type {SearchDocument} from './module-entry.js'

/** MiniSearch options; the browser loads the index with these same options. */
export const searchOptions: Options<SearchDocument> = {
  fields: ['title', 'objectives', 'topics', 'handouts'],
  storeFields: []
}

/**
 * The search index script.
 *
 * @param documents One document per module listed in the catalogue.
 * @returns JavaScript source: `globalThis.iopSearch = {options, index}`.
 */
export function searchIndexScript(documents: readonly SearchDocument[]): string {
  const engine = new MiniSearch<SearchDocument>(searchOptions)
  // Sorted by id so the same curriculum gives the same bytes.
  engine.addAll([...documents].sort((a, b) => a.id.localeCompare(b.id)))
  const data = {options: searchOptions, index: engine.toJSON()}
  // JSON is a JavaScript expression; `<` is escaped so no text can close a tag if the file is ever inlined.
  return `// Search index of the iop-curriculum site (MiniSearch), made by \`iop site\`.\nglobalThis.iopSearch = ${JSON.stringify(data).replace(/</g, '\\u003c')};\n`
}
