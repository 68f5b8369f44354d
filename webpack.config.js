// Builds the browser bundles. For now: the pure core as a library (proof that it needs no Node API);
// the add-in's task pane and commands join here with the Office add-in issue.
const path = require('path');

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  target: 'web',
  entry: { 'cert-sweep-core': './src/core/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    library: { name: 'CertSweepCore', type: 'umd' },
    globalObject: 'globalThis',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, path: false, os: false } },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } } }],
  },
  devtool: false,
  performance: { hints: false },
});
