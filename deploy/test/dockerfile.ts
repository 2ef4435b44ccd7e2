import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [base = '', , name] = args.split(/\s+/);
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: upper, args });
    }
  }
  return stages;
}

/** `ENV A=1 B="x y"` → pairs (the legacy `ENV A 1` form too). */
export function parseEnv(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!args.includes('=')) {
    const [k = '', ...rest] = args.split(/\s+/);
    out[k] = rest.join(' ');
    return out;
  }
  for (const [, k, quoted, bare] of args.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g))
    out[k!] = quoted ?? bare ?? '';
  return out;
}

/** A JSON-array (exec form) instruction argument. */
export function execForm(args: string): string[] {
  const start = args.indexOf('[');
  return JSON.parse(args.slice(start)) as string[];
}

export interface ReplayOptions {
  context: string;
  dockerfile: string;
  /** Empty folder that receives one sub-folder per stage (the stage's filesystem root). */
  workRoot: string;
  ignore: (relPath: string) => boolean;
  log?: (line: string) => void;
}

export interface ReplayResult {
  stage: Stage;
  /** Directory standing in for the final stage's WORKDIR. */
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[] | undefined;
  user: string | undefined;
  exposed: number[];
}

/**
 * Replays a Dockerfile without a Docker engine: each stage's filesystem is a folder, COPY copies from
 * the context (minus the .dockerignore patterns) or from an earlier stage, RUN runs the command with
 * the stage's ENV in its WORKDIR. Only what this repository's Dockerfile uses is supported.
 */
export function replayDockerfile(options: ReplayOptions): ReplayResult {
  const stages = parseDockerfile(readFileSync(options.dockerfile, 'utf8'));
  const roots = new Map<string, string>();
  let last: ReplayResult | undefined;
  for (const stage of stages) {
    const root = join(options.workRoot, stage.name);
    mkdirSync(root, { recursive: true });
    roots.set(stage.name, root);
    let workdir = '/';
    const env: Record<string, string> = {};
    let cmd: string[] = [];
    let healthcheck: string[] | undefined;
    let user: string | undefined;
    const exposed: number[] = [];
    const inStage = (p: string): string => join(root, p.startsWith('/') ? p : join(workdir, p));
    for (const { op, args } of stage.instructions) {
      options.log?.(`[${stage.name}] ${op} ${args}`);
      switch (op) {
        case 'WORKDIR':
          workdir = resolve(workdir, args);
          mkdirSync(inStage(workdir), { recursive: true });
          break;
        case 'ENV':
          Object.assign(env, parseEnv(args));
          break;
        case 'COPY': {
          const words = args.split(/\s+/);
          const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
          const paths = words.filter((w) => !w.startsWith('--'));
          const dest = paths.pop()!;
          const sourceRoot = from === undefined ? options.context : roots.get(from);
          if (!sourceRoot) throw new Error(`COPY --from=${from}: unknown stage`);
          for (const src of paths) {
            const source = join(sourceRoot, src);
            if (!existsSync(source))
              throw new Error(`COPY ${src}: not found in ${from ?? 'context'}`);
            const target =
              dest.endsWith('/') || paths.length > 1
                ? join(inStage(dest), basename(src))
                : inStage(dest);
            const filter = (p: string): boolean =>
              from !== undefined || !options.ignore(relative(options.context, p));
            if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true, filter });
            else {
              mkdirSync(resolve(target, '..'), { recursive: true });
              cpSync(source, target);
            }
          }
          break;
        }
        case 'RUN':
          execFileSync('sh', ['-c', args], {
            cwd: inStage(workdir),
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
            maxBuffer: 64 * 1024 * 1024,
          });
          break;
        case 'USER':
          user = args;
          break;
        case 'EXPOSE':
          exposed.push(...args.split(/\s+/).map(Number));
          break;
        case 'HEALTHCHECK':
          healthcheck = execForm(args.slice(args.indexOf('CMD')));
          break;
        case 'CMD':
          cmd = execForm(args);
          break;
        default:
          throw new Error(`unsupported Dockerfile instruction ${op}`);
      }
    }
    last = { stage, workdir: inStage(workdir), env, cmd, healthcheck, user, exposed };
  }
  if (!last) throw new Error('Dockerfile has no stage');
  return last;
}
