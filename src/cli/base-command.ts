import { constants } from 'node:os';
import { Command, Errors, Flags, type Interfaces } from '@oclif/core';
import { describeFailure, failureJson, renderFailure } from './failure.js';

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>;
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * The base of every mzform command. It parses flags once (subclasses read
 * `this.flags` and `this.args`) and owns error reporting, so that every
 * command fails the same way:
 * - an `MzformError` prints `Error: <message>` and its hint, and exits with the
 *   error's own exit code;
 * - a flag or argument error exits 3 (invalid input), never oclif's default 2;
 * - anything else prints one line and exits 1;
 * - stacks only with `--debug`; with `--json`, the failure is a JSON object on stdout.
 * Secret values cannot reach these messages: errors never hold them.
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override baseFlags = {
    help: Flags.help({ char: 'h', description: 'Show this help.', helpGroup: 'GLOBAL' }),
    debug: Flags.boolean({
      description: 'Show stack traces and internal details of errors.',
      helpGroup: 'GLOBAL',
    }),
  };

  protected flags!: BaseFlags<T>;
  protected args!: BaseArgs<T>;

  public override async init(): Promise<void> {
    await super.init();
    stopOnSignals((line) => this.logToStderr(line));
    const { args, flags } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    });
    this.flags = flags as BaseFlags<T>;
    this.args = args as BaseArgs<T>;
  }

  protected override async catch(err: Error): Promise<never> {
    // `this.exit(n)` (e.g. exit 2 for "changes present") is not a failure: let oclif finish it.
    if (err instanceof Errors.ExitError) throw err;
    const failure = describeFailure(err);
    if (this.jsonEnabled()) {
      this.logJson(failureJson(failure));
    } else {
      // Flags may not be parsed when parsing itself failed; argv still says whether --debug was asked for.
      const debug = this.flags?.debug ?? this.argv.includes('--debug');
      this.logToStderr(renderFailure(failure, debug));
    }
    // Throws oclif's ExitError, which oclif turns into the exit code without printing anything more.
    return this.exit(failure.exitCode);
  }
}

/**
 * Ctrl-C (or SIGTERM / SIGHUP from CI) during a command that does not handle
 * it itself (plan, drift, validate, ...): one line, then exit 128 + the
 * signal's number (130 for Ctrl-C), as README's exit codes say, with exit
 * handlers run (the emulator's state-file lock is released). A command with
 * its own handler (apply stops between statements) takes the signal instead.
 */
function stopOnSignals(log: (line: string) => void): void {
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      if (process.listenerCount(name) > 1) return;
      log(`Interrupted (${name === 'SIGINT' ? 'Ctrl-C' : name}): stopped before finishing; nothing was changed.`);
      process.exit(128 + (constants.signals[name] ?? 2));
    };
    process.on(name, onSignal);
  }
}
