/** `iop preview`: placeholder until the server lands. */
import type {Io} from '../util/io.js'
export async function previewCommand(_io: Io, _paths: string[], _options: Record<string, unknown>): Promise<number> {
  return 0
}
