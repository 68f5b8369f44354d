// Browser bundles: the pure core as a library (proof that it needs no Node API), and the Excel add-in
// (task pane, ribbon commands and the dialog's message page).
//
// Production bundles are ES2017 with core-js polyfills, for the oldest webview the pane supports: Edge Legacy
// (EdgeHTML 18), used by Office 2016/2019 retail without WebView2. Internet Explorer 11 (volume-licensed
// Office 2016/2019) gets a plain message from the pages instead. `npm start` stays modern and fast
// (`npm start -- --env legacy` builds it the production way).
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const pkg = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
/** Two fixed Ids: a clerk can sideload the dev add-in next to the deployed one. manifest.xml is the dev one. */
const IDS = { production: '7c1d2f5e-3b8a-4c4e-9f0e-2a6d8b1c5e73', development: 'dfb0ca1b-6575-4dae-941c-11922d37a7fe' };
const DEV_NAME_SUFFIXES = ['（开发）', ' (dev)'];

/** office.js as Office recommends, from Microsoft's CDN; the pages fall back to OFFICE_FALLBACK when it does not load. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** the same-origin copy from @microsoft/office-js, relative to the pages */
const OFFICE_JS_COPY = 'office-js/office.js';

/** Edge Legacy is the oldest webview on Windows (Office 2016/2019 retail without WebView2); Mac has WKWebView. */
const LEGACY_TARGETS = { edge: '18', safari: '12' };

/** "0.1.0" → "0.1.0.0": the manifest's Version follows package.json. */
function manifestVersion(version) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json 的 version「${version}」不是 X.Y.Z，无法写入 manifest 的 <Version>`);
  return `${version}.0`;
}

/** ADDIN_URL as the manifest needs it: https, ending in a slash. */
function addinUrl(raw) {
  if (!raw) return undefined;
  const url = raw.replace(/\/?$/, '/');
  if (!/^https:\/\/[^\s"'<>]+\/$/.test(url)) throw new Error(`ADDIN_URL「${raw}」无效：必须是 https:// 开头的网址（Office 只加载 https 页面）`);
  return url;
}

/** OFFICE_JS_URL: office.js finds its other files next to a script named office.js, so the name must stay. */
function officeJsFallback(raw) {
  if (!raw) return OFFICE_JS_COPY;
  if (!/^(https:\/\/|\/)[^\s"'<>\\]*\/office(\.debug)?\.js$/.test(raw)) {
    throw new Error(`OFFICE_JS_URL「${raw}」无效：必须是以 /office.js 结尾的 https 网址或本站路径`);
  }
  return raw;
}

/**
 * manifest.xml is the dev manifest (localhost, dev Id, name marked 开发). Every build sets its Version from
 * package.json; the production one gets ADDIN_URL everywhere, the production Id and name, and no
 * AppDomains (the pages, the dialog and office.js's same-origin copy are all under ADDIN_URL; the CDN
 * is a script, which needs no AppDomain).
 */
function manifestFor(xml, { production, url }) {
  const once = (s, from, to) => {
    if (s.split(from).length !== 2) throw new Error(`manifest.xml: 应恰好有一处「${from}」`);
    return s.replace(from, to);
  };
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(pkg.version)}</Version>`);
  if (!production) return out;
  out = out.replace(/\s*<!--[\s\S]*?-->/g, ''); // the dev notes
  out = once(out, `<Id>${IDS.development}</Id>`, `<Id>${IDS.production}</Id>`);
  out = out.replace(/\s*<AppDomains>[\s\S]*?<\/AppDomains>/, '');
  for (const suffix of DEV_NAME_SUFFIXES) out = out.split(`${suffix}"`).join('"');
  out = out.split(DEV_URL).join(url);
  if (/localhost/i.test(out)) throw new Error('生产 manifest 中仍有 localhost');
  return out;
}

const tsLoader = {
  loader: 'ts-loader',
  options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
};

/**
 * babel over our code and node_modules alike (React, Fluent, zod and exceljs ship ES2018+ syntax), adding
 * the core-js polyfills each module uses. What core-js cannot supply is in src/webview/polyfills.ts.
 */
