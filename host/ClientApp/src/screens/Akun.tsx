import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { refusalAt, request, type Account } from '../api';
import { fmtDateTime, ROLE_TEXT } from '../format';
import { graphql } from '../gql';
import type { AccountsQuery } from '../gql/graphql';
import { ErrorBox, Loading, Table, TextField, useLoad } from '../ui';

const ACCOUNTS = graphql(`query Accounts { accounts { username roles unit disabled createdAt changedAt lockedUntil } units { code name } }`);
const CREATE = graphql(`mutation CreateAccount($input: AccountInput!) { createAccount(input: $input) { username } }`);
const UPDATE = graphql(`mutation UpdateAccount($input: AccountInput!) { updateAccount(input: $input) { username } }`);
const DISABLE = graphql(`mutation DisableAccount($u: String!) { disableAccount(username: $u) { disabled } }`);
const ENABLE = graphql(`mutation EnableAccount($u: String!) { enableAccount(username: $u) { disabled } }`);
const RESET = graphql(`mutation ResetPassword($u: String!, $p: String!) { resetPassword(username: $u, newPassword: $p) { username } }`);

type UserAccount = AccountsQuery['accounts'][number];
type Unit = AccountsQuery['units'][number];
const ROLES = ['admin', 'pimpinan', 'operator', 'verifikator'];
const PASSWORD_NOTE = 'Paling sedikit 12 karakter; sebuah kalimat pendek yang mudah diingat lebih kuat daripada kata yang rumit.';
const NO_ROLE = 'pilih paling sedikit satu peran';
const NOT_SAME = 'kedua kata sandi tidak sama; ketik ulang';

/** What is open under an account's row: a form, a confirmation, or what was just done. */
type Open = { user: string; kind: 'edit' | 'disable' | 'reset' } | { user: string; kind: 'done'; text: string };

export function Akun({ account }: { account: Account }) {
  const { data, error, loading, reload } = useLoad(() => request(ACCOUNTS), []);
  const [open, setOpen] = useState<Open | null>(null);
  const units = data?.units ?? [];
  const unitName = (code: string | null | undefined) => (code ? units.find(u => u.code === code)?.name ?? code : 'seluruh Dinas');
  const done = (user: string, text: string) => { setOpen({ user, kind: 'done', text }); reload(); };

  return (
    <section>
      <h1>Akun</h1>
      <p class="muted">Akun pengguna Kinerja: peran, unit, dan siapa yang dapat masuk. Setiap perubahan dicatat di jejak audit.</p>
      <ErrorBox message={error} />
      <Loading on={loading && !data} />
      {data && <>
        <CreateForm units={units} onCreated={name => done(name, `Akun ${name} dibuat; pemiliknya dapat masuk dengan kata sandi yang Anda tetapkan.`)} />
        <h2>Daftar akun</h2>
        <Table caption={`Akun (${data.accounts.length})`} stacked>
          <thead><tr><th scope="col">Nama pengguna</th><th scope="col">Peran</th><th scope="col">Unit</th><th scope="col">Status</th>
            <th scope="col">Dibuat dan diubah</th><th scope="col">Tindakan</th></tr></thead>
          <tbody>{data.accounts.map(a => {
            const own = a.username === account.username;
            const here = open?.user === a.username ? open : null;
            const ask = (kind: 'edit' | 'disable' | 'reset') => setOpen(here?.kind === kind ? null : { user: a.username, kind });
            return <Fragment key={a.username}>
              <tr data-account={a.username}>
                <th scope="row">{a.username}{own && <small class="muted"> (akun Anda)</small>}</th>
                <td data-label="Peran">{a.roles.map(r => ROLE_TEXT[r] ?? r).join(', ')}</td>
                <td data-label="Unit">{unitName(a.unit)}</td>
                <td data-label="Status" data-field="status"><AccountState account={a} /></td>
                <td data-label="Dibuat dan diubah"><small>dibuat {fmtDateTime(a.createdAt)}{a.changedAt && <><br />diubah {fmtDateTime(a.changedAt)}</>}</small></td>
                <td data-label="Tindakan"><div class="actions">
                  <button type="button" class="secondary" aria-expanded={here?.kind === 'edit'} onClick={() => ask('edit')}>Ubah peran dan unit</button>
                  {/* An administrator cannot disable their own account: the button is not offered. */}
                  {a.disabled
                    ? <EnableButton user={a.username} onDone={done} />
                    : !own && <button type="button" class="secondary" aria-expanded={here?.kind === 'disable'} onClick={() => ask('disable')}>Nonaktifkan</button>}
                  <button type="button" class="secondary" aria-expanded={here?.kind === 'reset'} onClick={() => ask('reset')}>Setel ulang kata sandi</button>
                </div></td>
              </tr>
              {here && (
                <tr class="panel" data-panel={a.username}><td colSpan={6}>
                  {here.kind === 'done' && <p class="ok" role="status">{here.text}</p>}
                  {here.kind === 'edit' && <EditForm account={a} own={own} units={units} onCancel={() => setOpen(null)}
                    onDone={text => done(a.username, text)} />}
                  {here.kind === 'disable' && <DisableConfirm user={a.username} onCancel={() => setOpen(null)}
                    onDone={() => done(a.username, `Akun ${a.username} dinonaktifkan; semua sesinya telah berakhir.`)} />}
                  {here.kind === 'reset' && <ResetForm user={a.username} own={own} onCancel={() => setOpen(null)}
                    onDone={() => done(a.username, `Kata sandi ${a.username} disetel ulang; semua sesinya telah berakhir. Sampaikan kata sandi baru kepadanya secara langsung.`)} />}
                </td></tr>
              )}
            </Fragment>;
          })}</tbody>
        </Table>
      </>}
    </section>
  );
}

