import os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { Args, Flags } from '@oclif/core';
import {
  type ApplyOptions,
  type StopSignal,
  STOP_SIGNALS,
  currentHolder,
  interruptName,
  parseAllowedHazards,
  parseDuration,
  parseLockSchema,
  renderApplyJson,
  renderApplyMarkdown,
  renderApplyText,
  runApply,
  stepProgressWriter,
  toApplyReportJson,
} from '../apply/index.js';
import { applyAndWait } from '../cli/apply-wait.js';
import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags } from '../cli/manifest-flags.js';
import { InputError, RefusedError, RuntimeError } from '../errors.js';
import { displayName } from '../model/index.js';
import { fingerprintKeyFrom } from '../pipeline/index.js';
import { renderPlanMarkdown, renderPlanText } from '../output/index.js';
import { type Plan, toPlanFile } from '../plan/index.js';

export default class Apply extends BaseCommand<typeof Apply> {
  static override summary = 'Change Materialize to match the manifest (or run a saved plan).';

  static override description = `With -f, plans like mzform plan, shows the plan and asks for confirmation (on a terminal; elsewhere --auto-approve is required), then runs it. With a PLAN file (from mzform plan --out), runs exactly that plan without asking, after checking that no object it read has changed since (a stale plan is refused).

Steps run one statement per round trip, in autocommit, in dependency order, and stop at the first failure. Each step is printed once, on stderr, as it ends, with its duration; on a terminal a count (step 12/40) and the time elapsed are redrawn in place below, elsewhere (CI) the lines are plain. The text report then counts what was created, altered, replaced and dropped, and shows a failed step with the server's message (secret values removed); the Markdown and JSON reports list every step as done, failed or not run. Running apply again after a failure converges: it plans from what is in the catalog.

Steps with hazards (drop, source-recreate, ssh-key-loss, ...) are refused unless --allow-hazards names them. Two applies never run at once: apply takes a lock (the secret ${'`'}__mzform_lock${'`'} in --lock-schema) and fails at once, or waits up to --lock-timeout, naming the holder; mzform force-unlock clears a lock left by a run that died. The lock is released on success, on failure, on Ctrl-C, SIGTERM and SIGHUP (each stops after the statement under way), and when a time limit runs out: --statement-timeout for one statement, --timeout for the whole run once the lock is held.

Afterwards apply prints what to configure next: the public keys of each SSH tunnel, the principal of each PrivateLink connection, the external id of each AWS connection (mzform outputs prints them at any time). --validate runs VALIDATE CONNECTION on the connections it created or altered.

--wait watches what the apply created or changed until it is healthy: PrivateLink connections until available (saying which principal to allow and which request to accept while pending-acceptance), sources until running with their snapshot committed (a progress bar per snapshot on a terminal, a line every few seconds elsewhere); stalled, failed or rejected ends the wait with Materialize's error. When objects go through SSH tunnels or PrivateLink connections that are not ready, the run has two phases: those connections first (their keys or principal are printed at once), a wait until VALIDATE CONNECTION passes or the PrivateLink is available, then the rest. Ctrl-C or --wait-timeout leave everything applied so far in place: the same command resumes.

Exit codes: 0 applied or nothing to do (with --wait: and healthy), 1 a statement failed (or Ctrl-C), 3 invalid manifest, plan file or flags, 4 refused (hazards not allowed, stale plan, lock held, not confirmed), 5 applied but not healthy (--wait: stalled, failed, rejected, or not ready within --wait-timeout).`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --auto-approve --allow-hazards drop,source-recreate',
    '<%= config.bin %> <%= command.id %> plan.json --lock-timeout 5m',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --target privatelink_svc --auto-approve',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --auto-approve --wait --wait-timeout 15m',
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
    'lock-timeout': Flags.string({ description: 'How long to wait for another apply to release the lock: 0 (fail at once), or a number with its unit: 1500ms, 30s, 5m.', default: '0' }),
    'statement-timeout': Flags.string({ description: 'How long one statement or query may wait for its answer (0: no limit); a statement cut short fails its step.', default: '5m' }),
    timeout: Flags.string({ description: 'Once the lock is held, how long reading the catalog, planning and running the statements may take in all (0: no limit).', default: '60m' }),
    'lock-schema': Flags.string({ description: 'Where the lock secret lives, as database.schema. Every run against one Materialize must use the same.', default: 'materialize.public' }),
    target: Flags.string({ description: 'Apply only this object and what it depends on (repeatable); the rest waits for a later run.', multiple: true }),
    validate: Flags.boolean({ description: 'Run VALIDATE CONNECTION on the connections created or altered and report each result.' }),
    'validate-strict': Flags.boolean({ description: 'With --validate, exit 1 when a connection does not validate.', dependsOn: ['validate'] }),
    prune: Flags.boolean({ description: 'Drop objects in the managed schemas that the manifest does not list.' }),
    'rotate-secret': Flags.string({ description: 'Set this secret again even if its fingerprint matches (repeatable).', multiple: true }),
    wait: Flags.boolean({
      description:
        'After applying, wait until what was created or changed is healthy (PrivateLink available, sources running with their snapshot committed). Tunnels and PrivateLink connections that are not ready are applied and waited for first, then the rest. Exit 5 when not healthy.',
    }),
    'wait-timeout': Flags.string({ description: 'With --wait, how long to wait in all: 30s, 10m.', default: '10m' }),
  };

  public async run(): Promise<object> {
    const flags = this.flags;
    const format = flags.format as 'text' | 'markdown' | 'json';
    const timeoutMs = durationFlag('lock-timeout', flags['lock-timeout']);
    fingerprintKeyFrom(process.env);
    const statementTimeoutMs = durationFlag('statement-timeout', flags['statement-timeout']);
    const overallTimeoutMs = durationFlag('timeout', flags.timeout);
    const savedPlan = this.args.plan;
    if (savedPlan !== undefined && (flags.target?.length || flags.prune || flags['rotate-secret']?.length)) {
      throw new InputError('flags.saved-plan', '--target, --prune and --rotate-secret shape a new plan; a saved plan is applied as it is', {
        hint: 'Give them to mzform plan --out instead.',
      });
    }
    const waitTimeoutMs = parseDuration(flags['wait-timeout']);
    if (waitTimeoutMs === undefined) throw new InputError('flags.wait-timeout', `--wait-timeout ${flags['wait-timeout']}: expected a duration such as 30s, 10m or 1500ms`);
    const allowHazards = parseAllowedHazards(flags['allow-hazards'] ?? []);
    const debug = flags.debug ? (line: string) => this.logToStderr(`debug: ${line}`) : undefined;

    // Each step once, as it ends, on stderr (stdout keeps the plan and the report); a count redrawn in place on a terminal.
    const steps = format === 'text' ? stepProgressWriter(process.stderr) : undefined;
    // Ctrl-C, and SIGTERM / SIGHUP (what CI sends on cancel or timeout): stop between statements, release the lock and report. A second signal leaves at once.
    const interrupt = new AbortController();
    let interrupts = 0;
    const onSignal = (name: StopSignal) => {
      interrupts++;
      if (interrupts > 1) process.exit(128 + (os.constants.signals[name] ?? 2));
      const notice = `Interrupted (${name === 'SIGINT' ? 'Ctrl-C' : name}): finishing the statement under way, then releasing the lock (send it again to quit now).`;
      if (steps) steps.interject(notice);
      else this.logToStderr(notice);
      interrupt.abort(name);
    };
    for (const name of STOP_SIGNALS) process.on(name, onSignal);

    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    try {
      const options: ApplyOptions = {
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
        statementTimeoutMs,
        overallTimeoutMs,
        showPlan: (p) => {
          if (format === 'text') process.stdout.write(`${flags.environment !== undefined && savedPlan === undefined ? `Environment: ${flags.environment}\n\n` : ''}${renderPlanText(p, { color })}\n`);
          if (format === 'markdown') process.stdout.write(`${renderPlanMarkdown(p)}\n`);
        },
        ...(savedPlan === undefined && !flags['auto-approve'] ? { confirm: (p: Plan) => this.confirm(p, interactive, interrupt.signal) } : {}),
        ...(steps ? { onStepStart: (step, p) => steps.started(step, p), onStep: (r, p) => steps.ended(r, p) } : {}),
        warn: (line) => this.logToStderr(`Warning: ${line}`),
        ...(debug ? { debug } : {}),
      };
      if (flags.wait) {
        return applyAndWait(options, { format, timeoutMs: waitTimeoutMs, progress: process.stderr, log: (line) => this.logToStderr(line), ...(steps ? { steps } : {}) });
      }
      const { plan, report } = await runApply(options);
      steps?.finish();
      const elapsedMs = steps?.elapsedMs;

      process.stdout.write(
        format === 'json'
          ? renderApplyJson(toPlanFile(plan), report)
          : format === 'markdown'
            ? renderApplyMarkdown(report)
            : renderApplyText(report, elapsedMs !== undefined ? { elapsedMs } : {}),
      );

      const failed = report.steps.find((s) => s.status === 'failed');
      if (report.outcome === 'failed' && failed) {
        throw new RuntimeError('apply.failed', `apply failed at step ${failed.id} (${failed.action} ${failed.objectKind} ${displayName(failed.name)}): ${failed.error?.message ?? 'unknown error'}`, {
          hint: 'Fix the cause and run mzform apply again: it plans from what is in the catalog now.',
        });
      }
      if (report.outcome === 'interrupted') throw new RuntimeError('apply.interrupted', `apply interrupted by ${interruptName(interrupt.signal)}; the steps not run are counted above`);
      const invalid = report.validations?.filter((v) => !v.ok) ?? [];
      if (flags['validate-strict'] && invalid.length > 0) {
        throw new RuntimeError('apply.validation-failed', `${invalid.length} connection${invalid.length === 1 ? '' : 's'} did not validate: ${invalid.map((v) => displayName(v.name)).join(', ')}`);
      }
      return { plan: toPlanFile(plan), apply: toApplyReportJson(report) };
    } finally {
      steps?.finish();
      for (const name of STOP_SIGNALS) process.removeListener(name, onSignal);
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

function durationFlag(name: string, value: string): number {
  // A bare number is ambiguous (seconds? milliseconds?): only 0 may go without a unit.
  const bare = value.trim();
  if (/^\d+$/.test(bare) && Number(bare) !== 0) throw new InputError(`flags.${name}`, `--${name} ${bare}: give a unit, e.g. ${bare}s, ${bare}m or ${bare}ms`);
  const ms = parseDuration(value);
  if (ms === undefined) throw new InputError(`flags.${name}`, `--${name} ${value}: expected a duration such as 0, 30s, 5m or 1500ms`);
  return ms;
}

