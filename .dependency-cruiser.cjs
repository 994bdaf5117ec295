/**
 * The house's one-way data flow, checked by `npm run lint:deps` (part of `npm test`):
 *   files → ingest → analysis → search → answers → render → bot / cli, with model shared by all,
 *   src/files (writing and reading the files Pilcrow keeps) below every layer that keeps one, src/store
 *   (files or PostgreSQL, with the record formats it keeps and their files) below every service
 *   (feeds, watch, library, news) and importing only files, model and ingest, and
 *   engine/cache assembling the corpus. Each rule's comment is the reason printed on a violation.
 */
const ENGINE = '^src/(ingest|analysis|search|answers|watch|model|web|library|feeds)/';
module.exports = {
  forbidden: [
    {
      name: 'engine-without-discord',
      comment:
        'Engine code (ingest, analysis, search, answers, model) never imports discord.js: Discord stays at the edge (src/bot, src/render/discord, commands).',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'discord-only-at-the-edge',
      comment: 'Only src/bot, src/render/discord and commands/ talk to discord.js.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(bot|render/discord|ingest|analysis|search|answers|watch|model|web|library|feeds)/' },
      to: { path: '(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'engine-not-upstream',
      comment:
        'Engine code does not reach into the front ends (render, bot, cli, commands) or the process wiring (engine, cache, config, log): answers are plain data handed outwards. (Code that keeps a file uses src/files, which sits below it.)',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^(src/(render|bot|cli|engine|cache)/|src/(cli|main|config|log)\\.ts$|commands/)' },
    },
    {
      name: 'files-is-the-floor-for-keeping-files',
      comment:
        'src/files writes files atomically, serialises the writes of one piece of state, reads state files and names the default cache directory for any layer that keeps a file, so it imports nothing above it (only node, zod and its own folder).',
      severity: 'error',
      from: { path: '^src/files/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/files/' },
    },
    {
      name: 'web-is-a-leaf',
      comment: 'src/web fetches pages safely and knows nothing of what they become (articles, feeds, answers).',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(ingest|analysis|search|answers|library|feeds)/' },
    },
    {
      name: 'library-stores-articles',
      comment: 'src/library fetches, cleans (ingest) and stores articles; analysis, search and answers come after it, feeds build on it.',
      severity: 'error',
      from: { path: '^src/library/' },
      to: { path: '^src/(analysis|search|answers|feeds)/' },
    },
    {
      name: 'feeds-feed-the-library',
      comment: 'src/feeds polls feeds and hands their items to the library; it does not analyse, search or answer.',
      severity: 'error',
      from: { path: '^src/feeds/' },
      to: { path: '^src/(analysis|search|answers)/' },
    },
    {
      name: 'reading-never-fetches',
      comment:
        'Ingest, analysis, search and answers work on what is stored; fetching and storing (web, library, feeds) happen before them.',
      severity: 'error',
      from: { path: '^src/(ingest|analysis|search|answers)/' },
      to: { path: '^src/(web|library|feeds)/' },
    },
    {
      name: 'watch-after-answers',
      comment:
        'src/watch decides which articles fire a watch (people and topics followed), with the name and paragraph search and the answers; none of those reaches back into it, and it neither fetches nor stores.',
      severity: 'error',
      from: { path: '^src/(ingest|analysis|search|answers|model|web|library|feeds)/' },
      to: { path: '^src/watch/' },
    },
    {
      name: 'watch-reads-what-is-stored',
      comment: 'src/watch works on the corpus; fetching and storing (web, library, feeds) happen before it.',
      severity: 'error',
      from: { path: '^src/watch/' },
      to: { path: '^src/(web|library|feeds)/' },
    },
    {
      name: 'news-below-the-bot',
      comment:
        'src/news holds the news services (announcer, outbox, digest schedules, news desk): they sit below the bot and talk to Discord only through a poster the bot injects, so they run and are tested without a Discord client and a store (files or PostgreSQL) plugs in at one place. So src/news imports no discord.js and nothing from the edge (src/bot, src/cli, commands).',
      severity: 'error',
      from: { path: '^src/news/' },
      to: { path: '^(src/(bot|cli)/|src/cli\\.ts$|commands/)|(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'store-below-the-services',
      comment:
        'src/store keeps what the services keep (the announcement outbox, digest schedules, feeds, watches, article records) on files or PostgreSQL, and the formats of those records (feeds.json, watches.json, digest.json, the outbox) and their file reading and writing live with it. The services (src/feeds, src/watch, src/library, src/news) sit above it and plug a store in (src/news/news-desk.ts takes a ServerStorage), so src/store imports only what sits below it: src/files, src/model and src/ingest (article ids). An import from a service into the store would make the two folders a cycle; move the shared type or helper down into src/store or src/model instead, and a tool that needs a service (the file-to-PostgreSQL migration reads library indexes) sits above both, in src/.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/(store|files|model|ingest)/' },
    },
    {
      name: 'model-is-the-floor',
      comment: 'src/model holds shared types and tiny helpers; it depends on no other layer.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'ingest-before-analysis',
      comment: 'Ingest turns files into Articles; it knows nothing of analysis, search or answers.',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: '^src/(analysis|search|answers)/' },
    },
    {
      name: 'analysis-before-search',
      comment: 'Analysis is pure functions over an Article; search and answers build on it, never the reverse.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/(search|answers|ingest)/' },
    },
    {
      name: 'search-before-answers',
      comment: 'Search indexes the corpus; answers use search, never the reverse.',
      severity: 'error',
      from: { path: '^src/search/' },
      to: { path: '^src/answers/' },
    },
    {
      name: 'render-not-bot',
      comment: 'Renderers turn an Answer into a payload; they do not reach into the bot (client, dispatcher) or the CLI.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^(src/(bot|cli|engine|cache)/|commands/)' },
    },
    {
      name: 'terminal-render-without-discord',
      comment: 'Terminal and JSON renderers must work without Discord.',
      severity: 'error',
      from: { path: '^src/render/[^/]+\\.ts$' },
      to: { path: '^src/render/discord/|(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'cli-without-discord',
      comment: 'The terminal front end runs without Discord.',
      severity: 'error',
      from: { path: '^src/cli' },
      to: { path: '^(src/bot/|src/render/discord/|commands/)|(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'src-not-tests',
      comment: 'Product code never imports tests or benchmarks.',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make the one-way flow impossible to read and to load.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
