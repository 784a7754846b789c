/**
 * `npm run chart -- --rules ihi|anhoej|mdc [--chart xmr|p|pp|u|up|c|g|t] [--direction up|down]
 *   [--target N] [--baseline N] FILE`
 *
 * Reads measure data as CSV (`period,value` or `period,numerator,denominator`), applies a rule
 * set (and, for mdc, a control chart) from shared/charts and prints one JSON document (shape:
 * chartJsonSchema; each point's own lower and upper limits) on stdout.
 * Exit codes: 0 success; 1 the file cannot be read or its data is invalid (each problem on
 * stderr, naming its line); 2 the command line is wrong. Nothing goes to stdout on failure.
 */

import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import {
  buildChart,
  CONTROL_CHARTS,
  ChartInputError,
  chartJson,
  DIRECTIONS,
  MAX_REPORTED_ISSUES,
  type MeasureCsv,
  needsDenominators,
  parseMeasureCsv,
  RULE_SETS,
} from '../shared/charts';

const USAGE = `usage: npm run chart -- --rules ihi|anhoej|mdc [--chart xmr|p|pp|u|up|c|g|t] [--direction up|down] [--target N] [--baseline N] FILE.csv

  --rules      ihi (IHI run chart), anhoej (run chart, Anhøj rules) or mdc (control chart, Making Data Count)
  --chart      the control chart for mdc (implies --rules mdc): xmr (default), p or pp (p′, Laney) for
               proportions, u or up (u′, Laney) for rates, c for counts, g for cases between rare
               events, t for time between events; p, pp, u and up need period,numerator,denominator
  --direction  direction of improvement (mdc): up or down; without it special causes are neutral
  --target     target value (mdc): gives the assurance
  --baseline   fix the centre line (and limits) on the first N points
  FILE.csv     header row, then period,value or period,numerator,denominator
`;

const EXIT_INPUT = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const FLAGS = ['rules', 'chart', 'direction', 'target', 'baseline'] as const;
type Flag = (typeof FLAGS)[number];

const numberText = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/, `--${name} must be a number`)
    .transform(Number)
    .pipe(z.number({ error: `--${name} must be a finite number` }).finite());

const argsSchema = z
  .object({
    rules: z
      .enum(RULE_SETS, { error: `--rules must be one of ${RULE_SETS.join(', ')}` })
      .optional(),
    chart: z
      .enum(CONTROL_CHARTS, { error: `--chart must be one of ${CONTROL_CHARTS.join(', ')}` })
      .optional(),
    direction: z
      .enum(DIRECTIONS, { error: `--direction must be one of ${DIRECTIONS.join(', ')}` })
      .optional(),
    target: numberText('target').optional(),
    baseline: numberText('baseline')
      .pipe(
        z.number().int('--baseline must be a whole number').min(1, '--baseline must be at least 1'),
      )
      .optional(),
    file: z.string({ error: 'missing FILE.csv' }).min(1, 'missing FILE.csv'),
  })
  .refine((args) => args.rules !== undefined || args.chart !== undefined, {
    message: `--rules must be one of ${RULE_SETS.join(', ')} (or give --chart for a control chart)`,
  })
  .refine((args) => args.chart === undefined || (args.rules ?? 'mdc') === 'mdc', {
    message: '--chart applies to --rules mdc only; run charts have no control chart',
  })
  .transform(({ rules, chart, ...rest }) => ({
    ...rest,
    rules: rules ?? 'mdc',
    // XmR is the default control chart; run charts have none.
    chart: (rules ?? 'mdc') === 'mdc' ? (chart ?? 'xmr') : null,
  }))
  .refine((args) => args.rules !== 'mdc' || args.baseline === undefined || args.baseline >= 2, {
    message: '--baseline must be at least 2 for mdc: limits need a moving range',
  });

export type ChartArgs = z.infer<typeof argsSchema>;

function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

/** Splits argv into flag values and the one positional FILE; zod then checks the values. */
function collect(argv: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      if (arg === '--') {
        continue;
      }
      if (raw.file !== undefined) {
        throw new UsageError(`unexpected argument "${arg}": give one FILE.csv`);
      }
      raw.file = arg;
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!isFlag(name)) {
      throw new UsageError(`unknown option --${name}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (raw[name] !== undefined) {
      throw new UsageError(`--${name} given twice`);
    }
    raw[name] = value;
  }
  return raw;
}

export function parseArgs(argv: readonly string[]): ChartArgs {
  const parsed = argsSchema.safeParse(collect(argv));
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return parsed.data;
}

/** The parsed arguments, or the exit code after reporting a usage error. */
function argsOrExit(argv: readonly string[]): ChartArgs | number {
  try {
    return parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`chart: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** The measure in FILE, or the exit code after reporting why it cannot be charted. */
async function measureOrExit(file: string): Promise<MeasureCsv | number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`chart: cannot read ${file}: ${reason}\n`);
    return EXIT_INPUT;
  }
  const measure = parseMeasureCsv(text);
  if (measure.ok) {
    return measure.data;
  }
  for (const issue of measure.issues) {
    process.stderr.write(`chart: ${file}: line ${issue.line}: ${issue.message}\n`);
  }
  if (measure.issues.length >= MAX_REPORTED_ISSUES) {
    process.stderr.write(`chart: stopped after ${MAX_REPORTED_ISSUES} problems\n`);
  }
  return EXIT_INPUT;
}

function printChart(args: ChartArgs, measure: MeasureCsv): number {
  if (args.chart && needsDenominators(args.chart) && measure.kind !== 'proportions') {
    process.stderr.write(
      `chart: ${args.file}: a ${args.chart} chart needs period,numerator,denominator rows\n`,
    );
    return EXIT_INPUT;
  }
  try {
    const chart = buildChart(args.rules, measure.points, {
      chart: args.chart,
      direction: args.direction ?? null,
      target: args.target ?? null,
      baseline: args.baseline ?? null,
    });
    process.stdout.write(`${JSON.stringify(chartJson(chart), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ChartInputError)) {
      throw error;
    }
    const line = error.index === null ? undefined : measure.lines[error.index];
    const where = line === undefined ? '' : `line ${line}: `;
    process.stderr.write(`chart: ${args.file}: ${where}${error.message}\n`);
    return EXIT_INPUT;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = argsOrExit(argv);
  if (typeof args === 'number') {
    return args;
  }
  const measure = await measureOrExit(args.file);
  return typeof measure === 'number' ? measure : printChart(args, measure);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `chart: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = EXIT_INPUT;
  },
);
