// Child: the floor. One process runs the bare unified pipeline (remark-parse,
// remark-frontmatter, remark-rehype, rehype-stringify) on every .md file
// under a folder, one file at a time, and prints the summed output length.
// Usage: node scripts/bench/bare-pass.js <dir>
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

const dir = process.argv[2]
const files = readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md')).sort()
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkRehype).use(rehypeStringify).freeze()
let bytes = 0
for (const name of files) {
  bytes += String(processor.processSync(readFileSync(path.join(dir, name), 'utf8'))).length
}
console.log(JSON.stringify({path: 'bare unified', modules: files.length, errors: 0, bytes}))
