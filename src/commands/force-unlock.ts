import { Args, Flags } from '@oclif/core';
import { describeHolder, parseLockSchema, runForceUnlock, lockObjectName } from '../apply/index.js';
import { BaseCommand } from '../cli/base-command.js';
import { InputError } from '../errors.js';
import { displayName } from '../model/index.js';

export default class ForceUnlock extends BaseCommand<typeof ForceUnlock> {
  static override summary = 'Clear the apply lock left behind by a run that died.';

  static override description = `mzform apply holds a lock (the secret __mzform_lock in --lock-schema) while it runs and releases it on success, failure and Ctrl-C. A run that was killed (kill -9, a lost machine) leaves it behind, and later applies are refused naming its holder.

Give the run id from that message: only the lock of that run is cleared, so a lock a live run took since is never removed. --force clears whatever lock is there. Make sure the run is really gone: two applies at once can leave the catalog half changed.

Exit codes: 0 cleared or no lock, 1 error, 3 bad flags, 4 refused (another run holds the lock, or neither a run id nor --force was given).`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> 3f2a9c1e-0b7d-4c7e-9d51-2b8f0c6a1e44',
    '<%= config.bin %> <%= command.id %> --force --lock-schema analytics.ingest',
  ];

  static override args = {
    run_id: Args.string({ description: 'The run id of the holder, as printed by the refused apply.', required: false }),
  };

  static override flags = {
    url: Flags.string({ description: 'Materialize connection URL. Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Use an in-process Materialize emulator (with --emulator-state).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file and save it back.', dependsOn: ['emulator'] }),
    'lock-schema': Flags.string({ description: 'Where the lock secret lives, as database.schema.', default: 'materialize.public' }),
    force: Flags.boolean({ description: 'Clear the lock whoever holds it.' }),
  };

  public async run(): Promise<{ cleared: boolean; holder?: string }> {
    const flags = this.flags;
    const runId = this.args.run_id;
    if (runId === undefined && !flags.force) {
      throw new InputError('lock.needs-run-id', 'give the run id of the lock to clear (printed by the refused apply), or --force', {
        hint: 'mzform force-unlock <run-id>',
      });
    }
    const location = parseLockSchema(flags['lock-schema']);
    const outcome = await runForceUnlock({
      location,
      ...(runId !== undefined ? { runId } : {}),
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
    });
    const where = displayName(lockObjectName(location));
    if (!outcome.cleared) {
      this.log(`No lock: ${where} does not exist, nothing to clear.`);
      return { cleared: false };
    }
    this.log(`Cleared the lock ${where}, held by ${describeHolder(outcome.holder)}.`);
    return { cleared: true, holder: describeHolder(outcome.holder) };
  }
}
