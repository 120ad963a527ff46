import { displayName, nameKey } from '../model/index.js';
import { formatElapsed } from './wait/progress-format.js';
import { type ApplyReport, type ObjectOutput, type StepResult, countByStatus } from './report.js';

/** Shared wording of the apply report, so text and markdown say the same thing. Pure. */

export function reportHeadline(report: ApplyReport): string {
  const c = countByStatus(report.steps);
  const counts = [`${c.done} done`, ...(c.failed > 0 ? [`${c.failed} failed`] : []), ...(c['not-run'] > 0 ? [`${c['not-run']} not run`] : [])].join(', ');
  switch (report.outcome) {
    case 'no-changes':
      return 'No changes: nothing to apply.';
    case 'applied':
      return `Apply complete: ${counts}.`;
    case 'failed':
      return `Apply failed: ${counts}.`;
    case 'interrupted':
      return `Apply interrupted: ${counts}.`;
  }
}

export function stepLabel(step: StepResult): string {
  const action = step.action === 'replace' ? `replace (${step.phase ?? 'drop'})` : step.action;
  return `step ${step.id}: ${action} ${step.objectKind} ${displayName(step.name)}`;
}

/** What happened to a step that did not finish, beyond the server's message. */
export function stepNote(step: StepResult): string | undefined {
  if (step.status !== 'failed') return undefined;
  const partial = step.statementsRun > 0 ? `${step.statementsRun} of ${step.statementsTotal} statements ran. ` : '';
  const lost = step.error?.connectionLost ? 'The connection dropped: the statement may or may not have taken effect. ' : '';
  return `${partial}${lost}`.trim() || undefined;
}

export const AFTER_FAILURE =
  'Nothing after the failed statement ran. Fix the cause and run mzform apply again: it plans from what is in the catalog now and converges.';

export const AFTER_INTERRUPT = 'Stopped by Ctrl-C between statements. Run mzform apply again to finish: it plans from what is in the catalog now.';

/** The heading of one output, and what to do with its values. */
export function outputInstructions(output: ObjectOutput): { title: string; instruction: string; values: string[] } {
  const name = displayName(output.name);
  switch (output.type) {
    case 'ssh-tunnel':
      return {
        title: `SSH tunnel ${name}`,
        instruction: "Add both public keys to the bastion user's ~/.ssh/authorized_keys:",
        values: output.publicKeys ? [...output.publicKeys] : [],
      };
    case 'aws-privatelink':
      return {
        title: `PrivateLink connection ${name}`,
        instruction: "Add this principal to the VPC endpoint service's allowed principals (and accept the endpoint connection if required):",
        values: output.principal !== undefined ? [output.principal] : [],
      };
    case 'aws':
      return {
        title: `AWS connection ${name}`,
        instruction: "Use this external id in the IAM role's trust policy (sts:ExternalId):",
        values: output.externalId !== undefined ? [output.externalId] : [],
      };
  }
}

/** `0.12 s`, `12.3 s`, `1m05s`: short steps are told apart, long ones read easily. */
export function formatSeconds(ms: number): string {
  if (ms >= 60_000) return formatElapsed(ms);
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/**
 * What the steps that ran did, by object, in the order of the plan's
 * summary: `2 created, 1 altered, 1 replaced, 0 dropped`. A replace counts
 * once, when its new object exists; one whose old object was dropped and
 * whose new one was not made counts as dropped.
 */
export function changeCounts(steps: readonly StepResult[]): string {
  let created = 0;
  let altered = 0;
  let dropped = 0;
  let replaced = 0;
  const replaceDropped = new Set<string>();
  for (const s of steps) {
    if (s.status !== 'done') continue;
    switch (s.action) {
      case 'create':
        created++;
        break;
      case 'alter':
        altered++;
        break;
      case 'drop':
        dropped++;
        break;
      case 'replace':
        if (s.phase === 'drop') replaceDropped.add(nameKey(s.name));
        else {
          replaced++;
          replaceDropped.delete(nameKey(s.name));
        }
        break;
    }
  }
  return `${created} created, ${altered} altered, ${replaced} replaced, ${dropped + replaceDropped.size} dropped`;
}