function AccountState({ account }: { account: UserAccount }) {
  const locked = account.lockedUntil != null && new Date(account.lockedUntil) > new Date();
  return <>
    <span class={account.disabled ? 'state state-dikembalikan' : 'state state-diverifikasi'}>{account.disabled ? 'nonaktif' : 'aktif'}</span>
    {locked && <><br /><small>terkunci sampai {fmtDateTime(account.lockedUntil)} setelah beberapa kali gagal masuk</small></>}
  </>;
}

/** The roles as checkboxes and the unit as a select of unit names, each with its refusal. */
function RolesAndUnit({ id, roles, unit, units, errors, onChange }: {
  id: string; roles: string[]; unit: string; units: Unit[]; errors: { roles?: string; unit?: string };
  onChange: (roles: string[], unit: string) => void;
}) {
  const toggle = (role: string, on: boolean) => onChange(ROLES.filter(r => (r === role ? on : roles.includes(r))), unit);
  return <>
    <fieldset class="roles" aria-describedby={errors.roles ? `${id}-peran-error` : undefined}>
      <legend>Peran</legend>
      <div class="choices">{ROLES.map(r => (
        <label class="check"><input type="checkbox" checked={roles.includes(r)} onChange={e => toggle(r, (e.target as HTMLInputElement).checked)} />
          {ROLE_TEXT[r]}</label>
      ))}</div>
      {errors.roles && <span class="field-error" id={`${id}-peran-error`} role="alert">{errors.roles}</span>}
    </fieldset>
    <div class="field">
      <label for={`${id}-unit`}>Unit</label>
      <select id={`${id}-unit`} value={unit} aria-invalid={errors.unit ? 'true' : undefined}
        aria-describedby={`${id}-unit-note${errors.unit ? ` ${id}-unit-error` : ''}`}
        onChange={e => onChange(roles, (e.target as HTMLSelectElement).value)}>
        <option value="">Tanpa unit (seluruh Dinas)</option>
        {units.map(u => <option value={u.code}>{u.name}</option>)}
      </select>
      <span class="field-note" id={`${id}-unit-note`}>Operator dan verifikator memerlukan unit: perannya berlaku untuk unit itu dan unit di bawahnya.</span>
      {errors.unit && <span class="field-error" id={`${id}-unit-error`} role="alert">{errors.unit}</span>}
    </div>
  </>;
}

