/** `requires-acyclic`: `requires` has no cycles; the cycle is reported. */
import type {SessionModule} from '../../module/parse-module.js'
import type {CurriculumRule} from '../rule.js'

export const requiresAcyclic: CurriculumRule = {
  id: 'requires-acyclic',
  scope: 'curriculum',
  severity: 'error',
  description: 'No module requires itself, directly or through others',
  check({modules, report}) {
    const byId = new Map<string, SessionModule>()
    for (const module of modules) if (module.meta && !byId.has(module.meta.id)) byId.set(module.meta.id, module)

    // Iterative three-colour DFS: deep chains in large curricula must not overflow the stack.
    const state = new Map<string, 1 | 2>()
    const reported = new Set<string>()
    for (const root of [...byId.keys()].sort()) {
      if (state.has(root)) continue
      const stack: Array<{id: string; next: number}> = [{id: root, next: 0}]
      state.set(root, 1)
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]
        const requires = byId.get(frame.id)?.meta?.requires ?? []
        if (frame.next >= requires.length) {
          state.set(frame.id, 2)
          stack.pop()
          continue
        }
        const child = requires[frame.next++]
        if (!byId.has(child)) continue
        const seen = state.get(child)
        if (seen === 1) {
          const start = stack.findIndex((f) => f.id === child)
          const cycle = [...stack.slice(start).map((f) => f.id), child]
          const key = [...cycle].slice(0, -1).sort().join(' ')
          if (reported.has(key)) continue
          reported.add(key)
          // Report on every module in the cycle, each at its own `requires` entry.
          for (let step = 0; step < cycle.length - 1; step++) {
            const module = byId.get(cycle[step])!
            const at = module.meta!.requires.indexOf(cycle[step + 1])
            report(module, `Unexpected cycle in \`requires\`: ${[...cycle.slice(step, -1), ...cycle.slice(0, step + 1)].join(' → ')}, expected modules that can be ordered`, module.frontmatter?.place(['requires', at]))
          }
        } else if (seen === undefined) {
          state.set(child, 1)
          stack.push({id: child, next: 0})
        }
      }
    }
  }
}
