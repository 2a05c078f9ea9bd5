// `npm run test:busy`: the whole `npm test` with the CPU made busy beside it, to check that no test
// depends on timing. Starts $BUSY_WORKERS (default 3) busy loops, runs the suite, and stops the
// loops by their process ids when it ends, fails or is interrupted.
import { spawn } from 'node:child_process';

const count = Number(process.env.BUSY_WORKERS ?? 3);
if (!Number.isInteger(count) || count < 1) {
  console.error(`BUSY_WORKERS is "${process.env.BUSY_WORKERS}": give a whole number ≥ 1.`);
  process.exit(2);
}

const busy = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
console.log(
  `test:busy: ${count} busy loops beside the suite (pids ${busy.map((p) => p.pid).join(', ')}).`,
);

function stopBusy() {
  for (const loop of busy)
    if (loop.exitCode === null && loop.signalCode === null) loop.kill('SIGKILL');
}
process.on('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBusy();
    process.exit(130);
  });
}

const started = Date.now();
const suite = spawn(process.execPath, ['scripts/test.mjs'], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  stopBusy();
  console.log(`test:busy: the suite took ${Math.round((Date.now() - started) / 1000)} s.`);
  process.exit(code ?? (signal === null ? 1 : 128));
});
