import { Args, loadHelpClass } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';

export default class Help extends BaseCommand<typeof Help> {
  static override summary = 'Show the help of mzform or of one command.';

  static override examples = ['<%= config.bin %> <%= command.id %> plan', '<%= config.bin %> <%= command.id %> catalog dump'];

  static override args = {
    command: Args.string({ description: 'The command, e.g. plan or catalog dump.', required: false }),
  };

  // `help catalog dump`: the words of a command in a topic are separate arguments.
  static override strict = false;

  public async run(): Promise<void> {
    const HelpClass = await loadHelpClass(this.config);
    await new HelpClass(this.config).showHelp(this.argv.filter((a) => a !== '--debug'));
  }
}
