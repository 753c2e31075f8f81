import { request, type Account } from '../api';
import { fmtNumber } from '../format';
import { graphql } from '../gql';
import { ROMAN } from '../period';
import { follow } from '../route';
import { useLoad } from '../ui';

const QUERY = graphql(`query Waiting($y: Int!, $u: String, $s: String!) {
  realizations(year: $y, unit: $u, state: $s) { indicator { unit { code } } quarter } }`);

/** The triwulan of a year where an operator's entries were returned, first one first. */
export function useReturned(account: Account, year: number) {
  const load = useLoad(() => account.roles.includes('operator')
    ? request(QUERY, { y: year, u: account.unit, s: 'DIKEMBALIKAN' }).then(d => d.realizations)
    : Promise.resolve([]), [year, account.username]);
  const byQuarter = [1, 2, 3, 4].map(q => ({ quarter: q, count: (load.data ?? []).filter(e => e.quarter === q).length })).filter(q => q.count > 0);
  return { loading: load.loading, byQuarter, total: load.data?.length ?? 0, reload: load.reload };
}

type Returned = ReturnType<typeof useReturned>;

/** What waits for the signed-in person: entries returned to an operator, entries waiting for a verifikator. */
export function WaitingNotice({ account, year, returned }: { account: Account; year: number; returned: Returned }) {
  const waiting = useLoad(() => account.roles.includes('verifikator')
    ? request(QUERY, { y: year, u: account.unit, s: 'DIAJUKAN' })
      // A verifikator reviews the units below its own, never its own unit's entries.
      .then(d => d.realizations.filter(e => e.indicator.unit.code !== account.unit).length)
    : Promise.resolve(0), [year, account.username]);
  return (
    <>
      {returned.total > 0 && (
        <p class="notice" role="status" data-waiting="returned">
          {fmtNumber(returned.total)} isian {year} dikembalikan verifikator dan menunggu perbaikan Anda:{' '}
          {returned.byQuarter.map((q, i) => (
            <>{i > 0 && ', '}<a href={`/isian?tahun=${year}&triwulan=${q.quarter}`} onClick={follow}>TW {ROMAN[q.quarter - 1]} ({fmtNumber(q.count)})</a></>
          ))}.
        </p>
      )}
      {(waiting.data ?? 0) > 0 && (
        <p class="notice" role="status" data-waiting="submitted">
          {fmtNumber(waiting.data!)} isian {year} menunggu verifikasi Anda.{' '}
          <a href={`/verifikasi?tahun=${year}`} onClick={follow}>Buka Verifikasi</a>
        </p>
      )}
    </>
  );
}
