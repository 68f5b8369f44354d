// The WPS 表格 add-in (src/wps): dist-wps/ is laid out as a WPS 加载项 folder, as the wpsjs tool's ET template
// has it and as `wpsjs build` copies it: index.html (loads main.js), main.js (the global `ribbon` object that
// ribbon.xml's callbacks name), ribbon.xml, manifest.xml, images/, and the task pane page. Served online, the
// folder's URL (ending in /) is what publish.xml or jsplugins.xml points at; offline it is copied into WPS's
// jsaddons folder as <name>_<version>/ (docs/deploy.md, WPS section).
//
// WPS shows add-in pages in its own Chromium (CEF); our code is compiled to ES2017, the dependencies go as
// they ship (ES2018+), which Chromium 64 and later run.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');

/** the add-in's name in publish.xml / jsplugins.xml: letters and digits only (wpsjs refuses others for --exe) */
const NAME = 'certsweep';

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${NAME}</Name>
  <Description>执法证件清理助手 ${pkg.version}：行政执法证件专项清理摸排统计表校验</Description>
</JsPlugin>
`;

module.exports = (env = {}, argv = {}) => ({
  name: 'wps',
  mode: argv.mode || 'production',
  devtool: false,
  entry: { main: './src/wps/main.ts', taskpane: './src/wps/pane.tsx' },
  output: { path: path.resolve(__dirname, 'dist-wps'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false, os: false } },
  module: {
    rules: [{
      test: /\.tsx?$/,
      exclude: /node_modules/,
      loader: 'ts-loader',
      options: { transpileOnly: true, configFile: 'tsconfig.wps.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2017', noEmit: false } },
    }],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ template: './src/wps/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'], inject: 'body', scriptLoading: 'blocking' }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/wps/index.html', to: 'index.html' },
        { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
        { from: 'src/wps/images', to: 'images' },
        { from: 'package.json', to: 'manifest.xml', transform: () => manifest },
      ],
    }),
  ],
});
