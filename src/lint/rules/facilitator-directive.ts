/**
 * `facilitator-directive`: facilitator blocks are well formed and closed, and
 * nothing fence-like is left where a client would read it. A client-safety
 * rule: the guard in module/facilitator.ts decides, this rule reports, and
 * config cannot set it below `error`.
 */
import {clientSafetyProblems} from '../../module/facilitator.js'
import type {ModuleRule} from '../rule.js'

export const facilitatorDirective: ModuleRule = {
  id: 'facilitator-directive',
  scope: 'module',
  severity: 'error',
  clientSafety: true,
  description: 'Facilitator blocks are well formed and closed; no other fence-like line or directive can carry facilitator text',
  check({module, report}) {
    for (const problem of clientSafetyProblems(module)) {
      if (problem.ruleId === 'facilitator-directive') report(problem.reason, problem.place)
    }
  }
}
