/** A small valid program file: two weeks of relapse prevention, Mondays and Wednesdays. */

/**
 * Program YAML for tests that need a binder but not a compliant one.
 *
 * @param name The program's name.
 * @returns YAML text.
 */
export function twoWeekProgram(name: string): string {
  return `name: ${name}
start: 2027-01-04
days: 14
population: adult
level: "2.1"
blocks:
  - weeks: [1, 2]
    meets: [mon, wed]
    at: "18:00"
    groups:
      - {group: relapse-prevention, minutes: 90}
`
}
