/**
 * What one run of the sync benchmark measured: each server's figures, per round and
 * as medians, the run's circumstances, and the targets' verdicts. Made by `run.ts`,
 * read by `report.ts` and `report-rows.ts`.
 */
import type { FanoutFigures } from './fanout';
import type { IdleConnectionFigures } from './idle-connections';
import type { ItemCreationFigures } from './item-creation';
import type { NodeStartFigures } from './node-start';
import type { DiskFigures, StartupFigures, StartupSample } from './persistence';
import type { TraceFigures } from './trace';

export interface ServerResults {
  /** Each figure's median over the rounds. */
  readonly trace: TraceFigures;
  readonly traceRounds: readonly TraceFigures[];
  /** Each figure's median over the rounds. */
  readonly fanout: FanoutFigures;
  readonly fanoutRounds: readonly FanoutFigures[];
  /** Medians over the samples; the text figures are null for the baseline. */
  readonly startup: StartupFigures;
  readonly startupSamples: readonly StartupSample[];
  /** Each figure's median over the rounds. */
  readonly idle: IdleConnectionFigures;
  readonly idleRounds: readonly IdleConnectionFigures[];
  /** Null for the baseline: it keeps documents in memory only. */
  readonly disk: DiskFigures | null;
  /** Null for the baseline, which has no items; the median of the rounds' figures. */
  readonly itemCreation: ItemCreationFigures | null;
  readonly itemCreationRounds: readonly ItemCreationFigures[];
}

export interface BenchMeta {
  readonly startedAt: string;
  readonly node: string;
  readonly cpus: number;
  readonly clockTicksPerSecond: number;
  /** 1-minute load average when the run started and ended: others' work on this machine. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly quick: boolean;
  /** Rounds per server of each of the trace and the fan-out. */
  readonly rounds: number;
  readonly tracePath: string;
  readonly traceName: string;
  readonly baseline: string;
  /** Node's own start on this machine, taken beside the servers' start-up samples. */
  readonly nodeStart: NodeStartFigures;
}

/** The stock connection handler on the `ws` version ours pins: the CPU scenarios only. */
export interface StockOnOurWsResults {
  readonly name: string;
  /** Each figure's median over the rounds. */
  readonly trace: TraceFigures;
  readonly traceRounds: readonly TraceFigures[];
  /** Each figure's median over the rounds. */
  readonly fanout: FanoutFigures;
  readonly fanoutRounds: readonly FanoutFigures[];
}

export interface BenchResults {
  readonly meta: BenchMeta;
  readonly ours: ServerResults;
  readonly baseline: ServerResults;
  readonly stockOnOurWs: StockOnOurWsResults;
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}
