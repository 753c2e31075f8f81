import type { CodegenConfig } from '@graphql-codegen/cli';

// The types of every query and mutation the app sends, from the checked-in schema: a field the schema no longer has
// fails the build. Generated into src/gql/ before tsc, never committed.
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Documents stay plain strings: no GraphQL parser in the bundle.
      config: { documentMode: 'string', useTypeImports: true, strictScalars: true, scalars: { DateTimeOffset: 'string' } },
    },
  },
};

export default config;
