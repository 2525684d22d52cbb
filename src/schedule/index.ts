import { Cron } from 'croner';
import { Ledger } from '../send/ledger.js';
import { lockSchedule } from './lock.js';
import { dateInZone, isoInZone, type ScheduleTimes } from './times.js';

/**
 * `gazette schedule`: a long-running process for those without cron.
 *
 *   lock      one scheduler per state database (lock.ts), or refuse
 *   wait      for croner's next tick, in the configured time zone
 *   tick      the caller's run (send --new-only), dated the day it is in
 *             that zone; a failed one is logged and the next still comes
 *   stop      when the signal aborts: no more ticks, the one in flight
 *             finishes (the send's own graceful stop sees the same signal)
 */

export interface TickContext {
  /** The issue date: the day it is in the schedule's time zone. */
  date: string;
  at: Date;
  /** Aborts when the schedule is told to stop: pass it to the send. */
  signal: AbortSignal;
}

export interface ScheduleOptions {
  schedule: ScheduleTimes;
  statePath: string;
  tick: (context: TickContext) => Promise<void>;
  /** One line of the log (the caller adds the timestamp). */
  log: (line: string) => void;
  /** Aborting stops the schedule after the tick in flight. */
  signal: AbortSignal;
}

export interface ScheduleSummary {
  ticks: number;
  failed: number;
  /** Ticks skipped because the one before was still running. */
  skipped: number;
}

export async function runSchedule(options: ScheduleOptions): Promise<ScheduleSummary> {
  const { schedule, log, signal } = options;
  const ledger = Ledger.open(options.statePath);
  const summary: ScheduleSummary = { ticks: 0, failed: 0, skipped: 0 };
  try {
    const lock = lockSchedule(ledger);
    try {
      if (lock.tookOverFrom) log(`took over the lock of scheduler process ${lock.tookOverFrom.pid}, which is no longer running`);
      let inFlight: Promise<void> | null = null;
      const tick = async (): Promise<void> => {
        const at = new Date();
        const date = dateInZone(at, schedule.timezone);
        summary.ticks++;
        log(`tick ${isoInZone(at, schedule.timezone)}: the issue of ${date}`);
        try {
          await options.tick({ date, at, signal });
        } catch (error) {
          summary.failed++;
          log(`tick failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!signal.aborted) log(`next run ${nextOf(job)}`);
      };
      const job = new Cron(schedule.cron, {
        timezone: schedule.timezone,
        paused: true,
        // A tick that outlasts the interval: the next is skipped, never run alongside.
        protect: () => {
          summary.skipped++;
          log('skipped a tick: the one before is still running');
        },
      });
      job.schedule(() => {
        inFlight = tick();
        return inFlight;
      });
      log(`schedule "${schedule.cron}" in ${schedule.timezone}, state ${ledger.file}, pid ${process.pid}; next run ${nextOf(job)}`);
      job.resume();
      await aborted(signal);
      job.stop();
      if (inFlight) await inFlight;
      log(`stopped after ${summary.ticks} tick${summary.ticks === 1 ? '' : 's'}${summary.failed > 0 ? ` (${summary.failed} failed)` : ''}`);
      return summary;
    } finally {
      lock.release();
    }
  } finally {
    ledger.close();
  }
}

function nextOf(job: Cron): string {
  const next = job.nextRun();
  return next ? isoInZone(next, job.options.timezone ?? 'UTC') : 'never (the expression has no more dates)';
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
