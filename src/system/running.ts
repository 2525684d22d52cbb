/**
 * Whether a process with this pid runs on this machine. Signal 0 checks
 * without signalling; EPERM means it runs, as another user.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
