import { useState } from 'preact/hooks';
import { refusalAt, renewSession, request, type Account } from '../api';
import { graphql } from '../gql';
import { ErrorBox, TextField } from '../ui';

const CHANGE = graphql(`mutation ChangePassword($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`);

type Field = 'current' | 'password' | 'repeat';

/**
 * Every account changes its own password here. The server ends every token of the account and answers a new one, which
 * this tab (and the other tabs of the same session) go on with.
 */
export function KataSandi({ account }: { account: Account }) {
  const empty = { current: '', password: '', repeat: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [rest, setRest] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    setRest(null);
    if (form.password !== form.repeat) return setErrors({ repeat: 'kedua kata sandi baru tidak sama; ketik ulang' });
    setErrors({});
    setBusy(true);
    try {
      const { changePassword } = await request(CHANGE, { c: form.current, n: form.password });
      renewSession(changePassword.token);
      setForm(empty);
      setDone('Kata sandi diganti; sesi lain akun ini telah berakhir.');
    } catch (err) {
      const refused = refusalAt<Field>(err, { currentPassword: 'current', newPassword: 'password' });
      setErrors(refused.at);
      setRest(refused.rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Ganti kata sandi</h1>
      <p class="muted">Setelah diganti, sesi akun {account.username} di peramban atau perangkat lain berakhir; sesi ini berlanjut dengan kata sandi baru.</p>
      <form class="stack" onSubmit={submit}>
        <TextField id="sandi-nama" label="Nama pengguna" value={account.username} autocomplete="username" readOnly />
        <TextField id="sandi-sekarang" label="Kata sandi sekarang" type="password" autocomplete="current-password" value={form.current}
          error={errors.current} onInput={v => setForm({ ...form, current: v })} />
        <TextField id="sandi-baru" label="Kata sandi baru" type="password" autocomplete="new-password" value={form.password} error={errors.password}
          note="Paling sedikit 12 karakter, tanpa nama pengguna; sebuah kalimat pendek yang mudah diingat lebih kuat daripada kata yang rumit."
          onInput={v => setForm({ ...form, password: v })} />
        <TextField id="sandi-ulang" label="Ulangi kata sandi baru" type="password" autocomplete="new-password" value={form.repeat} error={errors.repeat}
          onInput={v => setForm({ ...form, repeat: v })} />
        <ErrorBox message={rest} />
        {done && <p class="ok" role="status">{done}</p>}
        <p class="actions"><button type="submit" disabled={busy}>{busy ? 'Menyimpan…' : 'Ganti kata sandi'}</button></p>
      </form>
    </section>
  );
}
