/**
 * The layer rules of docs/ARCHITECTURE.md as checks (npm run check:structure). Type-only imports count: a cycle
 * through types still ties two modules together.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'An import cycle: untie it by moving what both need to where it is defined.', from: {}, to: { circular: true } },
    {
      name: 'core-host-cli-without-electron',
      severity: 'error',
      comment: 'main/core, main/host and main/cli run in plain Node (tests, CLI, station host).',
      from: { path: '^main/(core|host|cli)/' },
      to: { path: '^electron$|node_modules/electron/' }
    },
    {
      name: 'core-below-shells',
      severity: 'error',
      comment: 'main/core is used by the shells, never the reverse.',
      from: { path: '^main/core/' },
      to: { path: '^main/(electron|host|cli)/|^main/index\\.ts$' }
    },
    {
      name: 'renderer-only-the-contract',
      severity: 'error',
      comment: 'The screens reach the station only through the contract in preload/ (and renderer/src/api).',
      from: { path: '^renderer/' },
      to: { path: '^(main|tests|scripts)/|^preload/index\\.ts$' }
    },
    {
      name: 'renderer-without-node',
      severity: 'error',
      comment: 'The renderer imports no Node module.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'preload-is-the-contract',
      severity: 'error',
      comment: 'preload holds the contract; it imports neither main nor the renderer.',
      from: { path: '^preload/' },
      to: { path: '^(main|renderer)/' }
    }
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules)/' }
  }
}
