/**
 * The `iop` command line: declares commands and options with commander and
 * hands each to its function in src/commands/. Exit codes: 0 ok; 1 when a
 * command finds what it checks for (lint errors, a program that does not
 * meet its level); 2 for a usage or configuration mistake, with a clear
 * message and never a stack trace; 3 for an internal error in iop itself.
 * Each command's code is imported only when it runs, so `iop --help` and a
 * usage mistake cost little more than starting node.
 */
import {readFileSync} from 'node:fs'
import {Command, CommanderError} from 'commander'
import {processIo, type Io} from './util/io.js'
import {defaultLintCache, useLintCache} from './lint/default-cache.js'
import {lintCacheDir, openLintCache} from './lint/lint-cache.js'
import {UserError} from './util/user-error.js'

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version

/** Collect repeated option values (commander's documented pattern). */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

const curriculumHelp = 'where modules come from (repeatable; default ./curriculum if present, else the bundled curriculum)'

/**
 * Build the program. Tests call it in-process with their own `io`.
 *
 * @param io Streams and working directory.
 * @param exit Receives each command's exit code.
 * @returns A commander program.
 */
export function createProgram(io: Io = processIo, exit: (code: number) => void = (code) => {
  process.exitCode = code
}): Command {
  const program = new Command('iop')
    .description('Build IOP group-therapy session modules into facilitator guides, client handouts and 90-day schedules')
    .configureOutput({writeOut: io.stdout, writeErr: io.stderr})
    .version(version)
    .option('--config <file>', 'the project config (default: the nearest iop.config.yaml from the working folder up)')
    .option('--no-cache', 'lint every module afresh, neither reading nor writing the lint cache (docs/performance.md)')
    // Program options, usable before or after the command; commands read them from io.
    .hook('preAction', (command) => {
      const options = command.opts()
      io.config = options.config
      useLintCache(options.cache === false ? undefined : openLintCache(lintCacheDir(io.cwd, io.env ?? process.env)))
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ iop guide coping-with-cravings -o guide.html\n  $ iop handout coping-with-cravings -o handouts.html\n  $ iop lint\n  $ iop assemble --program examples/matrix-model.yaml --out binder\n\nEach module must be reviewed by a licensed clinician before use with clients.'
    )

  const run = async (action: () => number | Promise<number>) => exit(await action())

  for (const kind of ['guide', 'handout'] as const) {
    const command = program
      .command(kind)
      .description(kind === 'guide' ? 'build the facilitator guide of a module' : 'build the client handouts of a module (no facilitator material)')
      .argument('<module>', 'a module id or a path to a module file')
      .option('--curriculum <dir>', curriculumHelp, collect)
      .option('-o, --output <file>', 'write to a file instead of stdout')
      .option('--format <format>', 'html, md or pdf (default: from the -o extension, else html)')
      .option('--paper <size>', 'letter or a4, for PDF and printing (default: paper in iop.config.yaml, else letter)')
      .option('--force', 'replace the file -o names (never a module or a folder)')
    if (kind === 'handout') command.option('--lang <code>', "the handouts in a language from the module's translation, e.g. es (docs/translations.md)")
    if (kind === 'handout') command.option('--large-print', 'large print (about 16 pt) for clients with low vision')
    command
      .addHelpText('after', `\nExamples:\n  $ iop ${kind} coping-with-cravings -o ${kind}.html\n  $ iop ${kind} coping-with-cravings -o ${kind}.pdf --paper a4\n  $ iop ${kind} curriculum/support/joining-the-group.md --format md\n\nPDF output needs Chromium (IOP_CHROMIUM, or chromium on PATH; see docs/printing.md).`)
      .action((reference: string, options) => run(async () => (await import('./commands/build.js')).buildCommand(io, kind, reference, options)))
  }

  const forms = {fidelity: ['a fidelity checklist of a module (delivered as written?)', 'html, md or pdf (default: from the -o extension, else html)'], note: ['a blank group-note template of a module (DAP, BIRP, SOAP or GIRP)', 'html, text or pdf (default: from the -o extension, else html)'], 'sign-in': ['a blank sign-in sheet of a module, with a 42 CFR Part 2 notice', 'html or pdf (default: from the -o extension, else html)']} as const
  for (const [kind, [description, formats]] of Object.entries(forms) as Array<[keyof typeof forms, (typeof forms)[keyof typeof forms]]>) {
    const command = program
      .command(kind)
      .description(`${description}; blank forms, never client data`)
      .argument('<module>', 'a module id or a path to a module file')
      .option('--curriculum <dir>', curriculumHelp, collect)
      .option('-o, --output <file>', 'write to a file instead of stdout')
      .option('--format <format>', formats)
      .option('--force', 'replace the file -o names (never a module or a folder)')
    if (kind === 'note') command.option('--note-format <format>', 'dap, birp, soap or girp (default: noteFormat in iop.config.yaml, else birp)').option('--members <n>', 'blank member parts (default: noteMembers, else 3)')
    if (kind === 'sign-in') command.option('--rows <n>', 'blank rows (default: signInRows, else 12)')
    command
      .addHelpText('after', `\nExamples:\n  $ iop ${kind} coping-with-cravings -o ${kind}.html${kind === 'note' ? '\n  $ iop note coping-with-cravings --note-format dap --format text' : ''}`)
      .action((reference: string, options) => run(async () => (await import('./commands/form.js')).formCommand(io, kind, reference, options)))
  }

  program
    .command('schedule')
    .description("a joiner's personal schedule from a join date through the stay: a client handout and an .ics with the program calendar's UIDs")
    .option('--program <file>', 'a program file (docs/programs.md)')
    .option('--join <date>', 'the join date, YYYY-MM-DD')
    .option('--out <dir>', 'folder to write joiner-DATE.html and joiner-DATE.ics into')
    .option('--binder <dir>', "the program's binder, so each event keeps that calendar's SEQUENCE")
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--force', 'replace joiner files written before')
    .addHelpText('after', '\nExamples:\n  $ iop schedule --program examples/evening-program.yaml --join 2027-01-21 --out joiners')
    .action((options) => run(async () => (await import('./commands/schedule.js')).scheduleCommand(io, options)))

  program
    .command('new')
    .description('start a new module from templates/module.md')
    .argument('<group/id>', 'group type and module id, e.g. relapse-prevention/coping-with-cravings')
    .option('--dir <dir>', 'curriculum folder to write into', 'curriculum')
    .option('--title <title>', 'the module title')
    .addHelpText('after', '\nExamples:\n  $ iop new relapse-prevention/money-and-recovery\n  $ iop new support/holiday-check-in --title "Holiday check-in"')
    .action((reference: string, options) => run(async () => (await import('./commands/new.js')).newCommand(io, reference, options)))

  program
    .command('lint')
    .description('check modules against the authoring rules (docs/rules.md)')
    .argument('[paths...]', 'module files or folders (default: the whole curriculum)')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--format <format>', 'text (grouped by file), compact (one line each) or json', 'text')
    .option('--fix', 'apply certain Words Matter replacements, change nothing else')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--color', 'colour the report (default: when stdout is a terminal and NO_COLOR is not set)')
    .option('--no-color', 'never colour the report')
    .option('--verbose', "show each message's documentation link")
    .option('--stdin', 'lint the module read from stdin')
    .option('--stdin-filename <file>', 'the path the stdin module stands for')
    .option('--jobs <n>', 'worker threads for modules the cache does not answer (default: one per core, used from 250 such modules; 1: none)')
    .addHelpText('after', '\nExamples:\n  $ iop lint\n  $ iop lint curriculum/relapse-prevention --format json\n  $ iop lint --fix --max-warnings 0\n  $ iop lint --stdin --stdin-filename curriculum/support/check-in.md < draft.md')
    .action((paths: string[], options) => run(async () => (await import('./commands/lint.js')).lintCommand(io, paths, options)))

  program
    .command('list')
    .description('list modules, optionally filtered')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--group <group>', 'only this group type')
    .option('--phase <phase>', 'only this phase')
    .option('--tag <tag>', 'only modules with this tag')
    .option('--json', 'print JSON')
    .option('--format <format>', 'text, json or md (an overview by group and phase)', 'text')
    .addHelpText('after', '\nExamples:\n  $ iop list --group relapse-prevention\n  $ iop list --phase engagement --json\n  $ iop list --format md > docs/curriculum.md')
    .action((options) => run(async () => (await import('./commands/list.js')).listCommand(io, options)))

  program
    .command('assemble')
    .description('assemble a curriculum for one group type, or a whole program file, into a binder')
    .option('--group <type>', 'one group type, e.g. relapse-prevention')
    .option('--program <file>', 'a program file (docs/programs.md)')
    .option('--start <date>', 'first day, YYYY-MM-DD (default: today)')
    .option('--days <n>', 'length in days', '90')
    .option('--meets <days>', 'meeting days', 'mon,wed,fri')
    .option('--minutes <n>', 'session length in minutes', '180')
    .option('--at <time>', 'start time, HH:MM', '18:00')
    .option('--population <p>', 'adult or adolescent', 'adult')
    .option('--holidays <file|dates>', 'a file of dates, or dates separated by commas')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--out <dir>', 'folder to write the binder into')
    .option('--force', 'write the binder into a folder holding files iop did not write, keeping them in place')
    .option('--note-format <format>', 'group-note templates: dap, birp, soap or girp (default: noteFormat in iop.config.yaml, else birp)')
    .option('--pdf', 'also write binder.pdf and a packet.pdf per session (needs Chromium; docs/printing.md)')
    .option('--paper <size>', 'letter or a4, for PDF and printing (default: paper in iop.config.yaml, else letter)')
    .option('--large-print', 'handouts in large print (about 16 pt) for clients with low vision')
    .option('--quiet', 'no progress line on a terminal while PDFs print')
    .addHelpText('after', '\nExamples:\n  $ iop assemble --group relapse-prevention --start 2027-01-04 --out binder\n  $ iop assemble --program examples/evening-program.yaml --out out --pdf --paper a4\n  $ iop assemble --group support --meets mon,thu --minutes 90 --holidays 2027-01-18,2027-02-15 --out support\n  $ iop assemble --program examples/evening-program.yaml --out out')
    // Which options the user typed (not defaults): those of --group do not apply to --program.
    .action((options, command: Command) => run(async () => (await import('./commands/assemble.js')).assembleCommand(io, {...options, typed: Object.keys(options).filter((name) => command.getOptionValueSource(name) === 'cli')})))

  program
    .command('packet')
    .description("one day's session packets from a program file: cover strip, agenda in clock time, guides, handout masters")
    .option('--program <file>', 'a program file (docs/programs.md)')
    .option('--date <date>', 'the day, YYYY-MM-DD')
    .option('--group <type>', 'only this group\'s session that day')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--format <format>', 'html or pdf (default: from the -o extension, else html)')
    .option('--paper <size>', 'letter or a4, for PDF and printing (default: paper in iop.config.yaml, else letter)')
    .option('--force', 'replace the file -o names (never a module or a folder)')
    .addHelpText('after', '\nExamples:\n  $ iop packet --program examples/evening-program.yaml --date 2027-01-04 -o monday.pdf\n  $ iop packet --program examples/evening-program.yaml --date 2027-01-04 --group relapse-prevention -o rp.html\n\nPDF output needs Chromium (IOP_CHROMIUM, or chromium on PATH; see docs/printing.md).')
    .action((options) => run(async () => (await import('./commands/packet.js')).packetCommand(io, options)))

  program
    .command('site')
    .description('a static staff site: search, filters, a page per module with its guide, handouts and source, group, phase and program pages')
    .option('--out <dir>', 'folder to write the site into')
    .option('--program <file>', 'also a page per program: verdict, hours per week, calendar (repeatable)', collect)
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--paper <size>', 'letter or a4, for the guides and handouts (default: paper in iop.config.yaml, else letter)')
    .option('--force', 'write the site into a folder holding files iop did not write, keeping them in place')
    .addHelpText('after', '\nExamples:\n  $ iop site --out site\n  $ iop site --out site --program examples/evening-program.yaml\n\nOpen site/index.html in a browser; search works from disk too.')
    .action((options) => run(async () => (await import('./commands/site.js')).siteCommand(io, options)))

  program
    .command('preview')
    .description('serve the site of the working curriculum on 127.0.0.1 and reload pages as modules are saved; drafts and modules with lint errors show as drafts')
    .argument('[paths...]', 'curriculum folders to serve (default: as --curriculum)')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '4321')
    .addHelpText('after', '\nExamples:\n  $ iop preview\n  $ iop preview curriculum --port 8080\n\nStop it with Ctrl-C.')
    .action((paths: string[], options) => run(async () => (await import('./commands/preview.js')).previewCommand(io, paths, options)))

  program
    .command('translate')
    .description('record the English a translation follows (--mark), or list translations as up to date, drifted or missing (--status)')
    .argument('[args...]', '--mark: <module id> <language>; --status: [language]')
    .option('--mark', 'write the English hashes into curriculum/<group>/<id>.<lang>.md (docs/translations.md)')
    .option('--status', 'every module and language: up to date, drifted (what changed), not marked, invalid or missing')
    .option('--json', 'with --status: print JSON')
    .option('--curriculum <dir>', curriculumHelp, collect)
    .addHelpText('after', '\nExamples:\n  $ iop translate --mark coping-with-cravings es\n  $ iop translate --status\n  $ iop translate --status es --json')
    .action((args: string[], options) => run(async () => (await import('./commands/translate.js')).translateCommand(io, args, options)))

  program
    .command('schema')
    .description('print a JSON Schema: module frontmatter (default) or program files')
    .argument('[which]', 'module or program', 'module')
    .addHelpText('after', '\nExamples:\n  $ iop schema > schema/module.schema.json\n  $ iop schema program > schema/program.schema.json')
    .action((which: string) => run(async () => (await import('./commands/schema.js')).schemaCommand(io, which, (await import('./schedule/program-schema.js')).programJsonSchema)))

  return program
}

/** Exit code of a usage or configuration mistake (a UserError, a bad option). */
const usageExitCode = 2

/** Exit code of an internal error: a bug in iop, not the user's mistake. */
const internalExitCode = 3

/**
 * Run the CLI with arguments, turning user errors into messages.
 *
 * @param argv Arguments after the program name.
 * @param io Streams and working directory.
 * @returns The exit code (0, 1, usageExitCode or internalExitCode).
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0
  const program = createProgram(io, (c) => {
    code = c
  })
  try {
    await program.parseAsync(argv, {from: 'user'})
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has printed the rest.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : usageExitCode
    }
    if (error instanceof UserError) {
      io.stderr(`iop: ${error.message}\n`)
      return usageExitCode
    }
    io.stderr(`iop: internal error: ${(error as Error).message}\nPlease report this with the command you ran.\n`)
    return internalExitCode
  } finally {
    // What this command linted is kept for the next one (a failed command's too: each result stands alone).
    defaultLintCache()?.save()
    useLintCache(undefined)
  }
  return code
}