const babelLoader = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    cacheDirectory: true, // node_modules/.cache/babel-loader: later production builds skip unchanged modules
    cacheCompression: false,
    sourceType: 'unambiguous', // CommonJS modules in node_modules stay CommonJS
    compact: true,
    presets: [['@babel/preset-env', {
      targets: LEGACY_TARGETS,
      bugfixes: true,
      modules: false,
      useBuiltIns: 'usage',
      corejs: require('core-js/package.json').version,
      // 'usage' goes by names: every `.map(` could be an iterator's. These ES2023+ APIs are beyond the code's
      // TypeScript lib (ES2022), and no bundled library calls them unguarded; they would add ~100 KB each bundle.
      exclude: [
        /^es\.iterator\./,
        /^es\.set\.(union|intersection|difference|symmetric-difference|is-subset-of|is-superset-of|is-disjoint-from)/,
        /^es\.(weak-)?map\.get-or-insert/,
        /^es\.uint8-array\./,
        /^es\.array-buffer\.(transfer|detached)/,
        /^esnext\./,
        // Edge Legacy's own URL does what the code asks of it (new URL(page, base), searchParams.set)
        /^web\.url/,
        /^es\.json\.parse/,
        /^es\.typed-array\.(to-sorted|to-reversed|with)/,
      ],
    }]],
    // one copy of babel's helpers (object spread, class fields…) instead of one per module
    plugins: [
      ['@babel/plugin-transform-runtime', { corejs: false, helpers: true, regenerator: false, version: require('@babel/runtime/package.json').version }],
      // babel-loader's cache sees plugin options but not plugin code: bump when zodWithoutBigInt changes
      [zodWithoutBigInt, { revision: 2 }],
    ],
  },
};
/**
 * zod builds its int64 ranges with BigInt() as it loads, which Edge Legacy lacks and nothing can polyfill.
 * No bigint schema is ever used here, so in that one file BigInt(…) becomes Number(…) where there is no BigInt.
 */
function zodWithoutBigInt({ types: t }) {
  return {
    visitor: {
      CallExpression(p, state) {
        if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(state.filename || '')) return;
        const callee = p.node.callee;
        if (!t.isIdentifier(callee, { name: 'BigInt' }) || p.scope.getBinding('BigInt')) return;
        p.node.callee = t.conditionalExpression(
          t.binaryExpression('===', t.unaryExpression('typeof', t.identifier('BigInt')), t.stringLiteral('function')),
          t.identifier('BigInt'),
          t.identifier('Number'),
        );
      },
    },
  };
}

/** never through babel: the polyfills themselves, and webpack's own runtime */
const NOT_BABEL = /node_modules[\\/](core-js|webpack|@babel[\\/]runtime)[\\/]/;

const common = (argv, legacy) => ({
  mode: argv.mode || 'production',
  // es2017 also keeps webpack's own runtime code within what Edge Legacy parses
  target: legacy ? ['web', 'es2017'] : 'web',
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false, os: false } },
  module: {
    rules: legacy
      ? [
          { test: /\.tsx?$/, exclude: /node_modules/, use: [babelLoader, tsLoader] },
          { test: /\.[cm]?js$/, exclude: NOT_BABEL, use: [babelLoader] },
        ]
      : [{ test: /\.tsx?$/, exclude: /node_modules/, ...tsLoader }],
  },
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});

function sideloadHelp() {
  console.log(`
执法证件清理助手已在 ${DEV_URL} 运行（webpack-dev-server 自带的自签名证书：第一次请在浏览器打开该地址并选择“继续访问”）。
没有 Excel：打开 ${DEV_URL}playground.html ，在示例工作簿上试用加载项。
在 Excel 中加载 manifest.xml（开发版，名称带“（开发）”，可与正式版同时加载）：
  Windows：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，添加共享文件夹（放 manifest.xml），重启 Excel 后在“插入 → 我的加载项 → 共享文件夹”中选择；
  Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ ，重启 Excel，在“插入 → 我的加载项”中选择；
  网页版：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml。
`);
}

/**
 * The offline page is one file a clerk can copy and double-click: every script webpack emits for it is written
 * into the page (html-webpack-plugin's tags, given the code instead of an address) and not emitted on its own.
 * A page opened from file:// can load no other file of ours, and must load nothing from the network.
 */