type CreateField = 'username' | 'password' | 'repeat' | 'roles' | 'unit';

function CreateForm({ units, onCreated }: { units: Unit[]; onCreated: (name: string) => void }) {
  const empty = { username: '', password: '', repeat: '', roles: [] as string[], unit: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [rest, setRest] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const own: Partial<Record<CreateField, string>> = {};
    if (form.password !== form.repeat) own.repeat = NOT_SAME;
    if (form.roles.length === 0) own.roles = NO_ROLE;
    setErrors(own);
    setRest(null);
    if (Object.keys(own).length > 0) return;
    setBusy(true);
    try {
      const username = form.username.trim();
      await request(CREATE, { input: { username, password: form.password, roles: form.roles, unit: form.unit || null } });
      setForm(empty);
      onCreated(username);
    } catch (err) {
      const refused = refusalAt<CreateField>(err, { 'input.username': 'username', 'input.password': 'password', 'input.roles': 'roles', 'input.unit': 'unit' });
      setErrors(refused.at);
      setRest(refused.rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card account-form" onSubmit={submit} aria-labelledby="buat-akun">
      <h2 id="buat-akun">Buat akun</h2>
      <div class="fields">
        <TextField id="akun-nama" label="Nama pengguna" value={form.username} error={errors.username}
          note="2 sampai 32 karakter: huruf kecil, angka, titik, tanda hubung atau garis bawah." onInput={v => setForm({ ...form, username: v })} />
        <TextField id="akun-sandi" label="Kata sandi" type="password" autocomplete="new-password" value={form.password} error={errors.password}
          note={PASSWORD_NOTE} onInput={v => setForm({ ...form, password: v })} />
        <TextField id="akun-sandi-ulang" label="Ulangi kata sandi" type="password" autocomplete="new-password" value={form.repeat} error={errors.repeat}
          onInput={v => setForm({ ...form, repeat: v })} />
      </div>
      <div class="fields">
        <RolesAndUnit id="akun" roles={form.roles} unit={form.unit} units={units} errors={errors}
          onChange={(roles, unit) => setForm({ ...form, roles, unit })} />
      </div>
      <ErrorBox message={rest} />
      <p class="actions"><button type="submit" disabled={busy}>{busy ? 'Menyimpan…' : 'Buat akun'}</button></p>
    </form>
  );
}

function EditForm({ account, own, units, onCancel, onDone }: {
  account: UserAccount; own: boolean; units: Unit[]; onCancel: () => void; onDone: (text: string) => void;
}) {
  const [roles, setRoles] = useState(ROLES.filter(r => account.roles.includes(r)));
  const [unit, setUnit] = useState(account.unit ?? '');
  const [errors, setErrors] = useState<{ roles?: string; unit?: string }>({});
  const [rest, setRest] = useState<string | null>(null);
  const id = `ubah-${account.username}`;

  async function submit(e: Event) {
    e.preventDefault();
    setRest(null);
    if (roles.length === 0) return setErrors({ roles: NO_ROLE });
    setErrors({});
    try {
      await request(UPDATE, { input: { username: account.username, roles, unit: unit || null } });
      onDone(`Peran dan unit ${account.username} diubah; semua sesinya telah berakhir, dan pemiliknya masuk lagi dengan peran yang baru.`);
    } catch (err) {
      const refused = refusalAt<'roles' | 'unit'>(err, { 'input.roles': 'roles', 'input.unit': 'unit' });
      setErrors(refused.at);
      setRest(refused.rest);
    }
  }

  return (
    <form class="account-form" onSubmit={submit} aria-label={`Ubah peran dan unit ${account.username}`}>
      <h3>Ubah peran dan unit {account.username}</h3>
      <p class="small-note">{own
        ? 'Ini akun Anda sendiri: setelah disimpan, sesi ini berakhir dan Anda masuk lagi dengan peran yang baru.'
        : `Setelah disimpan, semua sesi ${account.username} berakhir seketika, dan pemiliknya masuk lagi dengan peran dan unit yang baru.`}</p>
      <div class="fields"><RolesAndUnit id={id} roles={roles} unit={unit} units={units} errors={errors} onChange={(r, u) => { setRoles(r); setUnit(u); }} /></div>
      <ErrorBox message={rest} />
      <p class="actions"><button type="submit">Simpan</button><button type="button" class="secondary" onClick={onCancel}>Batal</button></p>
    </form>
  );
}

function EnableButton({ user, onDone }: { user: string; onDone: (user: string, text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function enable() {
    setError(null);
    try {
      await request(ENABLE, { u: user });
      onDone(user, `Akun ${user} diaktifkan kembali; pemiliknya dapat masuk lagi.`);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return <><button type="button" onClick={enable}>Aktifkan</button><ErrorBox message={error} /></>;
}

function DisableConfirm({ user, onCancel, onDone }: { user: string; onCancel: () => void; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  async function disable() {
    setError(null);
    try {
      await request(DISABLE, { u: user });
      onDone();
    } catch (err) {
      setError(refusalAt(err, {}).rest);
    }
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={`nonaktif-${user}-judul`} aria-describedby={`nonaktif-${user}-isi`}>
      <h3 id={`nonaktif-${user}-judul`}>Nonaktifkan akun {user}?</h3>
      <p id={`nonaktif-${user}-isi`}>{user} tidak dapat masuk lagi, dan semua tanda masuknya berakhir seketika: setiap sesi {user} yang sedang
        terbuka kembali ke halaman Masuk pada permintaan berikutnya. Akun, isian dan jejak auditnya tetap tersimpan, dan akun dapat diaktifkan kembali.</p>
      <ErrorBox message={error} />
      <p class="actions">
        <button type="button" onClick={disable}>Ya, nonaktifkan {user}</button>
        <button type="button" class="secondary" onClick={onCancel}>Batal</button>
      </p>
    </div>
  );
}

function ResetForm({ user, own, onCancel, onDone }: { user: string; own: boolean; onCancel: () => void; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [rest, setRest] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const id = `reset-${user}`;

  function ask(e: Event) {
    e.preventDefault();
    setRest(null);
    const mismatch = password !== repeat;
    setErrors(mismatch ? { repeat: NOT_SAME } : {});
    setConfirming(!mismatch);
  }

  async function reset() {
    setConfirming(false);
    try {
      await request(RESET, { u: user, p: password });
      onDone();
    } catch (err) {
      const refused = refusalAt<'password'>(err, { newPassword: 'password' });
      setErrors(refused.at);
      setRest(refused.rest);
    }
  }

  return (
    <form class="account-form" onSubmit={ask} aria-label={`Setel ulang kata sandi ${user}`}>
      <h3>Setel ulang kata sandi {user}</h3>
      <div class="fields">
        <TextField id={`${id}-sandi`} label="Kata sandi baru" type="password" autocomplete="new-password" value={password} error={errors.password}
          note={PASSWORD_NOTE} onInput={v => { setPassword(v); setConfirming(false); }} />
        <TextField id={`${id}-ulang`} label="Ulangi kata sandi baru" type="password" autocomplete="new-password" value={repeat} error={errors.repeat}
          onInput={v => { setRepeat(v); setConfirming(false); }} />
      </div>
      <ErrorBox message={rest} />
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby={`${id}-judul`} aria-describedby={`${id}-isi`}>
          <h3 id={`${id}-judul`}>Setel ulang kata sandi {user}?</h3>
          <p id={`${id}-isi`}>{own
            ? 'Semua sesi akun Anda berakhir seketika, termasuk sesi ini: Anda masuk lagi dengan kata sandi baru.'
            : `Semua tanda masuk ${user} berakhir seketika, dan ${user} masuk dengan kata sandi baru ini. Sampaikan kata sandi itu kepadanya secara langsung.`}</p>
          <p class="actions">
            <button type="button" onClick={reset}>Ya, setel ulang kata sandi {user}</button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>Batal</button>
          </p>
        </div>
      ) : (
        <p class="actions"><button type="submit">Setel ulang kata sandi</button><button type="button" class="secondary" onClick={onCancel}>Batal</button></p>
      )}
    </form>
  );
}
