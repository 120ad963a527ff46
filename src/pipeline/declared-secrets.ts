import { UnreadSecretValue } from '../manifest/index.js';
import type { DesiredState } from '../model/index.js';

/**
 * Every secret value the manifest declares, to remove from server messages.
 * Not only those a plan sets: a server error may quote any value it knows
 * (a user name held in a secret, a certificate). Revealed only for redaction.
 * A value a read-only command did not read is not known here, so there is
 * nothing of it to remove.
 */
export function declaredSecretValues(desired: DesiredState): string[] {
  return desired.objects.flatMap((o) => (o.kind === 'secret' && o.value !== undefined && !(o.value instanceof UnreadSecretValue) ? [o.value.reveal()] : []));
}
