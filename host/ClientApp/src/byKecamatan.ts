// An indicator's figure in each kecamatan, in one request. The kecamatan come from the server and GraphQL has no loop,
// so this query is put together here rather than written for codegen: its figures are the checked fragment's, and a
// unit test validates the whole query against schema.graphql.
import { request } from './api';
import { graphql } from './gql';
import { TypedDocumentString, type KecamatanFigureFragment } from './gql/graphql';
import type { Period } from './period';

const FIGURE = graphql(`fragment KecamatanFigure on IndicatorValue { value numerator denominator status }`);

type Variables = { indicator: string } & Period & Record<string, string | number | boolean | null>;

/** One `value` per kecamatan under the alias k0, k1, ..., the kecamatan's name in the variable of the same name. */
export function byKecamatanQuery(kecamatan: string[]) {
  const names = kecamatan.map((_, n) => `k${n}`);
  const text = `query ByKecamatan($indicator: String!, $year: Int!, $quarter: Int, $cumulative: Boolean${names.map(k => `, $${k}: String`).join('')}) {
  ${names.map(k => `${k}: value(indicator: $indicator, year: $year, quarter: $quarter, cumulative: $cumulative, kecamatan: $${k}) { ...KecamatanFigure }`).join('\n  ')}
}
${FIGURE}`;
  return new TypedDocumentString<Record<string, KecamatanFigureFragment | null>, Variables>(text);
}

/** The figures of each kecamatan, in the order given; one the server has no figure for is left out. */
export async function figuresByKecamatan(indicator: string, period: Period, kecamatan: string[]) {
  const answer = await request(byKecamatanQuery(kecamatan), { indicator, ...period, ...Object.fromEntries(kecamatan.map((k, n) => [`k${n}`, k])) });
  return kecamatan.flatMap((k, n) => {
    const figure = answer[`k${n}`];
    return figure ? [{ kecamatan: k, ...figure }] : [];
  });
}
