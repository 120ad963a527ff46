import { createInterface } from 'node:readline/promises';
import { Args, Flags } from '@oclif/core';
import {
  type ApplyReportJson,
  type StepResult,
  currentHolder,
  parseAllowedHazards,
  parseDuration,
  parseLockSchema,
  renderApplyJson,
  renderApplyMarkdown,
  renderApplyText,
  runApply,
  toApplyReportJson,
} from '../apply/index.js';
import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags } from '../cli/manifest-flags.js';
import { InputError, RefusedError, RuntimeError } from '../errors.js';
import { displayName } from '../model/index.js';
import { renderPlanMarkdown, renderPlanText } from '../output/index.js';
import { type Plan, toPlanFile } from '../plan/index.js';

export default class Apply extends BaseCommand<typeof Apply> {
  static override summary = 'Change Materialize to match the manifest (or run a saved plan).';

  static override description = `With -f, plans like mzform plan, shows the plan and asks for confirmation (on a terminal; elsewhere --auto-approve is required), then runs it. With a PLAN file (from mzform plan --out), runs exactly that plan without asking, after checking that no object it read has changed since (a stale plan is refused).

Steps run one statement per round trip, in autocommit, in dependency order, and stop at the first failure; every step is reported as done, failed (with the server's message, secret values removed) or not run. Running apply again after a failure converges: it plans from what is in the catalog.

Steps with hazards (drop, source-recreate, ssh-key-loss, ...) are refused unless --allow-hazards names them. Two applies never run at once: apply takes a lock (the secret ${'`'}__mzform_lock${'`'} in --lock-schema) and fails at once, or waits up to --lock-timeout, naming the holder; mzform force-unlock clears a lock left by a run that died. The lock is released on success, on failure and on Ctrl-C.

Afterwards apply prints what to configure next: the public keys of each SSH tunnel, the principal of each PrivateLink connection, the external id of each AWS connection (mzform outputs prints them at any time). --validate runs VALIDATE CONNECTION on the connections it created or altered.

Exit codes: 0 applied or nothing to do, 1 a statement failed (or Ctrl-C), 3 invalid manifest, plan file or flags, 4 refused (hazards not allowed, stale plan, lock held, not confirmed).`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --auto-approve --allow-hazards drop,source-recreate',
    '<%= config.bin %> <%= command.id %> plan.json --lock-timeout 5m',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --target privatelink_svc --auto-approve',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --emulator --emulator-state .mzform-emulator.json --auto-approve',
  ];

  static override args = {
    plan: Args.string({ description: 'A plan saved by mzform plan --out; without it, the manifest (-f) is planned and applied.', required: false }),
  };

  static override flags = {
    file: manifestFlags.file,
    environment: manifestFlags.environment,
    url: Flags.string({ description: 'Materialize connection URL (postgres://user:password@host:6875/materialize?sslmode=require). Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Apply to an in-process Materialize emulator (empty unless --emulator-state is given).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file and save it back after the run.', dependsOn: ['emulator'] }),
    format: Flags.string({ description: 'Output format of the plan and the report.', options: ['text', 'markdown', 'json'], default: 'text' }),
    'auto-approve': Flags.boolean({ description: 'Apply without asking for confirmation (required without a terminal).' }),
    'allow-hazards': Flags.string({ description: 'Hazard codes to allow, comma-separated (repeatable), e.g. drop,source-recreate.', multiple: true }),
    'lock-timeout': Flags.string({ description: 'How long to wait for another apply to release the lock: 0 (fail at once), 30s, 5m.', default: '0' }),
    'lock-schema': Flags.string({ description: 'Where the lock secret lives, as database.schema. Every run against one Materialize must use the same.', default: 'materialize.public' }),
    target: Flags.string({ description: 'Apply only this object and what it depends on (repeatable); the rest waits for a later run.', multiple: true }),
    validate: Flags.boolean({ description: 'Run VALIDATE CONNECTION on the connections created or altered and report each result.' }),
    'validate-strict': Flags.boolean({ description: 'With --validate, exit 1 when a connection does not validate.', dependsOn: ['validate'] }),
    prune: Flags.boolean({ description: 'Drop objects in the managed schemas that the manifest does not list.' }),
    'rotate-secret': Flags.string({ description: 'Set this secret again even if its fingerprint matches (repeatable).', multiple: true }),
  };

  public async run(): Promise<{ plan: ReturnType<typeof toPlanFile>; apply: ApplyReportJson }> {
    const flags = this.flags;
    const format = flags.format as 'text' | 'markdown' | 'json';
    const timeoutMs = parseDuration(flags['lock-timeout']);
    if (timeoutMs === undefined) throw new InputError('flags.lock-timeout', `--lock-timeout ${flags['lock-timeout']}: expected a duration such as 0, 30s, 5m or 1500ms`);
    const savedPlan = this.args.plan;
    if (savedPlan !== undefined && (flags.target?.length || flags.prune || flags['rotate-secret']?.length)) {
      throw new InputError('flags.saved-plan', '--target, --prune and --rotate-secret shape a new plan; a saved plan is applied as it is', {
        hint: 'Give them to mzform plan --out instead.',
      });
    }
    const allowHazards = parseAllowedHazards(flags['allow-hazards'] ?? []);
    const debug = flags.debug ? (line: string) => this.logToStderr(`debug: ${line}`) : undefined;

    // Ctrl-C: stop between statements, release the lock and report. A second Ctrl-C leaves at once.
    const interrupt = new AbortController();
    let interrupts = 0;
    const onSigint = () => {
      interrupts++;
      if (interrupts > 1) process.exit(130);
      this.logToStderr('Interrupted: finishing the statement under way, then releasing the lock (Ctrl-C again to quit now).');
      interrupt.abort();
    };
    process.on('SIGINT', onSigint);

    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    try {
      const { plan, report } = await runApply({
        input: savedPlan !== undefined ? { kind: 'plan-file', file: savedPlan } : { kind: 'manifest', file: flags.file },
        ...(flags.environment !== undefined ? { environment: flags.environment } : {}),
        ...(flags.url !== undefined ? { url: flags.url } : {}),
        env: process.env,
        ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
        prune: flags.prune,
        rotateSecrets: flags['rotate-secret'] ?? [],
        targets: flags.target ?? [],
        allowHazards,
        lock: { location: parseLockSchema(flags['lock-schema']), holder: currentHolder(process.env), timeoutMs },
        validate: flags.validate,
        signal: interrupt.signal,
        showPlan: (p) => {
          if (format === 'text') process.stdout.write(`${flags.environment !== undefined && savedPlan === undefined ? `Environment: ${flags.environment}\n\n` : ''}${renderPlanText(p, { color })}\n`);
          if (format === 'markdown') process.stdout.write(`${renderPlanMarkdown(p)}\n`);
        },
        ...(savedPlan === undefined && !flags['auto-approve'] ? { confirm: (p: Plan) => this.confirm(p, interactive, interrupt.signal) } : {}),
        ...(format === 'text' ? { onStep: (r: StepResult) => this.logToStderr(progressLine(r)) } : {}),
        warn: (line) => this.logToStderr(`Warning: ${line}`),
        ...(debug ? { debug } : {}),
      });

      process.stdout.write(format === 'json' ? renderApplyJson(toPlanFile(plan), report) : format === 'markdown' ? renderApplyMarkdown(report) : renderApplyText(report));

      const failed = report.steps.find((s) => s.status === 'failed');
      if (report.outcome === 'failed' && failed) {
        throw new RuntimeError('apply.failed', `apply failed at step ${failed.id} (${failed.action} ${failed.objectKind} ${displayName(failed.name)}): ${failed.error?.message ?? 'unknown error'}`, {
          hint: 'Fix the cause and run mzform apply again: it plans from what is in the catalog now.',
        });
      }
      if (report.outcome === 'interrupted') throw new RuntimeError('apply.interrupted', 'apply interrupted by Ctrl-C; the steps not run are listed above');
      const invalid = report.validations?.filter((v) => !v.ok) ?? [];
      if (flags['validate-strict'] && invalid.length > 0) {
        throw new RuntimeError('apply.validation-failed', `${invalid.length} connection${invalid.length === 1 ? '' : 's'} did not validate: ${invalid.map((v) => displayName(v.name)).join(', ')}`);
      }
      return { plan: toPlanFile(plan), apply: toApplyReportJson(report) };
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }

  /** Terraform's rule: only "yes" applies. Without a terminal there is no one to ask. */
  private async confirm(plan: Plan, interactive: boolean, signal: AbortSignal): Promise<boolean> {
    if (!interactive) {
      throw new RefusedError('apply.needs-approval', 'no terminal to ask for confirmation on: nothing was changed', {
        hint: 'Review the plan above and pass --auto-approve, or save it with mzform plan --out plan.json and run mzform apply plan.json.',
      });
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const n = plan.steps.length;
      const answer = await rl.question(`Run these ${n} step${n === 1 ? '' : 's'} against Materialize? Only 'yes' will be accepted: `, { signal });
      return answer.trim() === 'yes';
    } catch {
      return false;
    } finally {
      rl.close();
    }
  }
}

function progressLine(r: StepResult): string {
  const what = `${r.action === 'replace' ? `replace (${r.phase ?? 'drop'})` : r.action} ${r.objectKind} ${displayName(r.name)}`;
  return r.status === 'done' ? `step ${r.id}: ${what}: done` : `step ${r.id}: ${what}: FAILED`;
}
