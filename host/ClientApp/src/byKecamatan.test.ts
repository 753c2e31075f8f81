import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaText from '../../../schema.graphql?raw';
import { byKecamatanQuery } from './byKecamatan';

describe('byKecamatanQuery', () => {
  const schema = buildSchema(schemaText);

  it('asks schema.graphql for one value per kecamatan, each under its own alias and variable', () => {
    const query = byKecamatanQuery(['Cerme', 'Gresik', 'Kebomas']).toString();
    expect(validate(schema, parse(query))).toEqual([]);
    expect(query).toContain('k2: value(');
    expect(query).toContain('kecamatan: $k2');
    expect(query).not.toContain('k3');
  });
});
