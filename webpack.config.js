// Browser bundles: the pure core as a library (proof that it needs no Node API), and the Excel add-in
// (task pane and ribbon commands). office.js itself is loaded from Microsoft's CDN by the pages.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';

const tsRule = {
  test: /\.tsx?$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
};

const common = (argv) => ({
  mode: argv.mode || 'production',
  target: 'web',
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false, os: false } },
  module: { rules: [tsRule] },
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});

function sideloadHelp() {
  console.log(`
执法证件清理助手已在 ${DEV_URL} 运行（webpack-dev-server 自带的自签名证书：第一次请在浏览器打开该地址并选择“继续访问”）。
没有 Excel：打开 ${DEV_URL}playground.html ，在示例工作簿上试用加载项。
在 Excel 中加载 manifest.xml：
  Windows：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，添加共享文件夹（放 manifest.xml），重启 Excel 后在“插入 → 我的加载项 → 共享文件夹”中选择；
  Mac：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ ，重启 Excel，在“插入 → 我的加载项”中选择；
  网页版：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml。
`);
}

module.exports = (env = {}, argv = {}) => {
  const prodUrl = process.env.ADDIN_URL || env.url;
  // the playground (the pane on the simulated Excel) is served by `npm start` only, never built for production
  const dev = argv.mode === 'development';
  return [
    {
      ...common(argv),
      name: 'core',
      entry: { 'cert-sweep-core': './src/core/index.ts' },
      output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', library: { name: 'CertSweepCore', type: 'umd' }, globalObject: 'globalThis' },
    },
    {
      ...common(argv),
      name: 'addin',
      entry: {
        taskpane: './src/taskpane/index.tsx',
        commands: './src/commands/commands.ts',
        ...(dev ? { playground: './src/playground/index.tsx' } : {}),
      },
      output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
      plugins: [
        new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
        new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
        ...(dev ? [new HtmlWebpackPlugin({ filename: 'playground.html', template: './src/playground/playground.html', chunks: ['playground'] })] : []),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'assets/*.png', to: '[path][name][ext]' },
            {
              from: 'manifest.xml',
              to: 'manifest.xml',
              // the production URL is set at build time: ADDIN_URL=https://example.gov.cn/cert-sweep/ npm run build
              transform: (content) => (argv.mode === 'production' && prodUrl ? content.toString().split(DEV_URL).join(prodUrl.replace(/\/?$/, '/')) : content),
            },
          ],
        }),
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
  ];
};
