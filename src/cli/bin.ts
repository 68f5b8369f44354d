import { main } from './main';

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
}).then((code) => {
  process.exitCode = code;
});
