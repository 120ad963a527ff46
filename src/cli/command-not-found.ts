import { Errors, type Hook } from '@oclif/core';
import { closestMatch } from '../model/did-you-mean.js';

/**
 * oclif's `command_not_found` hook: a mistyped command names the one meant,
 * and exits 3 like any other usage error.
 */
const commandNotFound: Hook<'command_not_found'> = async function (options) {
  const given = options.id.replaceAll(':', ' ');
  const known = options.config.commands.filter((c) => !c.hidden).map((c) => c.id.replaceAll(':', ' '));
  const near = closestMatch(given, known);
  throw new Errors.CLIError(`unknown command "${given}"${near ? ` (did you mean "${near}"?)` : ''}; mzform --help lists the commands`, { exit: 3 });
};

export default commandNotFound;
