import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json';
import { TandemFailure, toTandemError } from '../shared/errors';
import { registerRunCommand } from './collection-run';
import { registerCollections } from './commands/collections';
import { registerCompareCommands } from './commands/compare';
import { registerCookies } from './commands/cookies';
import { registerEnv } from './commands/env';
import { registerInterop } from './commands/interop';
import { registerLogin } from './commands/login';
import { registerProfiles } from './commands/profiles';
import { registerSend } from './commands/send';
import { registerServe } from './commands/serve';
import { EXIT_OK, EXIT_USAGE, type ExitCode, errorLine, exitCodeFor } from './exit';
import { partialLines } from './output';
import type { CliIO } from './session';

export const VERSION: string = packageJson.version;

/** The whole command tree. Commander never exits or prints errors itself: `runCli` does. */
export function buildProgram(io: CliIO): Command {
  const program = new Command('tandem')
    .description('Test APIs as several users at once: every profile has its own cookie jar')
    .version(VERSION, '-V, --version')
    .option('--data-dir <dir>', 'workspace directory (default: $TANDEM_HOME, else the app data folder)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Help is laid out for 80 columns whatever the terminal, so bin/tandem.js can print the
      // top-level help saved at build time without loading the CLI.
      getOutHelpWidth: () => 80,
      // Usage errors (and the help commander shows for a missing subcommand) are reported
      // by runCli as one line on stderr; commander only raises them.
      writeErr: () => {},
      outputError: () => {},
    })
    .showSuggestionAfterError(true);
  registerSend(program, io);
  registerCookies(program, io);
  registerProfiles(program, io);
  registerServe(program, io);
  registerRunCommand(program, io);
  registerCompareCommands(program, io);
  registerCollections(program, io);
  registerLogin(program, io);
  registerInterop(program, io);
  registerEnv(program, io);
  return program;
}

/** "'tandem cookies' needs a command: list, set, …" for the deepest command named on the line. */
export function missingCommand(program: Command, argv: string[]): string {
  let cmd = program;
  const path = ['tandem'];
  for (const word of argv) {
    const sub = cmd.commands.find((c) => c.name() === word);
    if (!sub) continue;
    cmd = sub;
    path.push(word);
  }
  const names = cmd.commands.map((c) => c.name()).join(', ');
  return `'${path.join(' ')}' needs a command: ${names}`;
}

/**
 * Runs one command line. Returns the exit code; on failure prints exactly one line on stderr
 * (`tandem: Unknown profile 'carol'`). Never throws.
 */
export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.out(program.helpInformation());
    return EXIT_OK;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT_OK; // --help, --version, `tandem help`
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') {
        io.err(`${errorLine(missingCommand(program, argv))}\n`);
        return EXIT_USAGE;
      }
      io.err(`${errorLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    const error = e instanceof TandemFailure ? e.toError() : toTandemError(e);
    io.err(`${errorLine(error.message)}\n`);
    if (error.partial) io.err(partialLines(error.partial));
    return exitCodeFor(error.code);
  }
}
