/**
 * SIGINT and SIGTERM abort the signal, so that the send finishes what is in
 * flight and stops; a second one ends the process at once (the rows in
 * flight stay `sending`, and the next run says so).
 */
export function stopOnSignals(onFirst: (signal: NodeJS.Signals) => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      dispose();
      process.kill(process.pid, signal);
      return;
    }
    onFirst(signal);
    controller.abort(signal);
  };
  const dispose = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: controller.signal, dispose };
}
