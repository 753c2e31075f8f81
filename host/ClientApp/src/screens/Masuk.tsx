import { useState } from 'preact/hooks';
import { ApiError, request, session, type Account } from '../api';
import { graphql } from '../gql';
import { ErrorBox } from '../ui';

const LOGIN = graphql(`mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const ME = graphql(`query Me { me { username roles unit } }`);
const UNIT_NAME = graphql(`query UnitName($c: String!) { unit(code: $c) { name } }`);

export function Masuk({ notice, onSignedIn }: { notice: string | null; onSignedIn: (a: Account) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await request(LOGIN, { u: username, p: password });
      session.save(login.token, { username, roles: [], unit: null });
      const { me } = await request(ME);
      // Only an account removed in the moment since its sign-in has none.
      if (!me) throw new ApiError('Akun ini tidak ditemukan lagi.', null, []);
      const unit = me.unit ? (await request(UNIT_NAME, { c: me.unit })).unit : null;
      const account = { ...me, unitName: unit?.name ?? null };
      session.save(login.token, account);
      onSignedIn(account);
    } catch (err) {
      session.clear();
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" id="isi">
      <h1>Kinerja</h1>
      <p class="muted">Sistem indikator kinerja Dinas Sosial Kabupaten Gresik</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={submit}>
        <div class="field"><label for="username">Nama pengguna</label><input id="username" name="username" autocomplete="username" required value={username}
            onInput={e => setUsername((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="password">Kata sandi</label><input id="password" name="password" type="password" autocomplete="current-password" required value={password}
            onInput={e => setPassword((e.target as HTMLInputElement).value)} /></div>
        <ErrorBox message={error} />
        <button type="submit" disabled={busy}>{busy ? 'Memeriksa…' : 'Masuk'}</button>
      </form>
    </main>
  );
}
