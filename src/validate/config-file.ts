/** The rule configuration's file name (its own module: the commands' help names it without loading the rules). */
export const CONFIG_FILE = '.referatrc.json';
