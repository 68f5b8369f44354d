// Starts the dev server (as `npm start` does) and waits until the playground answers.
const { spawn } = require('child_process');
const https = require('https');
const path = require('path');

const URL = 'https://localhost:3000/playground.html';

function up() {
  return new Promise((resolve) => {
    https.get(URL, { rejectUnauthorized: false }, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
  });
}

module.exports = async () => {
  if (await up()) return; // a server the developer already runs
  const root = path.join(__dirname, '..');
  const child = spawn(process.execPath, [require.resolve('webpack/bin/webpack.js', { paths: [root] }), 'serve', '--mode', 'development', '--config-name', 'addin'], {
    cwd: root, stdio: 'ignore', detached: true,
  });
  globalThis.__devServer = child.pid;
  process.env.E2E_SERVER_PID = String(child.pid);
  for (let i = 0; i < 180; i++) {
    if (await up()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the dev server did not start within 3 minutes');
};
