/**
 * Everything a command touches outside itself, passed in so tests run the commands in-process exactly as the `bin`
 * does: the working directory, the environment, the output streams and stdin.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly cwd: string;
  readonly env: Env;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Read for `--from-json -`. */
  readStdin(): Promise<string>;
}

/** The process's own io (bin/pulumi-enos). */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
