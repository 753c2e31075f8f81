import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { borrowSession, signOut, whenSignedOut, type Account } from './api';
import { carrying, follow, navigate, useAddress } from './route';
import { ROLE_TEXT } from './format';
import { Masuk } from './screens/Masuk';
import { Dasbor } from './screens/Dasbor';
import { Pohon } from './screens/Pohon';
import { Isian } from './screens/Isian';
import { Verifikasi } from './screens/Verifikasi';
import { Register } from './screens/Register';
import { Admin } from './screens/Admin';
import { Laporan } from './screens/Laporan';
import { Pejabat } from './screens/Pejabat';
import { Target } from './screens/Target';
import { DataDasar } from './screens/DataDasar';
import { Akun } from './screens/Akun';
import { KataSandi } from './screens/KataSandi';
import './style.css';

interface Screen { path: string; title: string; roles: string[] | null; view: (a: { account: Account }) => preact.JSX.Element; menu?: false }

// null roles: every signed-in account. Admins may do everything, so they see every screen. A screen outside the menu
// (menu: false) is linked from the header.
const SCREENS: Screen[] = [
  { path: '/dasbor', title: 'Dasbor', roles: null, view: Dasbor },
  { path: '/pohon-kinerja', title: 'Pohon kinerja', roles: null, view: Pohon },
  { path: '/isian', title: 'Isian', roles: ['operator'], view: Isian },
  { path: '/target', title: 'Target', roles: ['operator'], view: Target },
  { path: '/data-dasar', title: 'Data dasar', roles: ['operator'], view: DataDasar },
  { path: '/verifikasi', title: 'Verifikasi', roles: ['verifikator'], view: Verifikasi },
  { path: '/register', title: 'Register', roles: ['operator'], view: Register },
  { path: '/pejabat-analisis', title: 'Pejabat dan analisis', roles: ['operator'], view: Pejabat },
  { path: '/laporan', title: 'Laporan', roles: null, view: Laporan },
  { path: '/admin', title: 'Admin', roles: [], view: Admin },
  { path: '/akun', title: 'Akun', roles: [], view: Akun },
  { path: '/kata-sandi', title: 'Ganti kata sandi', roles: null, view: KataSandi, menu: false },
];
const CHANGE_PASSWORD = SCREENS.find(s => s.path === '/kata-sandi')!;

const allowed = (s: Screen, a: Account) => s.roles == null || a.roles.includes('admin') || s.roles.some(r => a.roles.includes(r));

function App() {
  useAddress();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    whenSignedOut(message => { setNotice(message); setAccount(null); });
    borrowSession().then(setAccount);
  }, []);

  // The front page is the dashboard, under its own address, so that its year and period sit beside its name.
  if (account && ['/', '/masuk'].includes(location.pathname)) history.replaceState(null, '', `/dasbor${location.search}`);
  const asked = SCREENS.find(s => s.path === location.pathname) ?? null;
  const screen = account && asked && allowed(asked, account) ? asked : null;
  useEffect(() => { document.title = `${account ? screen?.title ?? 'Tidak ditemukan' : 'Masuk'} — Kinerja`; }, [screen, account]);

  if (account === undefined) return <p class="muted" aria-live="polite">Memuat…</p>;
  if (!account) {
    return <Masuk notice={notice} onSignedIn={a => { setNotice(null); setAccount(a); }} />;
  }
  const visible = SCREENS.filter(s => s.menu !== false && allowed(s, account));

  return (
    <>
      <a class="skip" href="#isi">Lompat ke isi</a>
      <header class="top">
        <div class="brand">Kinerja <span>Dinas Sosial Kabupaten Gresik</span></div>
        <nav aria-label="Menu utama">
          <ul>
            {visible.map(s => (
              <li><a href={carrying(s.path)} aria-current={s === screen ? 'page' : undefined} onClick={follow}>{s.title}</a></li>
            ))}
            {/* For people who write queries of their own; the page itself stays open to every account. */}
            {account.roles.includes('admin') && <li><a href="/graphiql">GraphiQL</a></li>}
          </ul>
        </nav>
        <div class="who">
          <span>{account.username} · {account.roles.map(r => ROLE_TEXT[r] ?? r).join(', ')}{account.unitName ? ` · ${account.unitName}` : ''}</span>
          <a href={CHANGE_PASSWORD.path} aria-current={screen === CHANGE_PASSWORD ? 'page' : undefined} onClick={follow}>{CHANGE_PASSWORD.title}</a>
          <button type="button" onClick={() => { signOut(); setNotice('Anda telah keluar.'); setAccount(null); navigate('/masuk'); }}>Keluar</button>
        </div>
      </header>
      <main id="isi" tabIndex={-1}>
        {screen ? <screen.view account={account} /> : (
          <section><h1>Halaman tidak tersedia</h1>
            <p>{asked ? `Peran Anda tidak dapat membuka ${asked.title}.` : 'Alamat ini tidak dikenal.'} Pilih salah satu menu di atas.</p></section>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
