import { useState } from 'preact/hooks';
import { gql, session, type Account } from '../api';
import { ErrorBox } from '../ui';

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
      const { login } = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }', { u: username, p: password });
      session.save(login.token, { username, roles: [], unit: null });
      const { me } = await gql<{ me: Account }>('{ me { username roles unit } }');
      const unit = me.unit ? (await gql<{ unit: { name: string } | null }>('query($c: String!) { unit(code: $c) { name } }', { c: me.unit })).unit : null;
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