class InlineIntoPage {
  constructor(page) {
    this.page = page;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('InlineIntoPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineIntoPage', (data) => {
        if (data.outputName !== this.page) return data;
        const inline = (tag) => {
          const src = tag.tagName === 'script' && tag.attributes && tag.attributes.src;
          if (!src) return tag;
          const file = decodeURIComponent(src.replace(/^\.?\//, '').replace(/\?.*$/, ''));
          const asset = compilation.getAsset(file);
          if (!asset) throw new Error(`${this.page}: 找不到要写入页面的脚本 ${file}`);
          let code = asset.source.source().toString();
          // the minimizer's licence file goes into the page too, in place of the banner that points to it
          const licence = [].concat((asset.info.related && asset.info.related.license) || []).map((f) => compilation.getAsset(f)).find(Boolean);
          if (licence) code = code.replace(/^\/\*! For license information please see [^*]*\*\//, `/*!\n${licence.source.source().toString().replace(/\*\//g, '* /')}\n*/`);
          // "</script" ends the element wherever it stands: written as "<\/script", the same string to JavaScript
          code = code.replace(/<\/(script)/gi, '<\\/$1');
          compilation.deleteAsset(file);
          return { tagName: 'script', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
    });
  }
}

/** A warning in webpack's output, for what a production build leaves out. */
const warn = (text) => ({
  apply: (compiler) => compiler.hooks.thisCompilation.tap('cert-sweep', (c) => c.warnings.push(new webpack.WebpackError(text))),
});

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const production = !dev;
  // the production way (ES2017, polyfilled) always for production; for the dev server only when asked
  const legacy = production || Boolean(env.legacy);
  const prodUrl = addinUrl(process.env.ADDIN_URL || env.url);
  const officeJsUrl = officeJsFallback(process.env.OFFICE_JS_URL);
  const unsupported = fs.readFileSync(path.join(__dirname, 'src/message/unsupported.html'), 'utf8');
  // the CDN, then the same-origin copy: one snippet for every page that needs office.js
  const officeJs = fs.readFileSync(path.join(__dirname, 'src/webview/office-js.html'), 'utf8').replace('%CDN%', OFFICE_JS_CDN).replace('%FALLBACK%', officeJsUrl);
  const page = (name, template, chunks) => new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks,
    // the pages load their bundles themselves, and not at all in Internet Explorer
    inject: false,
    templateParameters: { officeJs, unsupported },
  });
  const officeJsDir = path.dirname(require.resolve('@microsoft/office-js/package.json'));
  return [
    {
      ...common(argv, legacy),
      name: 'core',
      entry: { 'cert-sweep-core': './src/core/index.ts' },
      output: {
        path: path.resolve(__dirname, 'dist'),
        filename: '[name].js',
        library: { name: 'CertSweepCore', type: 'umd' },
        // not bare `globalThis`, which Edge Legacy does not have
        globalObject: "(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this)",
      },
    },
    {
      ...common(argv, legacy),
      name: 'addin',
      entry: {
        taskpane: './src/taskpane/index.tsx',
        commands: './src/commands/commands.ts',
        // the playground (the pane on the simulated Excel) is served by `npm start` only, never built for production
        ...(dev ? { playground: './src/playground/index.tsx' } : {}),
      },
      output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
      plugins: [
        page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
        page('commands', './src/commands/commands.html', ['commands']),
        page('message', './src/message/message.html', []),
        ...(dev ? [new HtmlWebpackPlugin({ filename: 'playground.html', template: './src/playground/playground.html', chunks: ['playground'] })] : []),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'assets/*.png', to: '[path][name][ext]' },
            ...(production && !prodUrl
              ? []
              : [{ from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), { production, url: prodUrl }) }]),
            // office.js's same-origin copy: the loader, the Excel host files it picks by platform, its strings
            // (zh-cn, en-us; other locales fall back to en-us), and the table it loads when Office passes no host
            // information (Office 2013, or a plain browser). Not needed when IT hosts one (OFFICE_JS_URL).
            ...(process.env.OFFICE_JS_URL
              ? []
              : [{
                  context: path.join(officeJsDir, 'dist'),
                  from: '{office.js,excel-*.js,o15apptofilemappingtable.js,zh-cn/office_strings.js,en-us/office_strings.js,telemetry/oteljs_agave.js}',
                  globOptions: { ignore: ['**/*.debug.js', '**/*-core.js'] },
                  to: 'office-js/[path][name][ext]',
                  info: { minimized: true },
                }, { from: path.join(officeJsDir, 'LICENSE.md'), to: 'office-js/LICENSE.md' }]),
          ],
        }),
        ...(production && !prodUrl
          ? [warn('未设置 ADDIN_URL，dist/ 中没有 manifest.xml。正式部署请用 ADDIN_URL=https://服务器/路径/ npm run build')]
          : []),
      ],
      devServer: {
        server: 'https',
        host: 'localhost', // the clerk's data never needs to be reachable from the network
        port: 3000,
        hot: false,
        headers: { 'Access-Control-Allow-Origin': '*' },
        static: { directory: path.resolve(__dirname, 'dist') },
        onListening: sideloadHelp,
      },
    },
    {
      // 网页版: one self-contained page, opened by double-click (file://), with no server and no network
      ...common(argv, legacy),
      name: 'web',
      entry: { 'cert-sweep': './src/web/index.tsx' },
      output: { path: path.resolve(__dirname, 'dist'), filename: 'cert-sweep-page.js', publicPath: '', asyncChunks: false },
      optimization: { splitChunks: false, runtimeChunk: false },
      plugins: [
        new HtmlWebpackPlugin({ filename: 'cert-sweep.html', template: './src/web/page.html', chunks: ['cert-sweep'], inject: 'body', scriptLoading: 'blocking', minify: false }),
        new InlineIntoPage('cert-sweep.html'),
      ],
    },
  ];
};

module.exports.manifestFor = manifestFor;
module.exports.IDS = IDS;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
