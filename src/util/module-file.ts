/**
 * A cheap test for "this is a session module" (or a module's translation):
 * a `.md` file whose first line is `---` and whose frontmatter has an `id:`
 * (or `translation_of:`) key. Used by the output guards,
 * which must never write over or beside an author's modules; reading the
 * first 4 KB is enough, because the frontmatter opens the file.
 */
import {closeSync, openSync, readSync} from 'node:fs'

const head = 4096

/**
 * Whether a file looks like a session module.
 *
 * @param file Path of a regular file.
 * @returns True for a `.md` file with module frontmatter; false when it is not, or cannot be read.
 */
export function isModuleFile(file: string): boolean {
  if (!file.toLowerCase().endsWith('.md')) return false
  let text: string
  try {
    const fd = openSync(file, 'r')
    try {
      const buffer = Buffer.alloc(head)
      text = buffer.subarray(0, readSync(fd, buffer, 0, head, 0)).toString('utf8')
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)(?:^---[ \t]*(?:\r?\n|$)|$(?![\s\S]))/m.exec(text)
  return match !== null && match.index === 0 && /^(?:id|translation_of)[ \t]*:/m.test(match[1])
}
