import {BaseSequencer, type TestSpecification} from 'vitest/node'
import {defineConfig} from 'vitest/config'

// Files that take longest, longest first: with two workers the suite ends
// when the last file does, so a long file must not start last. Every other
// file follows in vitest's own order (its timing cache, else file size).
const slowFirst = [
  'tests/security.test.ts',
  'tests/project-config.test.ts',
  'tests/cli.test.ts',
  'tests/verdict.test.ts',
  'tests/assemble.test.ts',
  'tests/translations.test.ts',
  'tests/interrupt.test.ts',
  'tests/binder-files.test.ts',
  'tests/forms.test.ts',
  'tests/browser/print-cli.test.ts',
  'tests/browser/handout-pdf.test.ts'
]

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification) => {
      const index = slowFirst.findIndex((name) => spec.moduleId.endsWith('/' + name))
      return index === -1 ? slowFirst.length : index
    }
    // Array.prototype.sort is stable: unlisted files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Both cores (vitest's default leaves one idle: availableParallelism - 1).
    maxWorkers: 2,
    // Test files share a worker's module cache: src/ and its dependencies are
    // imported and JIT-compiled once per worker, not once per file. Files that
    // change process state (process.env) restore it themselves.
    isolate: false,
    sequence: {sequencer: SlowFirstSequencer}
  }
})
