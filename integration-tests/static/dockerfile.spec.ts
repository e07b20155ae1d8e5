import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

interface Instruction {
  keyword: string;
  args: string;
}

/** Parses a Dockerfile into instructions (comments dropped, continuation lines joined). */
export const parseDockerfile = (text: string): Instruction[] =>
  text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });

/** FROM lines with the defaults of the ARGs before the first stage put in. */
const resolveArgs = (instructions: Instruction[]): Instruction[] => {
  const first = instructions.findIndex((i) => i.keyword === 'FROM');
  const args = new Map(
    instructions
      .slice(0, first)
      .filter((i) => i.keyword === 'ARG')
      .map((i) => i.args.split('=') as [string, string]),
  );
  return instructions.map((i) =>
    i.keyword === 'FROM'
      ? { ...i, args: i.args.replace(/\$\{(\w+)\}/g, (_m, name: string) => args.get(name) ?? '') }
      : i,
  );
};

describe('Dockerfile', () => {
  const instructions = resolveArgs(
    parseDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')),
  );
  const stages = instructions.filter((i) => i.keyword === 'FROM');

  it('takes every base image by digest, changeable with a build argument', () => {
    for (const stage of stages) expect(stage.args).toMatch(/@sha256:[a-f0-9]{64}( AS \w+)?$/i);
  });
  const finalStage = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]!));

  it('builds with Node.js in a stage of its own with a clean install', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]!.args).toMatch(/nodejs-20|node:20/);
    expect(stages[0]!.args).toMatch(/ AS build$/i);
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => r.startsWith('npm ci'))).toBe(true);
    expect(runs.some((r) => r.includes('npm run build'))).toBe(true);
  });

  it('serves dist/ with an unprivileged nginx as a non-root user, where the chart looks', () => {
    expect(stages[stages.length - 1]!.args).toMatch(/nginx/);
    const copy = finalStage.find((i) => i.keyword === 'COPY');
    expect(copy?.args).toMatch(/--from=build .*\/dist \/opt\/app-root\/src$/);
    const user = finalStage.filter((i) => i.keyword === 'USER').pop();
    expect(user?.args).toMatch(/^[1-9]\d*$/);
    const chartNginx = fs.readFileSync(
      path.join(root, 'charts/pipcache-plugin/templates/configmap.yaml'),
      'utf8',
    );
    expect(chartNginx).toContain('root /opt/app-root/src;');
  });

  it('keeps secrets and local build output out of the image', () => {
    expect(
      instructions
        .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')
        .map((i) => i.args)
        .join(' '),
    ).not.toMatch(/TOKEN|PASSWORD|SECRET/i);
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });
});
