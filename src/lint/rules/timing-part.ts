/** `timing-part`: each timed part is within sensible, configurable bounds. */
import type {ModuleRule} from '../rule.js'

export const timingPart: ModuleRule = {
  id: 'timing-part',
  scope: 'module',
  severity: 'warn',
  description: 'Check-in, topic, check-out and each exercise are within sensible bounds',
  defaults: {checkIn: 0.25, checkOut: 0.2, topicMin: 0.1, exerciseMin: 5},
  check({module, options, report}) {
    const minutes = module.meta?.minutes
    if (minutes === undefined) return
    const {byKind} = module.sections
    const share = (kind: 'check-in' | 'check-out', limit: number, label: string) => {
      const section = byKind[kind]
      if (section?.minutes === undefined) return
      if (section.minutes > minutes * limit) {
        report(`Unexpected ${label} of ${section.minutes} min, expected at most ${Math.floor(minutes * limit)} min (${Math.round(limit * 100)}% of ${minutes})`, section.heading.position)
      }
    }
    share('check-in', Number(options.checkIn), 'check-in')
    share('check-out', Number(options.checkOut), 'check-out')

    const topic = byKind.topic
    const topicMin = Number(options.topicMin)
    if (topic?.minutes !== undefined && topic.minutes < minutes * topicMin) {
      report(`Unexpected topic of ${topic.minutes} min, expected at least ${Math.ceil(minutes * topicMin)} min (${Math.round(topicMin * 100)}% of ${minutes})`, topic.heading.position)
    }

    const exerciseMin = Number(options.exerciseMin)
    for (const part of byKind.exercises?.parts ?? []) {
      if (part.minutes !== undefined && part.minutes < exerciseMin) {
        report(`Unexpected exercise of ${part.minutes} min, expected at least ${exerciseMin} min`, part.heading.position)
      }
    }
  }
}
