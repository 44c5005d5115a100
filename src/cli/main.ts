#!/usr/bin/env node
/**
 * `npx react-consent-policy <command>`: the shop's tools, for its servers and its CI. Each command lives in
 * a module of its own, loaded when named, so that one command's dependencies never load for another.
 */

type Command = {
  /** One line for the usage text. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process's exit code. */
  load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
};

const commands: Record<string, Command> = {
  'consent-log': {
    summary: "the shop's consent log: export, find, stats, verify, serve",
    load: () => import('./consent-log-command'),
  },
  scan: {
    summary: 'check a site against its policy in Chromium, in every consent state',
    load: () => import('./scan-command'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(14)}${command.summary}`);
  return ['Usage: react-consent-policy <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
