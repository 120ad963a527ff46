import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { MzError } from './errors.js';

/**
 * Where `EMULATOR SAVE` may write. Any client can send it, so it must not be
 * a way to write any file the emulator's process can: only the state file
 * given at start, or a `.json` file directly inside a folder named for saves.
 */
export interface SaveTargets {
  readonly stateFile?: string;
  readonly directory?: string;
}

export function resolveSaveTarget(targets: SaveTargets, given: string | undefined): string {
  if (given === undefined) {
    if (targets.stateFile !== undefined) return targets.stateFile;
    throw refused('EMULATOR SAVE without a file name saves the state file, and this emulator was started without one (--state)');
  }
  if (targets.stateFile !== undefined && resolve(given) === resolve(targets.stateFile)) return targets.stateFile;
  if (targets.directory !== undefined) {
    const folder = resolve(targets.directory);
    const file = resolve(folder, given);
    const inside = relative(folder, file);
    if (inside !== '' && !isAbsolute(inside) && dirname(inside) === '.' && basename(inside).endsWith('.json') && !basename(inside).startsWith('.')) return file;
  }
  const allowed = [
    ...(targets.stateFile !== undefined ? [`the state file (${targets.stateFile})`] : []),
    ...(targets.directory !== undefined ? [`a .json file directly in ${targets.directory}`] : []),
  ];
  throw refused(
    allowed.length === 0
      ? `EMULATOR SAVE '${given}' refused: this emulator was started without a state file or a save folder (--state, --save-dir)`
      : `EMULATOR SAVE '${given}' refused: it may write only ${allowed.join(' or ')}`,
  );
}

function refused(message: string): MzError {
  // insufficient_privilege, as a server refuses a client a file it may not write.
  return new MzError(message, { sqlstate: '42501' });
}
