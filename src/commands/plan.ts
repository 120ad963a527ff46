import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { parseDuration } from '../apply/index.js';
import { manifestFlags, manifestLabel } from '../cli/manifest-flags.js';
import { EXIT_CODES, InputError, RuntimeError } from '../errors.js';
import { type MarkdownOptions, renderPlanJson, renderPlanMarkdown, renderPlanText } from '../output/index.js';
import { DEFAULT_ENVIRONMENT, PLAN_COMMENT_BUDGET, planCommentMarker } from '../github/index.js';
import { fingerprintKeyFrom, runPlanPipeline } from '../pipeline/index.js';
import { hasChanges, savedPlanContext, serializeSavedPlan, type PlanFile, toPlanFile } from '../plan/index.js';

export default class Plan extends BaseCommand<typeof Plan> {
  static override summary = 'Show what apply would change in Materialize to match the manifest.';

  static override description = `Reads the manifest and the live catalog (a fixed number of queries), compares them field by field and prints the ordered steps: + create, ~ alter in place, -/+ replace (drop and create again), - drop, each with its hazards and the exact SQL apply will run. Secret values never appear.

Connects to --url, else MZFORM_URL, else the standard PG* variables; --emulator plans against an in-process emulator instead. Objects in the manifest's schemas that it does not list are shown, and dropped only with --prune (or "prune: true" in the manifest).

Secret values cannot be read back: set MZFORM_FINGERPRINT_KEY so mzform can compare them through the keyed fingerprint it keeps in each secret's comment. --rotate-secret sets a secret again regardless.

Exit codes: 0 success, 1 error, 3 invalid manifest or flags; with --detailed-exitcode, 0 no changes, 2 changes present.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --url postgres://user@host:6875/materialize?sslmode=require',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --emulator',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format markdown --environment production > plan.md',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --catalog catalog.json',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --out plan.json --detailed-exitcode',
  ];

  static override flags = {
    file: manifestFlags.file,
    url: Flags.string({ description: 'Materialize connection URL (postgres://user:password@host:6875/materialize?sslmode=require). Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Plan against an in-process Materialize emulator (empty unless --emulator-state is given).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file.', dependsOn: ['emulator'] }),
    catalog: Flags.string({
      description: 'Plan against a catalog dump (from `mzform catalog dump`) instead of connecting: no database credentials needed.',
      exclusive: ['url', 'emulator'],
    }),
    format: Flags.string({ description: 'Output format.', options: ['text', 'markdown', 'json'], default: 'text' }),
    environment: manifestFlags.environment,
    out: Flags.string({ description: 'Also save the plan, as JSON with the catalog fingerprints, to this file.' }),
    'detailed-exitcode': Flags.boolean({ description: 'Exit 0 when there are no changes, 2 when there are, 1 on error.' }),
    prune: Flags.boolean({ description: 'Drop objects in the managed schemas that the manifest does not list.' }),
    'rotate-secret': Flags.string({ description: 'Set this secret again even if its fingerprint matches (repeatable).', multiple: true }),
    'statement-timeout': Flags.string({ description: 'How long one catalog query may wait for its answer (0: no limit).', default: '5m' }),
  };

  public async run(): Promise<PlanFile> {
    const flags = this.flags;
    const debug = flags.debug ? (line: string) => this.logToStderr(`debug: ${line}`) : undefined;
    const fingerprintKey = fingerprintKeyFrom(process.env);
    const statementTimeoutMs = parseDuration(flags['statement-timeout']);
    if (statementTimeoutMs === undefined) throw new InputError('flags.statement-timeout', `--statement-timeout ${flags['statement-timeout']}: expected a duration such as 0, 30s, 5m or 1500ms`);
    const { plan, desired, actual } = await runPlanPipeline({
      statementTimeoutMs,
      file: flags.file,
      ...(flags.environment !== undefined ? { environment: flags.environment } : {}),
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
      ...(flags.catalog !== undefined ? { catalogFile: flags.catalog } : {}),
      prune: flags.prune,
      rotateSecrets: flags['rotate-secret'] ?? [],
      ...(debug ? { debug } : {}),
    });

    if (flags.out !== undefined) {
      try {
        const context = savedPlanContext(plan, actual, {
          manifest: flags.file,
          ...(flags.environment !== undefined ? { environment: flags.environment } : {}),
          prune: flags.prune === true,
          rotateSecrets: flags['rotate-secret'] ?? [],
          fingerprintKey,
        });
        await writeFile(flags.out, serializeSavedPlan(plan, context));
      } catch (err) {
        throw new RuntimeError('plan.write-failed', `cannot write ${flags.out}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }

    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    const rendered =
      flags.format === 'json'
        ? renderPlanJson(plan, desired.environment !== undefined ? { environment: desired.environment } : {})
        : flags.format === 'markdown'
          ? renderPlanMarkdown(plan, markdownOptions(manifestLabel(flags.file), flags.environment ?? DEFAULT_ENVIRONMENT))
          : `${desired.environment !== undefined ? `Environment: ${desired.environment}\n\n` : ''}${renderPlanText(plan, { color })}`;
    process.stdout.write(rendered);

    if (flags['detailed-exitcode'] && hasChanges(plan)) this.exit(EXIT_CODES.changesPresent);
    return toPlanFile(plan);
  }
}

/** For GitHub: the sticky-comment marker, the manifest and environment in the heading, and a length that fits a comment. */
function markdownOptions(manifest: string, environment: string): MarkdownOptions {
  return {
    marker: planCommentMarker({ manifest, environment }),
    subject: environment === DEFAULT_ENVIRONMENT ? manifest : `${manifest} (${environment})`,
    maxLength: PLAN_COMMENT_BUDGET,
  };
}
