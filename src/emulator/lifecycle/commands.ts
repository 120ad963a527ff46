import { tokenize } from '../../sql/lexer.js';
import { MzError } from '../errors.js';
import type { Outcome } from '../outcome.js';
import type { Lifecycle } from './lifecycle.js';
import type { LifecycleSettings } from './settings.js';

/**
 * The lifecycle's `EMULATOR` commands, tried before the others:
 *
 *   EMULATOR ACCEPT PRIVATELINK 'name'          -- the endpoint service accepts: `available`
 *   EMULATOR REJECT PRIVATELINK 'name'          -- `rejected`
 *   EMULATOR DELETE TOPIC 'orders'              -- sources on the topic stall (topic was deleted)
 *   EMULATOR STALL SOURCE 'name' WITH 'error'   -- the source stalls with this error
 *
 * Names are `name`, `schema.name` or `database.schema.name`. Returns
 * undefined for any other command.
 */
export async function runLifecycleCommand(lifecycle: Lifecycle, settings: LifecycleSettings, text: string): Promise<Outcome | undefined> {
  const tokens = tokenize(text).filter((t) => t.kind !== 'eof');
  const words = tokens.map((t) => (t.kind === 'word' ? t.value : t.kind === 'string' ? `'` : t.value));
  const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.value);
  const shape = words.slice(1).join(' ');
  switch (shape) {
    case "accept privatelink '":
      await lifecycle.settlePrivateLink(strings[0] ?? '', 'available');
      return { tag: 'EMULATOR ACCEPT PRIVATELINK' };
    case "reject privatelink '":
      await lifecycle.settlePrivateLink(strings[0] ?? '', 'rejected');
      return { tag: 'EMULATOR REJECT PRIVATELINK' };
    case "delete topic '":
      settings.deletedTopics.add(strings[0] ?? '');
      await lifecycle.reconcile();
      return { tag: 'EMULATOR DELETE TOPIC' };
    case "stall source ' with '":
      await lifecycle.stallSource(strings[0] ?? '', strings[1] ?? '');
      return { tag: 'EMULATOR STALL SOURCE' };
    default:
      if (['accept', 'reject', 'delete', 'stall'].includes(words[1] ?? '')) {
        throw new MzError(`Expected ${LIFECYCLE_FORMS[words[1] as keyof typeof LIFECYCLE_FORMS]}, found ${text.trim()}`, { sqlstate: '42601' });
      }
      return undefined;
  }
}

const LIFECYCLE_FORMS = {
  accept: "ACCEPT PRIVATELINK 'name'",
  reject: "REJECT PRIVATELINK 'name'",
  delete: "DELETE TOPIC 'topic'",
  stall: "STALL SOURCE 'name' WITH 'error'",
} as const;
